import { leadFormCreateSchema, leadFormUpdateSchema, listQuerySchema } from '@relata/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type App, idParams, publicRoute, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { AppError, toProblem } from '../../http/errors.ts';
import { ifMatch, setEtag } from '../../http/etag.ts';
import { escapeHtml } from '../../http/html.ts';
import type { LeadFormSubmitService, SubmitResult } from './lead-form-submit.ts';
import type { LeadFormService } from './lead-forms.service.ts';

const tags = ['lead-forms'];
const base = '/api/v1/lead-forms';
/** A lead form posts a few short fields; anything larger is not a person filling it in. */
export const FORM_BODY_LIMIT = 16 * 1024;
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
const keyParams = z.object({ formKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'is not a form key') });

export function leadFormRoutes(app: App, s: LeadFormService): void {
  app.get(base, { config: user, schema: { tags, querystring: listQuerySchema.loose() } }, async (req) =>
    s.list(actorOf(req), req.query, origin(req)),
  );
  app.post(base, { config: user, schema: { tags, body: leadFormCreateSchema } }, async (req, reply) => {
    const data = await s.create(actorOf(req), req.body, origin(req));
    setEtag(reply, data.version);
    return reply.code(201).header('location', `${base}/${data.id}`).send({ data });
  });
  app.get(`${base}/:id`, { config: user, schema: { tags, params: idParams } }, async (req, reply) => {
    const data = await s.get(actorOf(req), req.params.id, origin(req));
    setEtag(reply, data.version);
    return { data };
  });
  app.patch(
    `${base}/:id`,
    { config: user, schema: { tags, params: idParams, body: leadFormUpdateSchema } },
    async (req, reply) => {
      const data = await s.update(actorOf(req), req.params.id, req.body, ifMatch(req), origin(req));
      setEtag(reply, data.version);
      return { data };
    },
  );
  app.post(
    `${base}/:id/rotate-key`,
    { config: user, schema: { tags, params: idParams } },
    async (req, reply) => {
      const data = await s.rotateKey(actorOf(req), req.params.id, ifMatch(req), origin(req));
      setEtag(reply, data.version);
      return { data };
    },
  );
  app.delete(`${base}/:id`, { config: user, schema: { tags, params: idParams } }, async (req, reply) => {
    await s.remove(actorOf(req), req.params.id, ifMatch(req));
    return reply.code(204).send();
  });
}

/** A browser posting a plain HTML form wants a page back, not JSON. */
const wantsHtml = (req: FastifyRequest) => {
  const accept = String(req.headers.accept ?? '');
  return accept.includes('text/html') && !accept.includes('application/json');
};

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}</style></head><body>${body}</body></html>`;

function sendHtml(reply: FastifyReply, status: number, title: string, body: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(page(title, body));
}

function cors(reply: FastifyReply) {
  // Any website may embed a form; no cookies or credentials are involved.
  reply.header('access-control-allow-origin', '*');
  reply.header('vary', 'origin');
}

/** Public `POST /f/{formKey}`: JSON or a plain form post, with its own small body limit. */
export async function publicLeadFormRoutes(app: App, s: LeadFormSubmitService): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
      (_req, body, done) => {
        const params = new URLSearchParams(String(body));
        const out: Record<string, string> = {};
        for (const [k, v] of params) out[k] = v;
        done(null, out);
      },
    );
    const f = scope as unknown as App;
    f.options(
      '/f/:formKey',
      { config: publicRoute, schema: { hide: true, params: keyParams } },
      async (_req, reply) => {
        cors(reply);
        reply.header('access-control-allow-methods', 'POST');
        reply.header('access-control-allow-headers', 'content-type, accept');
        reply.header('access-control-max-age', '86400');
        return reply.code(204).send();
      },
    );
    f.post(
      '/f/:formKey',
      { config: publicRoute, bodyLimit: FORM_BODY_LIMIT, schema: { hide: true, params: keyParams } },
      async (req, reply) => {
        cors(reply);
        reply.header('cache-control', 'no-store');
        let result: SubmitResult;
        try {
          result = await s.submit(req.params.formKey, req.body, { ip: req.ip });
        } catch (e) {
          if (!(e instanceof AppError) || !wantsHtml(req)) throw e;
          const p = toProblem(e);
          for (const [k, v] of Object.entries(e.headers)) reply.header(k, v);
          const items = (p.errors ?? []).map((x) => `<li>${escapeHtml(`${x.field}: ${x.message}`)}</li>`);
          return sendHtml(
            reply,
            p.status,
            p.title,
            `<h1>${escapeHtml(p.title)}</h1><p>${escapeHtml(p.detail)}</p>${items.length ? `<ul>${items.join('')}</ul>` : ''}`,
          );
        }
        if (!wantsHtml(req)) return reply.code(201).send({ data: result });
        if (result.redirectUrl) return reply.redirect(result.redirectUrl, 303);
        return sendHtml(reply, 200, result.message, `<p>${escapeHtml(result.message)}</p>`);
      },
    );
  });
}
