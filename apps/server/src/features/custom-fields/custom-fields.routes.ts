import { customFieldCreateSchema, customFieldUpdateSchema, recordTypes } from '@relata/domain';
import { z } from 'zod';
import { type App, idParams, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { ifMatch, setEtag } from '../../http/etag.ts';
import type { CustomFieldService } from './custom-fields.service.ts';

const tags = ['custom-fields'];

export function customFieldRoutes(app: App, s: CustomFieldService): void {
  app.get(
    '/api/v1/custom-fields',
    {
      config: user,
      schema: { tags, querystring: z.looseObject({ 'filter[entity][eq]': z.enum(recordTypes).optional() }) },
    },
    async (req) => ({ data: await s.list(actorOf(req), req.query['filter[entity][eq]']), nextCursor: null }),
  );
  app.post(
    '/api/v1/custom-fields',
    { config: user, schema: { tags, body: customFieldCreateSchema } },
    async (req, reply) => {
      const data = await s.create(actorOf(req), req.body);
      setEtag(reply, data.version);
      return reply.code(201).send({ data });
    },
  );
  app.get(
    '/api/v1/custom-fields/:id',
    { config: user, schema: { tags, params: idParams } },
    async (req, reply) => {
      const data = await s.get(actorOf(req), req.params.id);
      setEtag(reply, data.version);
      return { data };
    },
  );
  app.patch(
    '/api/v1/custom-fields/:id',
    { config: user, schema: { tags, params: idParams, body: customFieldUpdateSchema } },
    async (req, reply) => {
      const data = await s.update(actorOf(req), req.params.id, req.body, ifMatch(req));
      setEtag(reply, data.version);
      return { data };
    },
  );
  app.delete(
    '/api/v1/custom-fields/:id',
    { config: user, schema: { tags, params: idParams } },
    async (req, reply) => {
      await s.remove(actorOf(req), req.params.id, ifMatch(req));
      return reply.code(204).send();
    },
  );
}
