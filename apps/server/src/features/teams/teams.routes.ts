import { teamCreateSchema, teamUpdateSchema } from '@relata/domain';
import type { App } from '../../http/app-types.ts';
import { crudRoutes } from '../shared/crud.routes.ts';
import type { TeamService } from './teams.service.ts';

export function teamRoutes(app: App, s: TeamService): void {
  crudRoutes(app, '/api/v1/teams', s, { create: teamCreateSchema, update: teamUpdateSchema, tag: 'teams' });
}
