/** Routing rules (admin), their order, and the test bench that evaluates without changing anything. */
import {
  routingEvaluateSchema,
  routingReorderSchema,
  routingRuleCreateSchema,
  routingRuleUpdateSchema,
} from '@relata/domain';
import { type App, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { crudRoutes } from '../shared/crud.routes.ts';
import type { RoutingService } from './routing.service.ts';

export function routingRoutes(app: App, s: RoutingService): void {
  const tags = ['routing'];
  // Static paths before `/:id`.
  app.post(
    '/api/v1/routing-rules/evaluate',
    { config: user, schema: { tags, body: routingEvaluateSchema } },
    async (req) => ({ data: await s.evaluate(actorOf(req), req.body) }),
  );
  app.put(
    '/api/v1/routing-rules/order',
    { config: user, schema: { tags, body: routingReorderSchema } },
    async (req) => ({ data: await s.reorder(actorOf(req), req.body.ids) }),
  );
  crudRoutes(app, '/api/v1/routing-rules', s, {
    create: routingRuleCreateSchema,
    update: routingRuleUpdateSchema,
    tag: 'routing',
  });
}
