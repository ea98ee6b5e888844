/** Pipelines (with their stages), the board of a pipeline, and the lost-reason list. */
import {
  lostReasonCreateSchema,
  lostReasonUpdateSchema,
  pipelineCreateSchema,
  pipelineUpdateSchema,
} from '@relata/domain';
import { type App, idParams, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { crudRoutes } from '../shared/crud.routes.ts';
import { type BoardService, boardQuerySchema } from './board.ts';
import type { PipelineService } from './pipelines.service.ts';

export function pipelineRoutes(app: App, s: PipelineService, board: BoardService): void {
  crudRoutes(app, '/api/v1/pipelines', s, {
    create: pipelineCreateSchema,
    update: pipelineUpdateSchema,
    tag: 'pipelines',
  });
  app.get(
    '/api/v1/pipelines/:id/board',
    { config: user, schema: { tags: ['pipelines'], params: idParams, querystring: boardQuerySchema } },
    async (req) => ({ data: await board.board(actorOf(req), req.params.id, req.query) }),
  );
  crudRoutes(app, '/api/v1/lost-reasons', s.lostReasons, {
    create: lostReasonCreateSchema,
    update: lostReasonUpdateSchema,
    tag: 'pipelines',
  });
}
