/** Builds the Fastify app from services: plugins, one error handler, the routes. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart'; // attachments, .eml import
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { accountRoutes } from './features/accounts/accounts.routes.ts';
import { apiKeyRoutes } from './features/api-keys/api-keys.routes.ts';
import { attachmentRoutes } from './features/attachments/attachments.routes.ts'; // email/calendar
import { auditRoutes } from './features/audit/audit.routes.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { calendarRoutes } from './features/calendar/calendar.routes.ts'; // email/calendar
import { caseRoutes } from './features/cases/cases.routes.ts';
import { commerceRoutes } from './features/commerce/commerce.routes.ts';
import { consentRoutes } from './features/consent/consent.routes.ts';
import { contactRoutes } from './features/contacts/contacts.routes.ts';
import { customFieldRoutes } from './features/custom-fields/custom-fields.routes.ts';
import { customerViewRoutes } from './features/customer-view/customer-view.routes.ts';
import { dashboardRoutes } from './features/dashboard/dashboard.routes.ts';
import { registerSalesRoutes } from './features/deals/sales.wiring.ts'; // pipelines, deals, quotes
import { emailRoutes } from './features/email/email.routes.ts'; // email/calendar
import { healthRoutes } from './features/health/health.routes.ts';
import { interactionRoutes } from './features/interactions/interactions.routes.ts';
import { registerLeadRoutes } from './features/leads/leads.wiring.ts';
import { noteRoutes } from './features/notes/notes.routes.ts';
import { outcomeRoutes } from './features/outcomes/outcomes.routes.ts';
import { privacyRoutes } from './features/privacy/privacy.routes.ts';
import { relationshipRoutes } from './features/relationships/relationships.routes.ts';
import { roleRoutes } from './features/roles/roles.routes.ts';
import { routingRoutes } from './features/routing/routing.routes.ts';
import { searchRoutes } from './features/search/search.routes.ts';
import { serviceSetupRoutes } from './features/service-setup/service-setup.routes.ts';
import { surveyRoutes } from './features/surveys/surveys.routes.ts';
import { taskRoutes } from './features/tasks/tasks.routes.ts';
import { teamRoutes } from './features/teams/teams.routes.ts';
import { telephonyRoutes } from './features/telephony/telephony.routes.ts';
import { timelineRoutes } from './features/timeline/timeline.routes.ts';
import { userRoutes } from './features/users/users.routes.ts';
import { valueRoutes } from './features/value/value.routes.ts';
import type { App } from './http/app-types.ts';
import { registerAuth } from './http/auth.plugin.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { registerIdempotency } from './http/idempotency.plugin.ts';
import type { Services } from './services.ts';

const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export type AppOptions = {
  logger?: FastifyServerOptions['logger'];
  webDist?: string | undefined;
  trustProxy?: boolean;
};

export async function buildApp(services: Services, opts: AppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Relata API',
        version: '1.0.0',
        description: 'The Relata CRM REST API. Errors are RFC 9457 problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'relata_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { deepLinking: true } });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart); // email/calendar: limits are set per route

  registerAuth(app, services.auth);
  registerIdempotency(app, services.database.db);

  app.get('/api/v1/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  healthRoutes(app, services.database);
  authRoutes(app, services.auth, services.users, {
    secureCookie: services.config.cookieSecure,
    ttlHours: services.config.sessionTtlHours,
    calendarFeed: (actor, origin) => services.calendar.feedUrl(actor, origin),
  });
  userRoutes(app, services.users);
  teamRoutes(app, services.teams);
  roleRoutes(app, services.roles);
  apiKeyRoutes(app, services.apiKeys);
  customFieldRoutes(app, services.customFields);
  contactRoutes(app, services.contacts);
  accountRoutes(app, services.accounts);
  relationshipRoutes(app, services.relationships);
  auditRoutes(app, services.audit);
  dashboardRoutes(app, services.dashboard);
  outcomeRoutes(app, services.outcomes);
  interactionRoutes(app, services.interactions);
  taskRoutes(app, services.tasks);
  noteRoutes(app, services.notes);
  timelineRoutes(app, services.timeline);
  customerViewRoutes(app, services.customerView);
  searchRoutes(app, services.search);
  telephonyRoutes(app, services.telephony, services.events);
  // email, attachments, calendar
  attachmentRoutes(app, services.attachments);
  emailRoutes(app, services.emails, { maxBytes: services.attachments.maxBytes });
  calendarRoutes(app, services.calendar);
  commerceRoutes(app, services);
  registerSalesRoutes(app, services);
  await registerLeadRoutes(app, services); // leads, lead forms, public POST /f/{formKey}
  valueRoutes(app, services.value);
  consentRoutes(app, services.consent);
  privacyRoutes(app, services.privacy);
  routingRoutes(app, services.routing);
  serviceSetupRoutes(app, services.serviceSetup);
  caseRoutes(app, {
    cases: services.cases,
    disputes: services.disputes,
    db: services.database.db,
    clock: services.clock,
  });
  surveyRoutes(app, services.surveys, services.nps, services.facts);

  const webDist = opts.webDist ?? defaultWebDist;
  if (existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, serve: false });
    // SPA: assets by path, every other non-API GET gets index.html.
    app.get('/*', { config: { auth: 'public' }, schema: { hide: true } }, async (req, reply) => {
      const p = (req.params as { '*': string })['*'] ?? '';
      if (p.startsWith('api/')) {
        return reply
          .code(404)
          .type('application/problem+json')
          .send({
            type: 'about:blank',
            title: 'Not found',
            status: 404,
            code: 'not_found',
            detail: `No route GET /${p}`,
          });
      }
      const file = path.join(webDist, p);
      if (p && file.startsWith(webDist) && existsSync(file) && !p.endsWith('/')) {
        if (p.startsWith('assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
        return reply.sendFile(p);
      }
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    });
  }
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    return payload;
  });
  return app;
}
