/** Deals: CRUD, the move between stages (the board's drag and drop), stage history, forecast. */
import { dealCreateSchema, dealMoveSchema, dealUpdateSchema, forecastQuerySchema } from '@relata/domain';
import { z } from 'zod';
import { type App, idParams, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { ifMatch, setEtag } from '../../http/etag.ts';
import { crudRoutes } from '../shared/crud.routes.ts';
import type { DealService } from './deals.service.ts';
import type { ForecastService } from './forecast.service.ts';

const tags = ['deals'];
const pageQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(2000).optional(),
  })
  .strict();

export function dealRoutes(app: App, s: DealService, f: ForecastService): void {
  // Registered before `/deals/:id` so the static path wins.
  app.get(
    '/api/v1/deals/forecast',
    { config: user, schema: { tags, querystring: forecastQuerySchema } },
    async (req) => ({ data: await f.forecast(actorOf(req), req.query) }),
  );
  crudRoutes(app, '/api/v1/deals', s, { create: dealCreateSchema, update: dealUpdateSchema, tag: 'deals' });
  app.post(
    '/api/v1/deals/:id/move',
    { config: user, schema: { tags, params: idParams, body: dealMoveSchema } },
    async (req, reply) => {
      const data = await s.move(actorOf(req), req.params.id, req.body, ifMatch(req));
      setEtag(reply, data.version);
      return { data };
    },
  );
  app.get(
    '/api/v1/deals/:id/stage-history',
    { config: user, schema: { tags, params: idParams, querystring: pageQuery } },
    async (req) => s.history(actorOf(req), req.params.id, req.query),
  );
}
