import { contactCreateSchema, contactUpdateSchema, listQuerySchema, mergeSchema } from '@relata/domain';
import { type App, idParams, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { ifMatch, setEtag } from '../../http/etag.ts';
import type { ContactService } from './contacts.service.ts';

const tags = ['contacts'];

export function contactRoutes(app: App, s: ContactService): void {
  app.get(
    '/api/v1/contacts',
    { config: user, schema: { tags, querystring: listQuerySchema.loose() } },
    async (req) => s.list(actorOf(req), req.query),
  );
  app.post(
    '/api/v1/contacts',
    { config: user, schema: { tags, body: contactCreateSchema } },
    async (req, reply) => {
      const data = await s.create(actorOf(req), req.body);
      setEtag(reply, data.version);
      return reply.code(201).header('location', `/api/v1/contacts/${data.id}`).send({ data });
    },
  );
  app.post(
    '/api/v1/contacts/duplicate-check',
    { config: user, schema: { tags, body: contactCreateSchema } },
    async (req) => ({
      data: await s.duplicateCheck(actorOf(req), req.body),
    }),
  );
  app.get(
    '/api/v1/contacts/:id',
    { config: user, schema: { tags, params: idParams } },
    async (req, reply) => {
      const data = await s.get(actorOf(req), req.params.id);
      setEtag(reply, data.version);
      return { data };
    },
  );
  app.patch(
    '/api/v1/contacts/:id',
    { config: user, schema: { tags, params: idParams, body: contactUpdateSchema } },
    async (req, reply) => {
      const data = await s.update(actorOf(req), req.params.id, req.body, ifMatch(req));
      setEtag(reply, data.version);
      return { data };
    },
  );
  app.delete(
    '/api/v1/contacts/:id',
    { config: user, schema: { tags, params: idParams } },
    async (req, reply) => {
      await s.remove(actorOf(req), req.params.id, ifMatch(req));
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/v1/contacts/:id/duplicates',
    { config: user, schema: { tags, params: idParams } },
    async (req) => ({
      data: await s.duplicates(actorOf(req), req.params.id),
    }),
  );
  app.post(
    '/api/v1/contacts/:id/merge',
    { config: user, schema: { tags, params: idParams, body: mergeSchema } },
    async (req, reply) => {
      const data = await s.merge(actorOf(req), req.params.id, req.body, ifMatch(req));
      setEtag(reply, data.version);
      return { data };
    },
  );
}
