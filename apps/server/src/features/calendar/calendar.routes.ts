import { calendarImportSchema } from '@relata/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type App, idParams, publicRoute, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { invalid, notFound } from '../../http/errors.ts';
import type { CalendarService } from './calendar.service.ts';

const tags = ['calendar'];
const MAX_ICS = 1_000_000;
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
const feedParams = z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) });

export function calendarRoutes(app: App, s: CalendarService): void {
  app.addContentTypeParser('text/calendar', { parseAs: 'string', bodyLimit: MAX_ICS }, (_req, body, done) =>
    done(null, body),
  );
  app.get('/api/v1/me/calendar', { config: user, schema: { tags } }, async (req) => ({
    data: await s.feedUrl(actorOf(req), origin(req)),
  }));
  app.post('/api/v1/me/calendar/reset', { config: user, schema: { tags } }, async (req) => ({
    data: await s.resetFeed(actorOf(req), origin(req)),
  }));
  // Public: calendar apps cannot sign in; the unguessable token in the path is the secret.
  app.get(
    '/cal/:file',
    { config: publicRoute, schema: { hide: true, params: feedParams } },
    async (req, reply) => {
      const body = await s.feed(req.params.file.slice(0, -4));
      if (body === undefined) throw notFound('Calendar');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('referrer-policy', 'no-referrer')
        .send(body);
    },
  );
  app.get(
    '/api/v1/interactions/:id/ics',
    { config: user, schema: { tags, params: idParams } },
    async (req, reply) => {
      const body = await s.interactionIcs(actorOf(req), req.params.id);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="meeting-${req.params.id}.ics"`)
        .send(body);
    },
  );
  app.post(
    '/api/v1/calendar/import',
    {
      config: user,
      bodyLimit: MAX_ICS + 1000,
      schema: {
        tags,
        consumes: ['text/calendar', 'application/json'],
        querystring: z.object({ contactId: z.uuid().optional() }),
      },
    },
    async (req, reply) => {
      const raw = typeof req.body === 'string' ? { ics: req.body, contactId: req.query.contactId } : req.body;
      const parsed = calendarImportSchema.safeParse(raw);
      if (!parsed.success) {
        throw invalid(
          parsed.error.issues.map((i) => ({
            field: i.path.join('.') || 'body',
            code: i.code,
            message: i.message,
          })),
        );
      }
      return reply.code(201).send({ data: await s.importIcs(actorOf(req), parsed.data) });
    },
  );
}
