/**
 * Routes of meeting discipline and qualification (issue 4): the workspace's method
 * settings, the meeting-close statistics, a customer's stage history, "must ask the
 * chairman" consultations and next-visit plans.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listChairmanConsultations } from '../../app/chairman/list-chairman-consultations.js';
import { recordChairmanConsultation } from '../../app/chairman/record-chairman-consultation.js';
import type { Deps } from '../../app/context.js';
import { getStageHistory } from '../../app/customers/get-stage-history.js';
import { createNextVisitPlan } from '../../app/next-visit-plans/create-next-visit-plan.js';
import { listNextVisitPlans } from '../../app/next-visit-plans/list-next-visit-plans.js';
import { updateNextVisitPlan } from '../../app/next-visit-plans/update-next-visit-plan.js';
import { getMeetingStats } from '../../app/stats/get-meeting-stats.js';
import { getWorkspaceSettings } from '../../app/workspace/get-workspace-settings.js';
import { updateWorkspaceSettings } from '../../app/workspace/update-workspace-settings.js';
import { stageChangeView } from '../../contract/customers.js';
import { errorResponses } from '../../contract/error-body.js';
import {
  chairmanConsultationView,
  createNextVisitPlanInput,
  nextVisitPlanView,
  recordChairmanConsultationInput,
  recordedConsultationView,
  updateNextVisitPlanInput,
} from '../../contract/next-visit-plans.js';
import { updateWorkspaceSettingsInput, workspaceSettingsView } from '../../contract/settings.js';
import { meetingStatsQuery, meetingStatsView } from '../../contract/stats.js';
import { requirePrincipal } from '../auth.js';

const idParams = z.strictObject({ id: z.uuid() });

/** Registers the meeting-discipline routes. */
export function registerMeetingRoutes(app: FastifyInstance, deps: Deps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const errors = errorResponses(400, 401, 403, 404, 409);

  routes.get(
    '/api/workspace/settings',
    {
      schema: {
        summary: "Read the workspace's method settings",
        tags: ['workspace'],
        response: { 200: workspaceSettingsView, ...errors },
      },
    },
    async (request) => getWorkspaceSettings(deps, requirePrincipal(request)),
  );
  routes.patch(
    '/api/workspace/settings',
    {
      schema: {
        summary: "Change the workspace's method settings (managers; send the version you read)",
        tags: ['workspace'],
        body: updateWorkspaceSettingsInput,
        response: { 200: workspaceSettingsView, ...errors },
      },
    },
    async (request) => updateWorkspaceSettings(deps, requirePrincipal(request), request.body),
  );

  routes.get(
    '/api/stats/meetings',
    {
      schema: {
        summary:
          'At which meeting won customers closed (1st / 2nd / 3rd+) against the 65 / 25 / 10 % of the method',
        tags: ['stats'],
        querystring: meetingStatsQuery,
        response: { 200: meetingStatsView, ...errors },
      },
    },
    async (request) => getMeetingStats(deps, requirePrincipal(request), request.query),
  );

  routes.get(
    '/api/customers/:id/stage-history',
    {
      schema: {
        summary:
          "A customer's status changes, oldest first (with the reason of an unqualified move to proposal)",
        tags: ['customers'],
        params: idParams,
        response: { 200: z.array(stageChangeView), ...errors },
      },
    },
    async (request) => getStageHistory(deps, requirePrincipal(request), request.params.id),
  );

  routes.get(
    '/api/customers/:id/chairman-consultations',
    {
      schema: {
        summary: 'A customer’s "must ask the chairman" consultations, newest first',
        tags: ['customers'],
        params: idParams,
        response: { 200: z.array(chairmanConsultationView), ...errors },
      },
    },
    async (request) => listChairmanConsultations(deps, requirePrincipal(request), request.params.id),
  );
  routes.post(
    '/api/customers/:id/chairman-consultations',
    {
      schema: {
        summary:
          'Record a "must ask the chairman" consultation: the verdict, a next-visit plan and a follow-up for the owner',
        tags: ['customers'],
        params: idParams,
        body: recordChairmanConsultationInput,
        response: { 201: recordedConsultationView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await recordChairmanConsultation(deps, requirePrincipal(request), request.params.id, request.body),
        ),
  );

  routes.get(
    '/api/customers/:id/next-visit-plans',
    {
      schema: {
        summary: "A customer's next-visit plans, open ones first",
        tags: ['customers'],
        params: idParams,
        response: { 200: z.array(nextVisitPlanView), ...errors },
      },
    },
    async (request) => listNextVisitPlans(deps, requirePrincipal(request), request.params.id),
  );
  routes.post(
    '/api/customers/:id/next-visit-plans',
    {
      schema: {
        summary: 'Plan the next visit to a customer: its goal, whom to meet, what to bring',
        tags: ['customers'],
        params: idParams,
        body: createNextVisitPlanInput,
        response: { 201: nextVisitPlanView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createNextVisitPlan(deps, requirePrincipal(request), request.params.id, request.body)),
  );
  routes.patch(
    '/api/next-visit-plans/:id',
    {
      schema: {
        summary:
          'Change a next-visit plan: done (with the visit), dropped, or edited (send the version you read)',
        tags: ['next-visit-plans'],
        params: idParams,
        body: updateNextVisitPlanInput,
        response: { 200: nextVisitPlanView, ...errors },
      },
    },
    async (request) => updateNextVisitPlan(deps, requirePrincipal(request), request.params.id, request.body),
  );
}
