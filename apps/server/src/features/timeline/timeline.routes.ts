import { channels, idSchema } from '@relata/domain';
import { z } from 'zod';
import { type App, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import type { TimelineService } from './timeline.service.ts';

const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(item).max(20))
    .optional();

const query = z.object({
  'filter[kind][in]': list(z.enum(['interaction', 'task', 'note', 'audit', 'order', 'invoice'])),
  'filter[channel][in]': list(z.enum(channels)),
  'filter[outcome][in]': list(z.string().regex(/^[a-z][a-z0-9_]{1,49}$/)),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const params = z.object({ id: idSchema });

export function timelineRoutes(app: App, s: TimelineService): void {
  for (const recordType of ['contact', 'account'] as const) {
    app.get(
      `/api/v1/${recordType}s/:id/timeline`,
      { config: user, schema: { tags: ['timeline'], params, querystring: query } },
      async (req) =>
        s.page(actorOf(req), recordType, req.params.id, {
          ...(req.query['filter[kind][in]'] ? { kind: req.query['filter[kind][in]'] } : {}),
          ...(req.query['filter[channel][in]'] ? { channel: req.query['filter[channel][in]'] } : {}),
          ...(req.query['filter[outcome][in]'] ? { outcome: req.query['filter[outcome][in]'] } : {}),
          ...(req.query.cursor ? { cursor: req.query.cursor } : {}),
          limit: req.query.limit,
        }),
    );
  }
}
