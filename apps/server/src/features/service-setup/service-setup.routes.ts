/** Queues, business calendars and SLA policies. */
import {
  businessCalendarSchema,
  businessCalendarUpdateSchema,
  queueCreateSchema,
  queueUpdateSchema,
  slaPolicyCreateSchema,
  slaPolicyUpdateSchema,
} from '@relata/domain';
import type { App } from '../../http/app-types.ts';
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
}
