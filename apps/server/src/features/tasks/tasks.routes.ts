import { taskCreateSchema, taskUpdateSchema } from '@relata/domain';
import type { App } from '../../http/app-types.ts';
import { crudRoutes } from '../shared/crud.routes.ts';
import type { TaskService } from './tasks.service.ts';

export function taskRoutes(app: App, s: TaskService): void {
  crudRoutes(app, '/api/v1/tasks', s, { create: taskCreateSchema, update: taskUpdateSchema, tag: 'tasks' });
}
