import { listQuerySchema, userCreateSchema, userUpdateSchema } from '@relata/domain';
import { type App, idParams, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { ifMatch, setEtag } from '../../http/etag.ts';
import type { UserService } from './users.service.ts';

const tags = ['users'];

export function userRoutes(app: App, s: UserService): void {
  app.get(
    '/api/v1/users',
    { config: user, schema: { tags, querystring: listQuerySchema.loose() } },
    async (req) => s.list(actorOf(req), req.query),
  );
  app.post(
    '/api/v1/users',
    { config: user, schema: { tags, body: userCreateSchema } },
    async (req, reply) => {
      const data = await s.create(actorOf(req), req.body);
      setEtag(reply, data.version);
      return reply.code(201).send({ data });
    },
  );
  app.get('/api/v1/users/:id', { config: user, schema: { tags, params: idParams } }, async (req, reply) => {
    const data = await s.get(actorOf(req), req.params.id);
    setEtag(reply, data.version);
    return { data };
  });
  app.patch(
    '/api/v1/users/:id',
    { config: user, schema: { tags, params: idParams, body: userUpdateSchema } },
    async (req, reply) => {
      const data = await s.update(actorOf(req), req.params.id, req.body, ifMatch(req));
      setEtag(reply, data.version);
      return { data };
    },
  );
  app.delete(
    '/api/v1/users/:id',
    { config: user, schema: { tags, params: idParams } },
    async (req, reply) => {
      await s.remove(actorOf(req), req.params.id, ifMatch(req));
      return reply.code(204).send();
    },
  );
}
