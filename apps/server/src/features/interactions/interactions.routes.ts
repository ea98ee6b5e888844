import { interactionCreateSchema, interactionUpdateSchema } from '@relata/domain';
import type { App } from '../../http/app-types.ts';
import { crudRoutes } from '../shared/crud.routes.ts';
import type { InteractionService } from './interactions.service.ts';

export function interactionRoutes(app: App, s: InteractionService): void {
  crudRoutes(app, '/api/v1/interactions', s, {
    create: interactionCreateSchema,
    update: interactionUpdateSchema,
    tag: 'interactions',
  });
}
