/**
 * Use case: log a close attempt ("close 100 times"): the result, the objection or stall met,
 * the customer's words and the reply used. In the same transaction a stall sets its next
 * step in motion — a funds follow-up and the expected funds date ("no money"), a next-visit
 * plan and follow-up ("ask the chairman"), a concern follow-up two days later ("I'll think
 * about it") — each follow-up pointing back at the attempt.
 */
import {
  type CloseAttemptCreated,
  createCloseAttemptInput,
  nextVisitPlanView as createdPlanView,
} from '../../contract/close-attempts.js';
import { AppError } from '../../domain/errors.js';
import { problemDetails } from '../../domain/issue-messages.js';
import { checkCloseAttempt, closeAttemptEffects } from '../../domain/method/objections.js';
import { recordAudit } from '../audit.js';
import { atOneInstant, type Deps, type Principal } from '../context.js';
import { customers } from '../customers/customer-store.js';
import { checkVisibleCustomer } from '../customers/visible-customer.js';
import { insertDeal } from '../deals/create-deal.js';
import { followUps, newFollowUpValues } from '../follow-ups/follow-up-store.js';
import { newNextVisitPlanValues, nextVisitPlans } from '../next-visit-plans/next-visit-plan-store.js';
import { loadCatalog } from '../objections/objection-store.js';
import { parseInput } from '../validation.js';
import { checkCloseAttemptReferences, closeAttempts, newCloseAttemptValues } from './close-attempt-store.js';

/** Logs the attempt after the catalog rules pass (VALIDATION.FAILED on the field otherwise). */
export async function createCloseAttempt(
  liveDeps: Deps,
  principal: Principal,
  input: unknown,
): Promise<CloseAttemptCreated> {
  const deps = atOneInstant(liveDeps);
  const body = parseInput(createCloseAttemptInput, input);
  const now = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await checkVisibleCustomer(trx, principal, body.customerId);
    await checkCloseAttemptReferences(trx, principal, body);
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

    const row = await closeAttempts.insert(
      trx,
      deps,
      principal,
      newCloseAttemptValues(principal, body, deal?.id ?? null),
    );
    const attempt = closeAttempts.toView(row);
    await closeAttempts.audit(trx, deps, principal, 'create', attempt.id, { after: attempt });

    // The stall's next step goes to whoever owns the customer (the caller if nobody does).
    const assignee = customer.owner_id ?? principal.membershipId;
    const created: CloseAttemptCreated['created']['followUps'] = [];
    for (const planned of effects.followUps) {
      const f = await followUps.insert(trx, deps, principal, {
        ...newFollowUpValues(
          principal,
          { customerId: body.customerId, assigneeId: assignee, ...planned },
          now,
        ),
        // Deleting the attempt takes the follow-ups it set in motion that are still open.
        close_attempt_id: attempt.id,
      });
      const view = followUps.toView(f);
      await followUps.audit(trx, deps, principal, 'create', f.id, { after: view });
      created.push(view);
    }

    let nextVisitPlan: CloseAttemptCreated['created']['nextVisitPlan'] = null;
    if (effects.nextVisit) {
      const p = await nextVisitPlans.insert(
        trx,
        deps,
        principal,
        newNextVisitPlanValues({
          customerId: body.customerId,
          source: body.result === 'stall' ? 'stall' : 'visit',
          sourceId: attempt.id,
          ...effects.nextVisit,
        }),
      );
      // What logging an attempt answers (and audits) of the plan: its content, not its stamps.
      nextVisitPlan = createdPlanView.parse(nextVisitPlans.toView(p));
      await recordAudit(trx, deps, principal, {
        entity: nextVisitPlans.entity,
        entityId: p.id,
        action: 'create',
        after: nextVisitPlan,
      });
    }

    if (effects.expectedFundsOn !== null) {
      // Not from a form of the customer: written at whatever version is stored (bumped).
      await customers.updateCurrent(trx, deps, principal, body.customerId, {
        expected_funds_on: effects.expectedFundsOn,
      });
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
      created: { followUps: created, nextVisitPlan, expectedFundsOn: effects.expectedFundsOn, deal },
    };
  });
}
