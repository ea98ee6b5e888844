import {
  relationshipCreateSchema,
  relationshipTypeCreateSchema,
  relationshipUpdateSchema,
} from '@relata/domain';
import { type App, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { crudRoutes } from '../shared/crud.routes.ts';
import type { RelationshipService } from './relationships.service.ts';

const tags = ['relationships'];

export function relationshipRoutes(app: App, s: RelationshipService): void {
  crudRoutes(app, '/api/v1/relationships', s, {
    create: relationshipCreateSchema,
    update: relationshipUpdateSchema,
    tag: 'relationships',
  });
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
