import { outcomeCreateSchema, outcomeUpdateSchema } from '@relata/domain';
import { z } from 'zod';
import { type App, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { ifMatch, setEtag } from '../../http/etag.ts';
import type { OutcomeService } from './outcomes.service.ts';

const tags = ['outcomes'];
const keyParams = z.object({ key: z.string().regex(/^[a-z][a-z0-9_]{1,49}$/) });

export function outcomeRoutes(app: App, s: OutcomeService): void {
  app.get('/api/v1/outcomes', { config: user, schema: { tags } }, async (req) => s.list(actorOf(req)));
  app.post(
    '/api/v1/outcomes',
    { config: user, schema: { tags, body: outcomeCreateSchema } },
    async (req, reply) => {
      const data = await s.create(actorOf(req), req.body);
      setEtag(reply, data.version);
      return reply.code(201).send({ data });
    },
  );
  app.patch(
    '/api/v1/outcomes/:key',
    { config: user, schema: { tags, params: keyParams, body: outcomeUpdateSchema } },
    async (req, reply) => {
      const data = await s.update(actorOf(req), req.params.key, req.body, ifMatch(req));
      setEtag(reply, data.version);
      return { data };
    },
  );
}
