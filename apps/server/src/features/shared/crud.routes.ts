/**
 * The standard routes of a resource with a UUID id: list, create, get (ETag), patch and delete
 * (If-Match). Each still validates with its own schemas and calls one service method.
 */
import { type Actor, listQuerySchema } from '@relata/domain';
import type { z } from 'zod';
import { type App, idParams, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { ifMatch, setEtag } from '../../http/etag.ts';

type Versioned = { id: string; version: number };

export type CrudService<C, U, V extends Versioned> = {
  list(actor: Actor, query: z.infer<typeof listQuerySchema> & Record<string, unknown>): Promise<unknown>;
  create(actor: Actor, input: C): Promise<V>;
  get(actor: Actor, id: string): Promise<V>;
  update(actor: Actor, id: string, input: U, expected?: number): Promise<V>;
  remove(actor: Actor, id: string, expected?: number): Promise<void>;
};

export function crudRoutes<C, U, V extends Versioned>(
  app: App,
  base: string,
  s: CrudService<C, U, V>,
  schemas: { create: z.ZodType<C>; update: z.ZodType<U>; tag: string },
): void {
  const tags = [schemas.tag];
  app.get(base, { config: user, schema: { tags, querystring: listQuerySchema.loose() } }, async (req) =>
    s.list(actorOf(req), req.query),
  );
  app.post(base, { config: user, schema: { tags, body: schemas.create } }, async (req, reply) => {
    const data = await s.create(actorOf(req), req.body as C);
    setEtag(reply, data.version);
    return reply.code(201).header('location', `${base}/${data.id}`).send({ data });
  });
  app.get(`${base}/:id`, { config: user, schema: { tags, params: idParams } }, async (req, reply) => {
    const data = await s.get(actorOf(req), req.params.id);
    setEtag(reply, data.version);
    return { data };
  });
  app.patch(
    `${base}/:id`,
    { config: user, schema: { tags, params: idParams, body: schemas.update } },
    async (req, reply) => {
      const data = await s.update(actorOf(req), req.params.id, req.body as U, ifMatch(req));
      setEtag(reply, data.version);
      return { data };
    },
  );
  app.delete(`${base}/:id`, { config: user, schema: { tags, params: idParams } }, async (req, reply) => {
    await s.remove(actorOf(req), req.params.id, ifMatch(req));
    return reply.code(204).send();
  });
}
