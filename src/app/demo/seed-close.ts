/**
 * Demo data of finding the need and closing (method parts 3 and 4): discovery answers and
 * pains on every customer's first visit, and close attempts on the visits — won customers
 * met objections and stalls before they signed at their last visit, open customers are
 * left with a stall (qualified and proposal ones: they wait on it) or an objection and the
 * follow-ups it created, lost ones with their unresolved objections — so the pitch list,
 * the objection statistics and the reply effectiveness all have something to show.
 */
import type { Insertable } from 'kysely';
import type { CloseAttemptsTable } from '../../db/schema.js';
import { addDays } from '../../domain/dates.js';
import {
  DEFAULT_DISCOVERY_CHAIN,
  PAIN_CATEGORIES,
  type PainCategory,
} from '../../domain/method/discovery.js';
import { closeAttemptEffects, DEFAULT_OBJECTIONS } from '../../domain/method/objections.js';
import type { Random } from '../../domain/random.js';
import type { Deps } from '../context.js';
import type { DemoAreaSeeder, DemoContext } from './demo-context.js';

/** What each pain category sounds like at a visit, and the need behind it. */
const NEEDS: Record<Exclude<PainCategory, 'other'>, readonly string[]> = {
  performance: ['今年业绩要增长 30%', '淡季订单不够，工人闲着'],
  user_count: ['每月多 20 个有效询盘', '老客户越来越少，需要新买家'],
  market_size: ['打开中东和东南亚市场', '不想只依赖一个国家的订单'],
  brand: ['让海外买家相信我们是实力工厂', '摆脱只靠低价竞争'],
  team: ['外贸业务员不会做线上', '没人专门跟进询盘'],
  trade_form: ['从贴牌转向自有品牌出口', '想从线下展会转到线上成交'],
};
const SITUATIONS = ['主要靠广交会和老客户', '做国内批发，刚开始试外贸', '有两个外贸业务员，靠展会拿单'];
const CAUSES = ['展会成本越来越高，效果越来越差', '没有线上渠道，买家找不到我们', '价格战太厉害，利润很薄'];
const VALUES = ['一年多做两三百万', '至少能多养活一条生产线', '利润能提高五个点'];
const CONCERNS = [
  '担心投了钱没有询盘',
  '不确定业务员能不能接得住',
  '想先看看同行的效果',
  '觉得今年预算已经用完',
];
const WORDS: Record<string, readonly string[]> = {
  strategy: ['今年重点在国内市场', '外贸现在不是我们的方向'],
  tactics: ['我们刚调整了产品线，过段时间再说', '现在换渠道时机不对'],
  team: ['现在没人能做这个', '外贸部还没搭起来'],
  price: ['太贵了', '能不能便宜点', '今年没有这个预算'],
  think_about_it: ['我再考虑一下', '让我想想'],
  no_money: ['账上暂时没钱', '等这批货款回来再说'],
  ask_chairman: ['这个要董事长拍板', '我得和老板商量一下'],
};
const OWN_REPLIES: Record<string, string> = {
  price: '先签一年试试，效果好再升级',
  team: '我们的客服可以先帮您回询盘',
};

