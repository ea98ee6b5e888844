import { apiKeyCreateSchema, listQuerySchema } from '@relata/domain';
import { type App, idParams, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import type { ApiKeyService } from './api-keys.service.ts';

const tags = ['api-keys'];

export function apiKeyRoutes(app: App, s: ApiKeyService): void {
  app.get(
    '/api/v1/api-keys',
    { config: user, schema: { tags, querystring: listQuerySchema.loose() } },
    async (req) => s.list(actorOf(req), req.query),
  );
  app.post(
    '/api/v1/api-keys',
    { config: user, schema: { tags, body: apiKeyCreateSchema } },
    async (req, reply) => reply.code(201).send({ data: await s.create(actorOf(req), req.body) }),
  );
  app.get('/api/v1/api-keys/:id', { config: user, schema: { tags, params: idParams } }, async (req) => ({
    data: await s.get(actorOf(req), req.params.id),
  }));
  app.delete(
    '/api/v1/api-keys/:id',
    { config: user, schema: { tags, params: idParams } },
    async (req, reply) => {
      await s.revoke(actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
}
