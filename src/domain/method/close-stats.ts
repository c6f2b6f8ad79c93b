/**
 * What the close attempts teach: which objections and stalls the team meets (by market,
 * class or member), and which scripted replies are followed by a signature. Pure: the use
 * case reads the attempts and the signatures, these functions count.
 */
import { allocate } from '../money.js';

/** One objection or stall met, with the group it counts in. */
export interface ObjectionFact {
  readonly customerId: string;
  readonly attemptedOn: string;
  readonly objectionKey: string;
  readonly replyId: string | null;
  readonly replyText: string | null;
  /** The group's key (a market id, a class, a membership id; '' for none). */
  readonly group: string;
}

/** A group's objections: each key's count and share in hundredths of a percent. */
export interface ObjectionGroup {
  readonly group: string;
  readonly total: number;
  readonly items: readonly { readonly key: string; readonly count: number; readonly shareBp: number }[];
}

/**
 * Counts objections by key within each group, most frequent first (then by key). Shares
 * are in hundredths of a percent, split with the largest-remainder method so a group's
 * shares always add up to exactly 10 000.
 */
export function countObjections(facts: readonly ObjectionFact[]): ObjectionGroup[] {
  const groups = new Map<string, Map<string, number>>();
  for (const f of facts) {
    const counts = groups.get(f.group) ?? new Map<string, number>();
    counts.set(f.objectionKey, (counts.get(f.objectionKey) ?? 0) + 1);
    groups.set(f.group, counts);
  }
  return [...groups.entries()]
    .map(([group, counts]) => {
      const entries = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      const total = entries.reduce((n, [, c]) => n + c, 0);
      const shares = allocate(
        10_000,
        entries.map(([, c]) => c),
      );
      return {
        group,
        total,
        items: entries.map(([key, count], i) => ({ key, count, shareBp: shares[i] ?? 0 })),
      };
    })
    .sort((a, b) => b.total - a.total || a.group.localeCompare(b.group));
}

/** How one reply to one objection fared. */
export interface ReplyEffect {
  readonly objectionKey: string;
  /** The scripted reply's id, or null when the salesperson wrote their own words. */
  readonly replyId: string | null;
  /** For an own reply: its text (trimmed); null for a scripted one. */
  readonly replyText: string | null;
  readonly uses: number;
  /** Uses followed by a signature of that customer on or after the attempt's date. */
  readonly signedAfter: number;
  /** signedAfter / uses in hundredths of a percent, rounded half up. */
  readonly rateBp: number;
}

/**
 * Reply effectiveness: for each (objection, reply) the uses and how many were followed by
 * a signature of the same customer on or after the attempt's date. `signedOn` lists every
 * signature date per customer (signed attempts and signed deals). Attempts without a
 * reply are not counted. Most used first.
 */
export function replyEffectiveness(
  facts: readonly ObjectionFact[],
  signedOn: ReadonlyMap<string, readonly string[]>,
): ReplyEffect[] {
  const rows = new Map<
    string,
    {
      objectionKey: string;
      replyId: string | null;
      replyText: string | null;
      uses: number;
      signedAfter: number;
    }
  >();
  for (const f of facts) {
    const text = f.replyText?.trim() || null;
    if (f.replyId === null && text === null) continue;
    const replyText = f.replyId === null ? text : null;
    const id = JSON.stringify([f.objectionKey, f.replyId, replyText]);
    const row = rows.get(id) ?? {
      objectionKey: f.objectionKey,
      replyId: f.replyId,
      replyText,
      uses: 0,
      signedAfter: 0,
    };
    row.uses++;
    if ((signedOn.get(f.customerId) ?? []).some((d) => d >= f.attemptedOn)) row.signedAfter++;
    rows.set(id, row);
  }
  return [...rows.values()]
    .map((r) => ({ ...r, rateBp: Math.floor((r.signedAfter * 10_000 * 2 + r.uses) / (2 * r.uses)) }))
    .sort(
      (a, b) =>
        b.uses - a.uses ||
        a.objectionKey.localeCompare(b.objectionKey) ||
        (a.replyId ?? '').localeCompare(b.replyId ?? '') ||
        (a.replyText ?? '').localeCompare(b.replyText ?? ''),
    );
}
