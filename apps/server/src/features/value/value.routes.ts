import {
  customerTypes,
  driverQuerySchema,
  flowQuerySchema,
  valueRunRequestSchema,
  valueSettingsUpdateSchema,
} from '@relata/domain';
import { z } from 'zod';
import { type App, idParams, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { ifMatch, setEtag } from '../../http/etag.ts';
import type { ValueService } from './value.service.ts';

const typeQuery = z.object({ customerType: z.enum(customerTypes).default('contact') }).strict();
const runsQuery = typeQuery.extend({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
const tags = ['value'];

export function valueRoutes(app: App, s: ValueService): void {
  app.get('/api/v1/value/settings', { config: user, schema: { tags } }, async (req, reply) => {
    const { settings, version } = await s.settings(actorOf(req));
    setEtag(reply, version);
    return { data: settings };
  });
  app.patch(
    '/api/v1/value/settings',
    { config: user, schema: { tags, body: valueSettingsUpdateSchema } },
    async (req, reply) => {
      const { settings, version } = await s.updateSettings(actorOf(req), req.body, ifMatch(req));
      setEtag(reply, version);
      return { data: settings };
    },
  );
  app.get(
    '/api/v1/value/summary',
    { config: user, schema: { tags, querystring: typeQuery } },
    async (req) => ({
      data: await s.summary(actorOf(req), req.query.customerType),
    }),
  );
  app.get('/api/v1/value/runs', { config: user, schema: { tags, querystring: runsQuery } }, async (req) =>
    s.runs(actorOf(req), req.query),
  );
  app.post(
    '/api/v1/value/runs',
    { config: user, schema: { tags, body: valueRunRequestSchema } },
    async (req, reply) => reply.code(202).send({ data: await s.requestRun(actorOf(req), req.body) }),
  );
  app.get('/api/v1/value/runs/:id', { config: user, schema: { tags, params: idParams } }, async (req) => ({
    data: await s.run(actorOf(req), req.params.id),
  }));
  app.get(
    '/api/v1/value/drivers',
    { config: user, schema: { tags, querystring: driverQuerySchema } },
    async (req) => ({
      data: await s.drivers(actorOf(req), req.query),
    }),
  );
  app.get('/api/v1/flows', { config: user, schema: { tags, querystring: flowQuerySchema } }, async (req) => ({
    data: await s.flows(actorOf(req), req.query),
  }));
}
