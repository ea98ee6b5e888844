import { z } from 'zod';
import { type App, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import type { SearchService } from './search.service.ts';

const query = z.object({ q: z.string().max(200), limit: z.coerce.number().int().min(1).max(50).default(20) });

export function searchRoutes(app: App, s: SearchService): void {
  app.get(
    '/api/v1/search',
    { config: user, schema: { tags: ['search'], querystring: query } },
    async (req) => ({
      data: await s.search(actorOf(req), req.query.q, req.query.limit),
      nextCursor: null,
    }),
  );
}
