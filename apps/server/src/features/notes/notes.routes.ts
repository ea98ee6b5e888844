import { noteCreateSchema, noteUpdateSchema } from '@relata/domain';
import type { App } from '../../http/app-types.ts';
import { crudRoutes } from '../shared/crud.routes.ts';
import type { NoteService } from './notes.service.ts';

export function noteRoutes(app: App, s: NoteService): void {
  crudRoutes(app, '/api/v1/notes', s, { create: noteCreateSchema, update: noteUpdateSchema, tag: 'notes' });
}
