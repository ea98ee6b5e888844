import { consentPurposeSchema, consentUpdateSchema } from '@relata/domain';
import { z } from 'zod';
import { type App, idParams, publicRoute, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import type { ConsentService } from './consent.service.ts';

const tags = ['consent'];
const tokenParams = z.object({ token: z.string().min(10).max(1000) });

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2937}
button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:.4rem;background:#4c51bf;color:#fff;cursor:pointer}</style>
</head><body>${body}</body></html>`;

export function consentRoutes(app: App, s: ConsentService): void {
  app.get(
    '/api/v1/contacts/:id/consents',
    { config: user, schema: { tags, params: idParams } },
    async (req) => ({
      data: await s.get(actorOf(req), req.params.id),
    }),
  );
  app.put(
    '/api/v1/contacts/:id/consents',
    { config: user, schema: { tags, params: idParams, body: consentUpdateSchema } },
    async (req) => ({ data: await s.update(actorOf(req), req.params.id, req.body) }),
  );
  app.get(
    '/api/v1/contacts/:id/consents/history',
    { config: user, schema: { tags, params: idParams } },
    async (req) => s.history(actorOf(req), req.params.id),
  );
  app.get('/api/v1/consent-purposes', { config: user, schema: { tags } }, async (req) => ({
    data: await s.purposes(actorOf(req)),
    nextCursor: null,
  }));
  app.post(
    '/api/v1/consent-purposes',
    { config: user, schema: { tags, body: consentPurposeSchema } },
    async (req, reply) => reply.code(201).send({ data: await s.addPurpose(actorOf(req), req.body) }),
  );

  // One-click unsubscribe (RFC 8058): mail clients POST; people open the link and confirm.
  app.get(
    '/u/:token',
    { config: publicRoute, schema: { hide: true, params: tokenParams } },
    async (req, reply) => {
      const t = encodeURIComponent(req.params.token);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(
          page(
            'Unsubscribe',
            `<h1>Unsubscribe</h1><p>Stop receiving these messages?</p><form method="post" action="/u/${t}"><button type="submit">Unsubscribe</button></form>`,
          ),
        );
    },
  );
  app.post(
    '/u/:token',
    { config: publicRoute, schema: { hide: true, params: tokenParams } },
    async (req, reply) => {
      const r = await s.unsubscribe(req.params.token);
      if (!String(req.headers.accept ?? '').includes('text/html')) return { data: r };
      return reply
        .type('text/html; charset=utf-8')
        .send(
          page('Unsubscribed', '<h1>You are unsubscribed</h1><p>We will not send these messages again.</p>'),
        );
    },
  );
}