/** Seeds discovery answers, pains and close attempts with their follow-ups. */
export const seedClose: DemoAreaSeeder = async (deps: Deps, ctx: DemoContext, rand: Random) => {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const now = deps.clock().toISOString();
  const stamp = { created_at: now, updated_at: now };
  const counts = { discoveries: 0, closeAttempts: 0, followUps: 0, nextVisitPlans: 0 };
  const categories = PAIN_CATEGORIES.map((c) => c.key).filter(
    (k): k is Exclude<PainCategory, 'other'> => k !== 'other',
  );
  // A customer still qualified or at proposal today is waiting on something: its last
  // meeting ended in a stall ("let me think", "no money yet", "ask the chairman"), taken in
  // turn so each of the three next steps (concern, funds, next visit) is in the demo.
  const stalls = DEFAULT_OBJECTIONS.filter((o) => o.kind === 'stall');
  let stallsUsed = 0;

  await deps.db.transaction().execute(async (trx) => {
    const ws = ctx.workspaceId;
    const customers = await trx
      .selectFrom('customers')
      .select(['id', 'status', 'class', 'owner_id', 'version'])
      .where('workspace_id', '=', ws)
      .orderBy('id')
      .execute();
    const visits = await trx
      .selectFrom('visits')
      .select(['id', 'customer_id', 'visit_on', 'version'])
      .where('workspace_id', '=', ws)
      .orderBy('customer_id')
      .orderBy('visit_on')
      .orderBy('id')
      .execute();
    const deals = await trx
      .selectFrom('deals')
      .select(['id', 'customer_id', 'signed_on'])
      .where('workspace_id', '=', ws)
      .execute();
    const visitsOf = new Map<string, typeof visits>();
    for (const v of visits) visitsOf.set(v.customer_id, [...(visitsOf.get(v.customer_id) ?? []), v]);
    const dealOf = new Map(deals.map((d) => [d.customer_id, d]));

    for (const customer of customers) {
      const own = visitsOf.get(customer.id) ?? [];
      const first = own[0];
      if (!first) continue;

      // Discovery on the first visit: the four default questions and one or two pains.
      const painCount = rand() < 0.6 ? 1 : 2;
      const chosen: Exclude<PainCategory, 'other'>[] = [];
      while (chosen.length < painCount) {
        const c = pick(categories);
        if (!chosen.includes(c)) chosen.push(c);
      }
      const pains = chosen.map((category) => ({ category, need: pick(NEEDS[category]) }));
      const [q1, q2, q3, q4] = DEFAULT_DISCOVERY_CHAIN.questions.map((q) => q.id);
      const answers = [
        { questionId: q1, answer: pick(SITUATIONS) },
        { questionId: q2, answer: pains.map((p) => p.need).join('；') },
        { questionId: q3, answer: pick(CAUSES) },
        { questionId: q4, answer: pick(VALUES) },
      ];
      await trx
        .updateTable('visits')
        .set({
          discovery_version: 0,
          discovery_answers: JSON.stringify(answers),
          pains: JSON.stringify(pains),
          version: first.version + 1,
        })
        .where('id', '=', first.id)
        .execute();
      counts.discoveries++;

      // Close attempts: one per visit, the last one signed for a won customer.
      const deal = dealOf.get(customer.id);
      const won = customer.status === 'won' && deal !== undefined;
      if (customer.status === 'contacted' && rand() < 0.5) continue;
      const attempts: Insertable<CloseAttemptsTable>[] = [];
      for (const [i, visit] of own.entries()) {
        const last = i === own.length - 1;
        // Assistants sometimes ask at first meetings of new prospects they brought in.
        const ownerId =
          customer.class === 'new' && i === 0 && rand() < 0.3
            ? ctx.prospecting.membershipId
            : ctx.lead.membershipId;
        if (!won || !last || rand() < 0.35) {
          // An objection or stall met at this visit; for a won customer's last visit it was
          // resolved on the spot before the signature.
          const waiting = last && (customer.status === 'qualified' || customer.status === 'proposal');
          const entry =
            (waiting ? stalls[stallsUsed++ % stalls.length] : undefined) ?? pick(DEFAULT_OBJECTIONS);
          const ownWords = OWN_REPLIES[entry.key];
          const useOwn = ownWords !== undefined && rand() < 0.25;
          const reply = pick(entry.replies);
          const resolved = won && last;
          attempts.push({
            id: deps.newId(),
            workspace_id: ws,
            customer_id: customer.id,
            visit_id: visit.id,
            owner_id: ownerId,
            attempted_on: visit.visit_on,
            result: entry.kind,
            objection_key: entry.key,
            customer_words: pick(WORDS[entry.key] ?? ['再说吧']),
            reply_id: useOwn ? null : reply.id,
            reply_text: useOwn ? ownWords : null,
            response: resolved ? 'resolved' : 'unresolved',
            concern: entry.key === 'think_about_it' ? pick(CONCERNS) : null,
            funds_on: entry.key === 'no_money' ? addDays(visit.visit_on, 10 + Math.floor(rand() * 25)) : null,
            deal_id: null,
            notes: null,
            ...stamp,
          });
        }
        if (won && last) {
          attempts.push({
            id: deps.newId(),
            workspace_id: ws,
            customer_id: customer.id,
            visit_id: visit.id,
            owner_id: ctx.lead.membershipId,
            attempted_on: deal.signed_on ?? visit.visit_on,
            result: 'signed',
            objection_key: null,
            customer_words: null,
            reply_id: null,
            reply_text: null,
            response: null,
            concern: null,
            funds_on: null,
            deal_id: deal.id,
            notes: null,
            ...stamp,
          });
        }
      }
      if (attempts.length === 0) continue;
      await trx.insertInto('close_attempts').values(attempts).execute();
      counts.closeAttempts += attempts.length;

      // The open customer's last stall sets its next step in motion, as the use case does.
      const lastAttempt = attempts[attempts.length - 1];
      const open =
        customer.status === 'contacted' || customer.status === 'qualified' || customer.status === 'proposal';
      if (!open || !lastAttempt || lastAttempt.result === 'signed') continue;
      const effects = closeAttemptEffects(
        {
          result: lastAttempt.result,
          attemptedOn: lastAttempt.attempted_on,
          objectionKey: lastAttempt.objection_key,
          concern: lastAttempt.concern,
          fundsOn: lastAttempt.funds_on,
        },
        'zh',
      );
      for (const f of effects.followUps) {
        await trx
          .insertInto('follow_ups')
          .values({
            id: deps.newId(),
            workspace_id: ws,
            customer_id: customer.id,
            assignee_id: customer.owner_id,
            due_on: f.dueOn,
            kind: f.kind,
            notes: f.notes,
            // Follow-ups due long ago were mostly handled.
            ...(f.dueOn < addDays(ctx.today, -30) && rand() < 0.8
              ? { done: 1, done_at: now }
              : { done: 0, done_at: null }),
            close_attempt_id: lastAttempt.id,
            ...stamp,
          })
          .execute();
        counts.followUps++;
      }
      if (effects.nextVisit) {
        await trx
          .insertInto('next_visit_plans')
          .values({
            id: deps.newId(),
            workspace_id: ws,
            customer_id: customer.id,
            source: 'stall',
            source_id: lastAttempt.id,
            goal: effects.nextVisit.goal,
            meet_whom: JSON.stringify(['董事长']),
            bring: '同行业成功案例',
            planned_on: null,
            status: 'open',
            visit_id: null,
            ...stamp,
          })
          .execute();
        counts.nextVisitPlans++;
      }
      if (effects.expectedFundsOn) {
        await trx
          .updateTable('customers')
          .set({ expected_funds_on: effects.expectedFundsOn, version: customer.version + 1 })
          .where('id', '=', customer.id)
          .execute();
      }
    }
  });
  return counts;
};
