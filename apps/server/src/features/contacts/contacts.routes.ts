import { contactBatchSchema, contactCreateSchema, contactUpdateSchema } from '@relata/domain';
import { type App, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { recordRoutes } from '../shared/record.routes.ts';
import type { ContactService } from './contacts.service.ts';

export function contactRoutes(app: App, s: ContactService): void {
  // Bulk create (ERP feeds, imports): up to 1,000 contacts in one transaction.
  app.post(
    '/api/v1/contacts/batch',
    { config: user, schema: { tags: ['contacts'], body: contactBatchSchema } },
    async (req, reply) => reply.code(201).send({ data: await s.createMany(actorOf(req), req.body.records) }),
  );
  recordRoutes(app, '/api/v1/contacts', s, {
    create: contactCreateSchema,
    update: contactUpdateSchema,
    tag: 'contacts',
  });
}
