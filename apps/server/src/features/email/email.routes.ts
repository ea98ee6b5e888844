import { emailAssignSchema, emailCreateSchema, listQuerySchema } from '@relata/domain';
import type { FastifyRequest } from 'fastify';
import { type App, idParams, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { tooLarge } from '../attachments/attachments.service.ts';
import type { EmailService } from './email.service.ts';

const tags = ['emails'];

/** The message of an import: a raw message/rfc822 body or the "file" of a multipart form. */
async function rawMessage(req: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (Buffer.isBuffer(req.body)) return req.body;
  if (!req.isMultipart())
    throw new AppError('unsupported_media_type', 'Send message/rfc822 or a multipart form');
  try {
    for await (const part of req.parts({ limits: { files: 1, fileSize: maxBytes } })) {
      if (part.type === 'file') return await part.toBuffer();
    }
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 413) throw tooLarge(maxBytes);
    throw new AppError('validation_failed', 'The upload could not be read', {
      errors: [{ field: 'file', code: 'invalid_multipart', message: (e as Error).message }],
    });
  }
  throw new AppError('validation_failed', 'Attach the message as "file"', {
    errors: [{ field: 'file', code: 'required', message: 'attach an .eml file' }],
  });
}

export function emailRoutes(app: App, s: EmailService, opts: { maxBytes: number }): void {
  app.addContentTypeParser(
    'message/rfc822',
    { parseAs: 'buffer', bodyLimit: opts.maxBytes },
    (_req, body, done) => done(null, body),
  );
  app.get(
    '/api/v1/emails',
    { config: user, schema: { tags, querystring: listQuerySchema.loose() } },
    async (req) => s.list(actorOf(req), req.query),
  );
  app.get(
    '/api/v1/emails/unmatched',
    { config: user, schema: { tags, querystring: listQuerySchema.loose() } },
    async (req) => s.unmatched(actorOf(req), req.query),
  );
  app.post(
    '/api/v1/emails',
    { config: user, schema: { tags, body: emailCreateSchema } },
    async (req, reply) => {
      const data = await s.create(actorOf(req), req.body);
      return reply.code(201).header('location', `/api/v1/emails/${data.id}`).send({ data });
    },
  );
  app.post(
    '/api/v1/emails/import',
    {
      config: user,
      bodyLimit: opts.maxBytes,
      schema: { tags, consumes: ['message/rfc822', 'multipart/form-data'] },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { email, duplicate } = await s.receive(await rawMessage(req, opts.maxBytes), { actor });
      return reply.code(duplicate ? 200 : 201).send({ data: { ...email, duplicate } });
    },
  );
  app.get('/api/v1/emails/:id', { config: user, schema: { tags, params: idParams } }, async (req) => ({
    data: await s.get(actorOf(req), req.params.id),
  }));
  app.get('/api/v1/emails/:id/thread', { config: user, schema: { tags, params: idParams } }, async (req) => ({
    data: await s.thread(actorOf(req), req.params.id),
  }));
  app.post(
    '/api/v1/emails/:id/assign',
    { config: user, schema: { tags, params: idParams, body: emailAssignSchema } },
    async (req) => ({ data: await s.assign(actorOf(req), req.params.id, req.body) }),
  );
}
