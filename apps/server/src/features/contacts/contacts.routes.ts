import { contactCreateSchema, contactUpdateSchema } from '@relata/domain';
import type { App } from '../../http/app-types.ts';
import { recordRoutes } from '../shared/record.routes.ts';
import type { ContactService } from './contacts.service.ts';

export function contactRoutes(app: App, s: ContactService): void {
  recordRoutes(app, '/api/v1/contacts', s, {
    create: contactCreateSchema,
    update: contactUpdateSchema,
    tag: 'contacts',
  });
}
