import {
  listQuerySchema,
  relationshipCreateSchema,
  relationshipTypeCreateSchema,
  relationshipUpdateSchema,
} from '@relata/domain';
import { type App, idParams, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { ifMatch, setEtag } from '../../http/etag.ts';
import type { RelationshipService } from './relationships.service.ts';

const tags = ['relationships'];

export function relationshipRoutes(app: App, s: RelationshipService): void {
  app.get(
    '/api/v1/relationships',
    { config: user, schema: { tags, querystring: listQuerySchema.loose() } },
    async (req) => s.list(actorOf(req), req.query),
  );
  app.post(
    '/api/v1/relationships',
    { config: user, schema: { tags, body: relationshipCreateSchema } },
    async (req, reply) => {
      const data = await s.create(actorOf(req), req.body);
      setEtag(reply, data.version);
      return reply.code(201).send({ data });
    },
  );
  app.get(
    '/api/v1/relationships/:id',
    { config: user, schema: { tags, params: idParams } },
    async (req, reply) => {
      const data = await s.get(actorOf(req), req.params.id);
      setEtag(reply, data.version);
      return { data };
    },
  );
  app.patch(
    '/api/v1/relationships/:id',
    { config: user, schema: { tags, params: idParams, body: relationshipUpdateSchema } },
    async (req, reply) => {
      const data = await s.update(actorOf(req), req.params.id, req.body, ifMatch(req));
      setEtag(reply, data.version);
      return { data };
    },
  );
  app.delete(
    '/api/v1/relationships/:id',
    { config: user, schema: { tags, params: idParams } },
    async (req, reply) => {
      await s.remove(actorOf(req), req.params.id, ifMatch(req));
      return reply.code(204).send();
    },
  );
  app.get('/api/v1/relationship-types', { config: user, schema: { tags } }, async (req) => ({
    data: await s.types(actorOf(req)),
    nextCursor: null,
  }));
  app.post(
    '/api/v1/relationship-types',
    { config: user, schema: { tags, body: relationshipTypeCreateSchema } },
    async (req, reply) => reply.code(201).send({ data: await s.createType(actorOf(req), req.body) }),
  );
}
