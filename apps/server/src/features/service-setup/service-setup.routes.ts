/** Queues, business calendars and SLA policies. */
import {
  businessCalendarSchema,
  businessCalendarUpdateSchema,
  queueCreateSchema,
  queueUpdateSchema,
  serviceSettingsUpdateSchema,
  slaPolicyCreateSchema,
  slaPolicyUpdateSchema,
} from '@relata/domain';
import { type App, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { ifMatch, setEtag } from '../../http/etag.ts';
import { crudRoutes } from '../shared/crud.routes.ts';
import type { ServiceSetup } from './service-setup.service.ts';

export function serviceSetupRoutes(app: App, s: ServiceSetup): void {
  crudRoutes(app, '/api/v1/queues', s.queues, {
    create: queueCreateSchema,
    update: queueUpdateSchema,
    tag: 'service',
  });
  crudRoutes(app, '/api/v1/business-calendars', s.calendars, {
    create: businessCalendarSchema,
    update: businessCalendarUpdateSchema,
    tag: 'service',
  });
  crudRoutes(app, '/api/v1/sla-policies', s.slaPolicies, {
    create: slaPolicyCreateSchema,
    update: slaPolicyUpdateSchema,
    tag: 'service',
  });
  serviceSettingsRoutes(app, s);
}

export function serviceSettingsRoutes(app: App, s: ServiceSetup): void {
  const tags = ['service'];
  app.get('/api/v1/service-settings', { config: user, schema: { tags } }, async (req, reply) => {
    const { settings, version } = await s.settings.get(actorOf(req));
    setEtag(reply, version);
    return { data: settings };
  });
  app.patch(
    '/api/v1/service-settings',
    { config: user, schema: { tags, body: serviceSettingsUpdateSchema } },
    async (req, reply) => {
      const { settings, version } = await s.settings.update(actorOf(req), req.body, ifMatch(req));
      setEtag(reply, version);
      return { data: settings };
    },
  );
}
