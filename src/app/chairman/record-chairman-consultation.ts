/**
 * Use case: "I must discuss it with the chairman" — record the contact's answers, decide
 * whether they are the key person, a champion or neither, and turn that into the next
 * visit: a next-visit plan (source `chairman`) and a follow-up for the customer's owner,
 * all in one transaction.
 */

import {
  type RecordedConsultation,
  recordChairmanConsultationInput,
} from '../../contract/next-visit-plans.js';
import { addDays } from '../../domain/dates.js';
import { defaultNextVisitGoal } from '../../domain/method/chairman.js';
import { atOneInstant, type Deps, type Principal } from '../context.js';
import { checkCustomerChild, customers } from '../customers/customer-store.js';
import { requireVisibleCustomer } from '../customers/visible-customer.js';
import { followUps, newFollowUpValues } from '../follow-ups/follow-up-store.js';
import { insertNextVisitPlan } from '../next-visit-plans/next-visit-plan-store.js';
import { parseInput } from '../validation.js';
import { workspaceToday } from '../workspace/workspace-today.js';
import { chairmanConsultations, newChairmanConsultationValues } from './chairman-store.js';

/** Days until the follow-up when the next visit has no date. */
const FOLLOW_UP_AFTER_DAYS = 3;

/**
 * Records a consultation for a customer the caller may see (NOT_FOUND otherwise). The
 * contact, visit and close attempt must be the customer's (VALIDATION.FAILED on the field).
 * Without `nextVisit.goal` the verdict's default goal is used, in the workspace's language.
 * The follow-up (kind `next_visit`) is due on `plannedOn`, else three days from today, and
 * goes to the customer's owner. Verdict `key_person` makes the contact the customer's KP.
 */
export async function recordChairmanConsultation(
  liveDeps: Deps,
  principal: Principal,
  customerId: string,
  input: unknown,
): Promise<RecordedConsultation> {
  const deps = atOneInstant(liveDeps);
  const body = parseInput(recordChairmanConsultationInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const customer = await requireVisibleCustomer(trx, principal, customerId);
    const ws = principal.workspaceId;
    await checkCustomerChild(trx, ws, customerId, 'contacts', body.contactId, 'contactId');
    await checkCustomerChild(trx, ws, customerId, 'visits', body.visitId, 'visitId');
    await checkCustomerChild(trx, ws, customerId, 'close_attempts', body.closeAttemptId, 'closeAttemptId');
    const workspace = await trx
      .selectFrom('workspaces')
      .select('locale')
      .where('id', '=', ws)
      .executeTakeFirstOrThrow();
    const { today } = await workspaceToday(trx, deps, ws);

    const row = await chairmanConsultations.insert(
      trx,
      deps,
      principal,
      newChairmanConsultationValues(customerId, body),
    );
    const consultation = chairmanConsultations.toView(row);
    await chairmanConsultations.audit(trx, deps, principal, 'create', row.id, { after: consultation });
    const { verdict } = row;

    const goal =
      body.nextVisit?.goal ?? defaultNextVisitGoal(verdict, workspace.locale.startsWith('zh') ? 'zh' : 'en');
    const plannedOn = body.nextVisit?.plannedOn ?? null;
    const nextVisitPlan = await insertNextVisitPlan(trx, deps, principal, {
      customerId,
      source: 'chairman',
      sourceId: row.id,
      goal,
      meetWhom: body.nextVisit?.meetWhom ?? [],
      bring: body.nextVisit?.bring ?? null,
      plannedOn,
    });

    // No close_attempt_id: that marks follow-ups a stall created; this one comes from the consultation.
    const followUpRow = await followUps.insert(
      trx,
      deps,
      principal,
      newFollowUpValues(
        principal,
        {
          customerId,
          assigneeId: customer.owner_id,
          dueOn: plannedOn ?? addDays(today, FOLLOW_UP_AFTER_DAYS),
          kind: 'next_visit',
          notes: goal,
        },
        deps.clock().toISOString(),
      ),
    );
    const followUp = followUps.toView(followUpRow);
    await followUps.audit(trx, deps, principal, 'create', followUp.id, { after: followUp });

    if (verdict === 'key_person' && customer.kp_contact_id !== body.contactId) {
      // Not from a form of the customer: written at whatever version is stored (bumped).
      const updated = await customers.updateCurrent(trx, deps, principal, customerId, {
        kp_contact_id: body.contactId,
      });
      await customers.audit(trx, deps, principal, 'update', customerId, {
        before: customers.toView(customer),
        after: customers.toView(updated),
      });
    }
    return { ...consultation, nextVisitPlan, followUp };
  });
}
