/** Routes shared by customer records (contacts, accounts): CRUD, duplicates and merge. */
import { type Actor, type MergeInput, mergeSchema } from '@relata/domain';
import type { z } from 'zod';
import { type App, idParams, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { ifMatch, setEtag } from '../../http/etag.ts';
import { type CrudService, crudRoutes } from './crud.routes.ts';

type Versioned = { id: string; version: number };

export type RecordService<C, U, V extends Versioned> = CrudService<C, U, V> & {
  duplicates(actor: Actor, id: string): Promise<unknown[]>;
  duplicateCheck(actor: Actor, input: C): Promise<unknown[]>;
  merge(actor: Actor, id: string, input: MergeInput, expected?: number): Promise<V>;
};

export function recordRoutes<C, U, V extends Versioned>(
  app: App,
  base: string,
  s: RecordService<C, U, V>,
  schemas: { create: z.ZodType<C>; update: z.ZodType<U>; tag: string },
): void {
  const tags = [schemas.tag];
  // Registered before `${base}/:id` routes so the static path wins.
  app.post(
    `${base}/duplicate-check`,
    { config: user, schema: { tags, body: schemas.create } },
    async (req) => ({
      data: await s.duplicateCheck(actorOf(req), req.body as C),
    }),
  );
  crudRoutes(app, base, s, schemas);
  app.get(`${base}/:id/duplicates`, { config: user, schema: { tags, params: idParams } }, async (req) => ({
    data: await s.duplicates(actorOf(req), req.params.id),
  }));
  app.post(
    `${base}/:id/merge`,
    { config: user, schema: { tags, params: idParams, body: mergeSchema } },
    async (req, reply) => {
      const data = await s.merge(actorOf(req), req.params.id, req.body, ifMatch(req));
      setEtag(reply, data.version);
      return { data };
    },
  );
}
