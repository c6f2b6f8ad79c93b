/**
 * Kysely's SQLite dialect with two changes that make a shared SQLite file safe:
 *
 * - Transactions start with `BEGIN IMMEDIATE`: the write lock is taken at the start, so a
 *   second process waits (busy timeout) instead of failing later with SQLITE_BUSY when a
 *   read-then-write transaction tries to upgrade its lock.
 * - Migrations run in one transaction (SQLite supports transactional DDL; Kysely's stock
 *   adapter does not claim it). With the immediate lock, two processes starting together
 *   migrate one after the other, and a failed migration leaves nothing behind.
 */
import type { Database as SQLiteDatabase } from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
} from 'kysely';

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** The SQLite dialect Closer uses (see the module comment). */
export class CloserSqliteDialect extends SqliteDialect {
  readonly #database: SQLiteDatabase;

  constructor(database: SQLiteDatabase) {
    super({ database });
    this.#database = database;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#database });
  }

  override createAdapter(): SqliteAdapter {
    return new TransactionalSqliteAdapter();
  }
}
