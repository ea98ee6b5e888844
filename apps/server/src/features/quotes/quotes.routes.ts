/** Quotes: CRUD (editing a sent quote starts a new version), status changes, versions, PDF. */
import { idSchema, quoteCreateSchema, quoteStatusChangeSchema, quoteUpdateSchema } from '@relata/domain';
import { z } from 'zod';
import { type App, idParams, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { ifMatch, setEtag } from '../../http/etag.ts';
import { crudRoutes } from '../shared/crud.routes.ts';
import { pdfLanguages, renderQuotePdf } from './quote-pdf.ts';
import type { QuoteService } from './quotes.service.ts';

const tags = ['quotes'];
const revisionParams = z.object({ id: idSchema, revision: z.coerce.number().int().min(1).max(100_000) });
const pdfQuery = z
  .object({
    revision: z.coerce.number().int().min(1).max(100_000).optional(),
    lang: z.enum(pdfLanguages).default('en'),
  })
  .strict();

export function quoteRoutes(app: App, s: QuoteService): void {
  crudRoutes(app, '/api/v1/quotes', s, {
    create: quoteCreateSchema,
    update: quoteUpdateSchema,
    tag: 'quotes',
  });
  app.post(
    '/api/v1/quotes/:id/status',
    { config: user, schema: { tags, params: idParams, body: quoteStatusChangeSchema } },
    async (req, reply) => {
      const data = await s.changeStatus(actorOf(req), req.params.id, req.body, ifMatch(req));
      setEtag(reply, data.version);
      return { data };
    },
  );
  app.get('/api/v1/quotes/:id/revisions', { config: user, schema: { tags, params: idParams } }, async (req) =>
    s.revisions(actorOf(req), req.params.id),
  );
  app.get(
    '/api/v1/quotes/:id/revisions/:revision',
    { config: user, schema: { tags, params: revisionParams } },
    async (req) => ({ data: await s.revision(actorOf(req), req.params.id, req.params.revision) }),
  );
  app.get(
    '/api/v1/quotes/:id/pdf',
    {
      config: user,
      schema: {
        tags,
        params: idParams,
        querystring: pdfQuery,
        description: 'The quote (or one of its versions) as a PDF, labels in the given language.',
      },
    },
    async (req, reply) => {
      const q = await s.revision(actorOf(req), req.params.id, req.query.revision);
      const pdf = await renderQuotePdf(q, req.query.lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${q.number}-v${q.revision}.pdf"`)
        .send(pdf);
    },
  );
}
