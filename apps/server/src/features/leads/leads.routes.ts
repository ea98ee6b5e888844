import {
  leadActivityCreateSchema,
  leadConvertSchema,
  leadCreateSchema,
  leadScoringSchema,
  leadUpdateSchema,
} from '@relata/domain';
import { z } from 'zod';
import { type App, idParams, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { ifMatch, setEtag } from '../../http/etag.ts';
import { crudRoutes } from '../shared/crud.routes.ts';
import type { LeadConversion } from './lead-convert.ts';
import type { LeadScoringService } from './lead-scoring.service.ts';
import { presentLead } from './leads.presenter.ts';
import type { LeadService } from './leads.service.ts';

const tags = ['leads'];
const page = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function leadRoutes(
  app: App,
  s: LeadService,
  conversion: LeadConversion,
  scoring: LeadScoringService,
): void {
  app.get('/api/v1/lead-scoring', { config: user, schema: { tags } }, async (req, reply) => {
    const { rules, version } = await scoring.get(actorOf(req));
    setEtag(reply, version);
    return { data: rules };
  });
  app.put(
    '/api/v1/lead-scoring',
    { config: user, schema: { tags, body: leadScoringSchema } },
    async (req, reply) => {
      const { rules, version } = await scoring.update(actorOf(req), req.body, ifMatch(req));
      setEtag(reply, version);
      return { data: rules };
    },
  );
  crudRoutes(app, '/api/v1/leads', s, { create: leadCreateSchema, update: leadUpdateSchema, tag: 'leads' });
  app.get(
    '/api/v1/leads/:id/duplicates',
    { config: user, schema: { tags, params: idParams } },
    async (req) => ({
      data: await s.duplicates(actorOf(req), req.params.id),
    }),
  );
  app.get(
    '/api/v1/leads/:id/activities',
    { config: user, schema: { tags, params: idParams, querystring: page } },
    async (req) => s.activities(actorOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/leads/:id/activities',
    { config: user, schema: { tags, params: idParams, body: leadActivityCreateSchema } },
    async (req, reply) =>
      reply.code(201).send({ data: await s.addActivity(actorOf(req), req.params.id, req.body) }),
  );
  app.post(
    '/api/v1/leads/:id/convert',
    { config: user, schema: { tags, params: idParams, body: leadConvertSchema } },
    async (req, reply) => {
      const row = await conversion.convert(actorOf(req), req.params.id, req.body, ifMatch(req));
      setEtag(reply, row.version);
      return { data: presentLead(row) };
    },
  );
}
