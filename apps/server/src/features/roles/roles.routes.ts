import { roleCreateSchema, roleUpdateSchema } from '@relata/domain';
import { z } from 'zod';
import { type App, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { ifMatch, setEtag } from '../../http/etag.ts';
import type { RoleService } from './roles.service.ts';

const tags = ['roles'];
const keyParams = z.object({ key: z.string().regex(/^[a-z][a-z0-9_]{1,49}$/) });

export function roleRoutes(app: App, s: RoleService): void {
  app.get('/api/v1/roles', { config: user, schema: { tags } }, async (req) => ({
    data: await s.list(actorOf(req)),
    nextCursor: null,
  }));
  app.post(
    '/api/v1/roles',
    { config: user, schema: { tags, body: roleCreateSchema } },
    async (req, reply) => {
      const data = await s.create(actorOf(req), req.body);
      setEtag(reply, data.version);
      return reply.code(201).send({ data });
    },
  );
  app.get('/api/v1/roles/:key', { config: user, schema: { tags, params: keyParams } }, async (req, reply) => {
    const data = await s.get(actorOf(req), req.params.key);
    setEtag(reply, data.version);
    return { data };
  });
  app.patch(
    '/api/v1/roles/:key',
    { config: user, schema: { tags, params: keyParams, body: roleUpdateSchema } },
    async (req, reply) => {
      const data = await s.update(actorOf(req), req.params.key, req.body, ifMatch(req));
      setEtag(reply, data.version);
      return { data };
    },
  );
  app.delete(
    '/api/v1/roles/:key',
    { config: user, schema: { tags, params: keyParams } },
    async (req, reply) => {
      await s.remove(actorOf(req), req.params.key, ifMatch(req));
      return reply.code(204).send();
    },
  );
}
