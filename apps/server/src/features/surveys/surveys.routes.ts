import {
  invitationCreateSchema,
  responseSubmitSchema,
  surveyCreateSchema,
  surveyUpdateSchema,
} from '@relata/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type App, idParams, publicRoute, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { crudRoutes } from '../shared/crud.routes.ts';
import type { FactService } from './facts.service.ts';
import type { NpsService } from './nps.service.ts';
import type { SurveyService } from './surveys.service.ts';

const tags = ['surveys'];
const page = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const tokenParams = z.object({ token: z.string().min(10).max(1000) });
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/** A browser opening the link gets the web app's page; the page itself asks for JSON. */
const wantsPage = (req: FastifyRequest, reply: FastifyReply) =>
  String(req.headers.accept ?? '').includes('text/html') &&
  typeof (reply as { sendFile?: unknown }).sendFile === 'function';

const factsQuery = page.extend({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,49}$/)
    .optional(),
});

export function surveyRoutes(app: App, s: SurveyService, nps: NpsService, facts: FactService): void {
  app.get(
    '/api/v1/contacts/:id/facts',
    { config: user, schema: { tags: ['facts'], params: idParams, querystring: factsQuery } },
    async (req) => facts.ofContact(actorOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/v1/nps/summary',
    {
      config: user,
      schema: {
        tags: ['nps'],
        querystring: z.object({ months: z.coerce.number().int().min(1).max(60).default(12) }),
      },
    },
    async (req) => ({ data: await nps.summary(actorOf(req), req.query) }),
  );
  crudRoutes(app, '/api/v1/surveys', s, {
    create: surveyCreateSchema,
    update: surveyUpdateSchema,
    tag: 'surveys',
  });
  app.post(
    '/api/v1/surveys/:id/invitations',
    { config: user, schema: { tags, params: idParams, body: invitationCreateSchema } },
    async (req, reply) =>
      reply.code(201).send(await s.invite(actorOf(req), req.params.id, req.body, origin(req))),
  );
  app.get(
    '/api/v1/surveys/:id/invitations',
    { config: user, schema: { tags, params: idParams, querystring: page } },
    async (req) => s.invitations(actorOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/v1/surveys/:id/responses',
    { config: user, schema: { tags, params: idParams, querystring: page } },
    async (req) => s.responses(actorOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/v1/surveys/:id/summary',
    { config: user, schema: { tags, params: idParams } },
    async (req) => ({
      data: await s.summary(actorOf(req), req.params.id),
    }),
  );

  // The respondent's side: no sign-in, the signed link is the key.
  app.get(
    '/s/:token',
    { config: publicRoute, schema: { hide: true, params: tokenParams } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      if (wantsPage(req, reply))
        return (reply as unknown as { sendFile(f: string): FastifyReply }).sendFile('index.html');
      return { data: await s.publicView(req.params.token) };
    },
  );
  app.post(
    '/s/:token',
    { config: publicRoute, schema: { hide: true, params: tokenParams, body: responseSubmitSchema } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return { data: await s.submit(req.params.token, req.body) };
    },
  );
}
