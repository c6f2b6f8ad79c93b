/** The API's own routes: liveness and the database check. */
import { z } from 'zod';
import { route } from './http.js';

/** What /api/health answers. */
export const healthView = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
});

/** The system routes. */
export const systemRoutes = {
  health: route({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and database check',
    tags: ['system'],
    status: 200,
    response: healthView,
    errors: [503],
  }),
};
