import { userCreateSchema, userUpdateSchema } from '@relata/domain';
import type { App } from '../../http/app-types.ts';
import { crudRoutes } from '../shared/crud.routes.ts';
import type { UserService } from './users.service.ts';

export function userRoutes(app: App, s: UserService): void {
  crudRoutes(app, '/api/v1/users', s, { create: userCreateSchema, update: userUpdateSchema, tag: 'users' });
}
