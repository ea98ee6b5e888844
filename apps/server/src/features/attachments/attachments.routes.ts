import { listQuerySchema } from '@relata/domain';
import { type App, idParams, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import type { AttachmentService } from './attachments.service.ts';
import { contentDisposition } from './file-types.ts';
import { readUpload } from './upload.ts';

const tags = ['attachments'];

export function attachmentRoutes(app: App, s: AttachmentService): void {
  app.get(
    '/api/v1/attachments',
    { config: user, schema: { tags, querystring: listQuerySchema.loose() } },
    async (req) => s.list(actorOf(req), req.query),
  );
  app.post(
    '/api/v1/attachments',
    { config: user, schema: { tags, consumes: ['multipart/form-data'] } },
    async (req, reply) => {
      const actor = actorOf(req);
      const { fields, file } = await readUpload(req, s);
      const data = await s.create(actor, fields, file);
      return reply.code(201).header('location', `/api/v1/attachments/${data.id}`).send({ data });
    },
  );
  app.get(
    '/api/v1/attachments/:id/download',
    { config: user, schema: { tags, params: idParams } },
    async (req, reply) => {
      const { row, stream } = await s.open(actorOf(req), req.params.id);
      // Never rendered inline: a download, with sniffing off and a sandbox if opened anyway.
      return reply
        .header('content-type', row.contentType)
        .header('content-length', String(row.sizeBytes))
        .header('content-disposition', contentDisposition(row.filename))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
  app.delete(
    '/api/v1/attachments/:id',
    { config: user, schema: { tags, params: idParams } },
    async (req, reply) => {
      await s.remove(actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
}
