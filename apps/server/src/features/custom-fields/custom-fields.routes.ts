import { customFieldCreateSchema, customFieldUpdateSchema } from '@relata/domain';
import type { App } from '../../http/app-types.ts';
import { crudRoutes } from '../shared/crud.routes.ts';
import type { CustomFieldService } from './custom-fields.service.ts';

export function customFieldRoutes(app: App, s: CustomFieldService): void {
  crudRoutes(app, '/api/v1/custom-fields', s, {
    create: customFieldCreateSchema,
    update: customFieldUpdateSchema,
    tag: 'custom-fields',
  });
}
