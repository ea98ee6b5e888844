import { accountCreateSchema, accountUpdateSchema } from '@relata/domain';
import type { App } from '../../http/app-types.ts';
import { recordRoutes } from '../shared/record.routes.ts';
import type { AccountService } from './accounts.service.ts';

export function accountRoutes(app: App, s: AccountService): void {
  recordRoutes(app, '/api/v1/accounts', s, {
    create: accountCreateSchema,
    update: accountUpdateSchema,
    tag: 'accounts',
  });
}
