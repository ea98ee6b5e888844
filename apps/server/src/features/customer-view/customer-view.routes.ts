import { z } from 'zod';
import { type App, idParams, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import type { CustomerViewService } from './customer-view.service.ts';

const lookupQuery = z.object({ phone: z.string().max(40).optional(), email: z.string().max(320).optional() });

export function customerViewRoutes(app: App, s: CustomerViewService): void {
  app.get(
    '/api/v1/contacts/:id/360',
    { config: user, schema: { tags: ['360'], params: idParams } },
    async (req) => ({
      data: await s.contact360(actorOf(req), req.params.id),
    }),
  );
  app.get(
    '/api/v1/accounts/:id/360',
    { config: user, schema: { tags: ['360'], params: idParams } },
    async (req) => ({
      data: await s.account360(actorOf(req), req.params.id),
    }),
  );
  app.get(
    '/api/v1/lookup',
    { config: user, schema: { tags: ['360'], querystring: lookupQuery } },
    async (req) => ({
      data: await s.lookup(actorOf(req), req.query),
    }),
  );
}
