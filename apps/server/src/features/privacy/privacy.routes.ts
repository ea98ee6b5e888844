import { privacyEraseSchema, privacyExportQuerySchema } from '@relata/domain';
import { type App, idParams, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import type { PrivacyService } from './privacy.service.ts';

const tags = ['privacy'];

export function privacyRoutes(app: App, s: PrivacyService): void {
  app.get(
    '/api/v1/contacts/:id/export',
    { config: user, schema: { tags, params: idParams, querystring: privacyExportQuerySchema } },
    async (req, reply) => {
      const actor = actorOf(req);
      reply.header('cache-control', 'private, no-store');
      if (req.query.format === 'json') return { data: await s.export(actor, req.params.id) };
      const { id, stream } = await s.exportZip(actor, req.params.id);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="contact-${id}.zip"`)
        .send(stream);
    },
  );
  app.post(
    '/api/v1/contacts/:id/erase',
    { config: user, schema: { tags, params: idParams, body: privacyEraseSchema } },
    async (req) => ({ data: await s.erase(actorOf(req), req.params.id, req.body.confirm) }),
  );
}
