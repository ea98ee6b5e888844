import { telephonyEventSchema } from '@relata/domain';
import { type App, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { TelephonyService } from './telephony.service.ts';

export function telephonyRoutes(app: App, s: TelephonyService, bus: EventBus): void {
  app.post(
    '/api/v1/telephony/events',
    { config: user, schema: { tags: ['telephony'], body: telephonyEventSchema } },
    async (req, reply) => reply.code(202).send({ data: await s.handle(actorOf(req), req.body) }),
  );

  /** Server-Sent Events for the signed-in user: screen pops, reminders. */
  app.get(
    '/api/v1/events',
    { config: user, schema: { tags: ['telephony'], hide: true } },
    async (req, reply) => {
      const userId = actorOf(req).userId;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
      });
      res.write(': connected\n\n');
      const unsubscribe = userId
        ? bus.subscribe(userId, (e) => {
            res.write(`event: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`);
          })
        : () => {};
      const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
      req.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
}
