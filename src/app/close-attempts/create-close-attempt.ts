/**
 * Use case: log a close attempt ("close 100 times"): the result, the objection or stall met,
 * the customer's words and the reply used. In the same transaction a stall sets its next
 * step in motion — a funds follow-up and the expected funds date ("no money"), a next-visit
 * plan and follow-up ("ask the chairman"), a concern follow-up two days later ("I'll think
 * about it") — each follow-up pointing back at the attempt.
 */
import { type CloseAttemptCreated, createCloseAttemptInput } from '../../contract/close-attempts.js';
import { AppError } from '../../domain/errors.js';
import { problemDetails } from '../../domain/issue-messages.js';
import { checkCloseAttempt, closeAttemptEffects } from '../../domain/method/objections.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { checkVisibleCustomer } from '../customers/visible-customer.js';
import { insertDeal } from '../deals/create-deal.js';
import { toFollowUp } from '../follow-ups/follow-up-schema.js';
import { loadCatalog } from '../objections/objection-store.js';
import { fieldError, parseInput } from '../validation.js';
import { toCloseAttempt } from './close-attempt-schema.js';

/** Logs the attempt after the catalog rules pass (VALIDATION.FAILED on the field otherwise). */
export async function createCloseAttempt(
  deps: Deps,
  principal: Principal,
  input: unknown,
): Promise<CloseAttemptCreated> {
  const body = parseInput(createCloseAttemptInput, input);
  const now = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await checkVisibleCustomer(trx, principal, body.customerId);
    if (body.visitId) {
      const visit = await trx
        .selectFrom('visits')
        .select('id')
        .where('workspace_id', '=', principal.workspaceId)
        .where('id', '=', body.visitId)
        .where('customer_id', '=', body.customerId)
        .executeTakeFirst();
      if (!visit) throw fieldError('visitId', 'not a visit to this customer', '不是这个客户的拜访记录');
    }
    if (body.dealId) {
      const deal = await trx
        .selectFrom('deals')
        .select('id')
        .where('workspace_id', '=', principal.workspaceId)
        .where('id', '=', body.dealId)
        .where('customer_id', '=', body.customerId)
        .executeTakeFirst();
      if (!deal) throw fieldError('dealId', 'not a deal of this customer', '不是这个客户的订单');
    }
    const catalog = await loadCatalog(trx, principal.workspaceId);
    const problems = checkCloseAttempt(body, catalog);
    if (problems.length > 0) throw new AppError('VALIDATION.FAILED', problemDetails(problems));

    const customer = await trx
      .selectFrom('customers')
      .innerJoin('workspaces', 'workspaces.id', 'customers.workspace_id')
      .select(['customers.owner_id', 'customers.expected_funds_on', 'customers.version', 'workspaces.locale'])
      .where('customers.workspace_id', '=', principal.workspaceId)
      .where('customers.id', '=', body.customerId)
      .executeTakeFirstOrThrow();
    const lang = customer.locale.startsWith('zh') ? 'zh' : 'en';
    const effects = closeAttemptEffects(body, lang);
    const deal = body.deal
      ? await insertDeal(
          trx,
          deps,
          principal,
          // Signed on the day of the attempt unless the deal says otherwise.
          { signedOn: body.attemptedOn, ...body.deal, customerId: body.customerId },
          'deal.',
        )
      : null;

    const row = await trx
      .insertInto('close_attempts')
      .values({
        id: deps.newId(),
        workspace_id: principal.workspaceId,
        customer_id: body.customerId,
        visit_id: body.visitId ?? null,
        owner_id: principal.membershipId,
        attempted_on: body.attemptedOn,
        result: body.result,
        objection_key: body.objectionKey ?? null,
        customer_words: body.customerWords ?? null,
        reply_id: body.replyId ?? null,
        reply_text: body.replyText ?? null,
        response: body.response ?? null,
        concern: body.concern?.trim() || null,
        funds_on: body.fundsOn ?? null,
        deal_id: deal?.id ?? body.dealId ?? null,
        notes: body.notes ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const attempt = toCloseAttempt(row);
    await recordAudit(trx, deps, principal, {
      entity: 'close_attempt',
      entityId: attempt.id,
      action: 'create',
      after: attempt,
    });

    // The stall's next step goes to whoever owns the customer (the caller if nobody does).
    const assignee = customer.owner_id ?? principal.membershipId;
    const followUps: CloseAttemptCreated['created']['followUps'] = [];
    for (const planned of effects.followUps) {
      const f = await trx
        .insertInto('follow_ups')
        .values({
          id: deps.newId(),
          workspace_id: principal.workspaceId,
          customer_id: body.customerId,
          assignee_id: assignee,
          due_on: planned.dueOn,
          kind: planned.kind,
          notes: planned.notes,
          done: 0,
          done_at: null,
          close_attempt_id: attempt.id,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const view = toFollowUp(f);
      await recordAudit(trx, deps, principal, {
        entity: 'follow_up',
        entityId: f.id,
        action: 'create',
        after: view,
      });
      followUps.push(view);
    }

    let nextVisitPlan: CloseAttemptCreated['created']['nextVisitPlan'] = null;
    if (effects.nextVisit) {
      const p = await trx
        .insertInto('next_visit_plans')
        .values({
          id: deps.newId(),
          workspace_id: principal.workspaceId,
          customer_id: body.customerId,
          source: body.result === 'stall' ? 'stall' : 'visit',
          source_id: attempt.id,
          goal: effects.nextVisit.goal,
          meet_whom: JSON.stringify(effects.nextVisit.meetWhom),
          bring: effects.nextVisit.bring,
          planned_on: effects.nextVisit.plannedOn,
          status: 'open',
          visit_id: null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      nextVisitPlan = {
        id: p.id,
        customerId: p.customer_id,
        source: p.source,
        sourceId: p.source_id,
        goal: p.goal,
        meetWhom: JSON.parse(p.meet_whom) as string[],
        bring: p.bring,
        plannedOn: p.planned_on,
        status: p.status,
      };
      await recordAudit(trx, deps, principal, {
        entity: 'next_visit_plan',
        entityId: p.id,
        action: 'create',
        after: nextVisitPlan,
      });
    }

    if (effects.expectedFundsOn !== null) {
      await trx
        .updateTable('customers')
        .set({
          expected_funds_on: effects.expectedFundsOn,
          updated_at: now,
          version: customer.version + 1,
        })
        .where('workspace_id', '=', principal.workspaceId)
        .where('id', '=', body.customerId)
        .execute();
      await recordAudit(trx, deps, principal, {
        entity: 'customer',
        entityId: body.customerId,
        action: 'update',
        before: { expectedFundsOn: customer.expected_funds_on },
        after: { expectedFundsOn: effects.expectedFundsOn },
      });
    }

    const count = await trx
      .selectFrom('close_attempts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('workspace_id', '=', principal.workspaceId)
      .where('customer_id', '=', body.customerId)
      .executeTakeFirstOrThrow();
    return {
      attempt,
      attemptNumber: Number(count.n),
      created: { followUps, nextVisitPlan, expectedFundsOn: effects.expectedFundsOn, deal },
    };
  });
}
