/** Cases, their SLA compliance report, and disputes. */
import { caseCreateSchema, caseUpdateSchema, disputeUpdateSchema, listQuerySchema } from '@relata/domain';
import type { Db } from '../../db/connection.ts';
import { type App, idParams, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { ifMatch, setEtag } from '../../http/etag.ts';
import { crudRoutes } from '../shared/crud.routes.ts';
import type { CaseService } from './cases.service.ts';
import type { DisputeService } from './disputes.service.ts';
import { slaCompliance, slaReportQuerySchema } from './sla-report.ts';

export function caseRoutes(
  app: App,
  s: { cases: CaseService; disputes: DisputeService; db: Db; clock: () => Date },
): void {
  app.get(
    '/api/v1/cases/sla-report',
    { config: user, schema: { tags: ['cases'], querystring: slaReportQuerySchema } },
    async (req) => ({ data: await slaCompliance(s.db, actorOf(req), req.query, s.clock()) }),
  );
  crudRoutes(app, '/api/v1/cases', s.cases, {
    create: caseCreateSchema,
    update: caseUpdateSchema,
    tag: 'cases',
  });

  const tags = ['disputes'];
  app.get(
    '/api/v1/disputes',
    { config: user, schema: { tags, querystring: listQuerySchema.loose() } },
    async (req) => s.disputes.list(actorOf(req), req.query),
  );
  app.get(
    '/api/v1/disputes/:id',
    { config: user, schema: { tags, params: idParams } },
    async (req, reply) => {
      const data = await s.disputes.get(actorOf(req), req.params.id);
      setEtag(reply, data.version);
      return { data };
    },
  );
  app.patch(
    '/api/v1/disputes/:id',
    { config: user, schema: { tags, params: idParams, body: disputeUpdateSchema } },
    async (req, reply) => {
      const data = await s.disputes.update(actorOf(req), req.params.id, req.body, ifMatch(req));
      setEtag(reply, data.version);
      return { data };
    },
  );
}
