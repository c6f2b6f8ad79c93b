/**
 * Use case: objection analytics over the close attempts the caller may see — which
 * objections and stalls come up (overall, or by market, class or member) and which replies
 * are followed by a signature.
 */
import { type ObjectionStats, objectionStatsQuery } from '../../contract/stats.js';
import { countObjections, type ObjectionFact, replyEffectiveness } from '../../domain/method/close-stats.js';
import type { Deps, Principal } from '../context.js';
import { visibleCustomerIds } from '../customers/visible-customer.js';
import { loadCatalog } from '../objections/objection-store.js';
import { fieldError, parseInput } from '../validation.js';

/**
 * Counts the objections and stalls of attempts dated in [from, to] by key (per group), and
 * each reply's uses and how many were followed by a signature of that customer — a signed
 * attempt or a signed deal dated on or after the attempt (signatures after `to` count).
 */
export async function getObjectionStats(
  deps: Deps,
  principal: Principal,
  query: unknown,
): Promise<ObjectionStats> {
  const p = parseInput(objectionStatsQuery, query);
  if (p.from && p.to && p.from > p.to)
    throw fieldError('to', 'must not be before from', '结束日期不能早于开始日期');
  let q = deps.db
    .selectFrom('close_attempts')
    .innerJoin('customers', 'customers.id', 'close_attempts.customer_id')
    .leftJoin('markets', 'markets.id', 'customers.market_id')
    .leftJoin('memberships', 'memberships.id', 'close_attempts.owner_id')
    .leftJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'close_attempts.customer_id as customerId',
      'close_attempts.attempted_on as attemptedOn',
      'close_attempts.objection_key as objectionKey',
      'close_attempts.reply_id as replyId',
      'close_attempts.reply_text as replyText',
      'customers.market_id as marketId',
      'markets.name as marketName',
      'customers.class as class',
      'close_attempts.owner_id as ownerId',
      'users.name as ownerName',
    ])
    .where('close_attempts.workspace_id', '=', principal.workspaceId)
    .where('close_attempts.customer_id', 'in', visibleCustomerIds(deps.db, principal))
    .where('close_attempts.result', 'in', ['objection', 'stall'])
    .where('close_attempts.objection_key', 'is not', null);
  if (p.from) q = q.where('close_attempts.attempted_on', '>=', p.from);
  if (p.to) q = q.where('close_attempts.attempted_on', '<=', p.to);
  const rows = await q.execute();

  const labels = new Map<string, string | null>();
  const facts: ObjectionFact[] = rows.map((r) => {
    const [group, label] =
      p.groupBy === 'market'
        ? [r.marketId ?? '', r.marketName]
        : p.groupBy === 'class'
          ? [r.class, r.class]
          : p.groupBy === 'member'
            ? [r.ownerId ?? '', r.ownerName]
            : ['', null];
    labels.set(group, label ?? null);
    return {
      customerId: r.customerId,
      attemptedOn: r.attemptedOn,
      objectionKey: r.objectionKey ?? '',
      replyId: r.replyId,
      replyText: r.replyText,
      group,
    };
  });

  // Signatures of the customers concerned: signed attempts and signed deals.
  const customerIds = [...new Set(facts.map((f) => f.customerId))];
  const signedOn = new Map<string, string[]>();
  const add = (customerId: string, date: string | null) => {
    if (date) signedOn.set(customerId, [...(signedOn.get(customerId) ?? []), date]);
  };
  for (let i = 0; i < customerIds.length; i += 500) {
    const chunk = customerIds.slice(i, i + 500);
    const signedAttempts = await deps.db
      .selectFrom('close_attempts')
      .select(['customer_id', 'attempted_on'])
      .where('workspace_id', '=', principal.workspaceId)
      .where('result', '=', 'signed')
      .where('customer_id', 'in', chunk)
      .execute();
    for (const s of signedAttempts) add(s.customer_id, s.attempted_on);
    const deals = await deps.db
      .selectFrom('deals')
      .select(['customer_id', 'signed_on'])
      .where('workspace_id', '=', principal.workspaceId)
      .where('signed_on', 'is not', null)
      .where('customer_id', 'in', chunk)
      .execute();
    for (const d of deals) add(d.customer_id, d.signed_on);
  }

  const catalog = await loadCatalog(deps.db, principal.workspaceId);
  const entry = (key: string) => catalog.find((e) => e.key === key);
  return {
    from: p.from ?? null,
    to: p.to ?? null,
    groupBy: p.groupBy,
    total: facts.length,
    groups: countObjections(facts).map((g) => ({
      group: g.group === '' ? null : g.group,
      label: labels.get(g.group) ?? null,
      total: g.total,
      items: g.items.map((i) => ({
        ...i,
        labelZh: entry(i.key)?.labelZh ?? i.key,
        labelEn: entry(i.key)?.labelEn ?? i.key,
      })),
    })),
    replies: replyEffectiveness(facts, signedOn).map((r) => {
      const reply = r.replyId ? entry(r.objectionKey)?.replies.find((x) => x.id === r.replyId) : undefined;
      return { ...r, replyZh: reply?.zh ?? null, replyEn: reply?.en ?? null };
    }),
  };
}
