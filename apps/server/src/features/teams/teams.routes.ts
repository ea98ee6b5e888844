import { listQuerySchema, teamCreateSchema, teamUpdateSchema } from '@relata/domain';
import { type App, idParams, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { ifMatch, setEtag } from '../../http/etag.ts';
import type { TeamService } from './teams.service.ts';

const tags = ['teams'];

export function teamRoutes(app: App, s: TeamService): void {
  app.get(
    '/api/v1/teams',
    { config: user, schema: { tags, querystring: listQuerySchema.loose() } },
    async (req) => s.list(actorOf(req), req.query),
  );
  app.post(
    '/api/v1/teams',
    { config: user, schema: { tags, body: teamCreateSchema } },
    async (req, reply) => {
      const data = await s.create(actorOf(req), req.body);
      setEtag(reply, data.version);
      return reply.code(201).send({ data });
    },
  );
  app.get('/api/v1/teams/:id', { config: user, schema: { tags, params: idParams } }, async (req, reply) => {
    const data = await s.get(actorOf(req), req.params.id);
    setEtag(reply, data.version);
    return { data };
  });
  app.patch(
    '/api/v1/teams/:id',
    { config: user, schema: { tags, params: idParams, body: teamUpdateSchema } },
    async (req, reply) => {
      const data = await s.update(actorOf(req), req.params.id, req.body, ifMatch(req));
      setEtag(reply, data.version);
      return { data };
    },
  );
  app.delete(
    '/api/v1/teams/:id',
    { config: user, schema: { tags, params: idParams } },
    async (req, reply) => {
      await s.remove(actorOf(req), req.params.id, ifMatch(req));
      return reply.code(204).send();
    },
  );
}
