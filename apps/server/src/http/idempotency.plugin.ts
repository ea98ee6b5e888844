/**
 * Idempotency-Key on POST: the first response for a key is stored; a retry with the same
 * key and body gets the same response without running again; a different body is a 422.
 */
import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.ts';
import { idempotencyKeys } from '../db/schema.ts';
import { AppError } from './errors.ts';

const IN_PROGRESS = 0;
const STALE_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { actorKey: string; key: string } | null;
  }
}

export function registerIdempotency(app: FastifyInstance, db: Db): void {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || typeof key !== 'string' || !req.actor) return;
    if (key.length < 1 || key.length > 200) {
      throw new AppError('validation_failed', 'Idempotency-Key must be 1 to 200 characters', {
        errors: [{ field: 'Idempotency-Key', code: 'invalid_value', message: 'must be 1 to 200 characters' }],
      });
    }
    const actorKey = req.actor.apiKeyId ? `k:${req.actor.apiKeyId}` : `u:${req.actor.userId}`;
    const path = req.url.split('?')[0] ?? req.url;
    const bodyHash = createHash('sha256')
      .update(JSON.stringify(req.body ?? null))
      .update(path)
      .digest('hex');
    // Claim the key; an existing claim is either a finished response, one in progress, or stale.
    await db
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.actorKey, actorKey),
          eq(idempotencyKeys.key, key),
          eq(idempotencyKeys.statusCode, IN_PROGRESS),
          lt(idempotencyKeys.createdAt, sql`now() - ${`${STALE_MS} milliseconds`}::interval`),
        ),
      );
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ actorKey, key, method: req.method, path, bodyHash, statusCode: IN_PROGRESS })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length) {
      req.idempotency = { actorKey, key };
      return;
    }
    const [prior] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.actorKey, actorKey), eq(idempotencyKeys.key, key)));
    if (!prior) throw new AppError('conflict', 'Idempotency key is being processed; retry shortly');
    if (prior.bodyHash !== bodyHash) throw new AppError('idempotency_mismatch');
    if (prior.statusCode === IN_PROGRESS)
      throw new AppError('conflict', 'A request with this key is still running');
    for (const [k, v] of Object.entries(prior.headers)) reply.header(k, v);
    reply.header('idempotent-replayed', 'true');
    return reply.code(prior.statusCode).send(prior.response);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const claim = req.idempotency;
    if (!claim) return payload;
    req.idempotency = null;
    const where = and(eq(idempotencyKeys.actorKey, claim.actorKey), eq(idempotencyKeys.key, claim.key));
    if (reply.statusCode >= 500) {
      await db.delete(idempotencyKeys).where(where);
      return payload;
    }
    let body: unknown = null;
    try {
      body = typeof payload === 'string' && payload ? JSON.parse(payload) : null;
    } catch {
      body = null;
    }
    const headers: Record<string, string> = {};
    for (const h of ['content-type', 'etag', 'location']) {
      const v = reply.getHeader(h);
      if (v !== undefined) headers[h] = String(v);
    }
    await db
      .update(idempotencyKeys)
      .set({ statusCode: reply.statusCode, response: body, headers })
      .where(where);
    return payload;
  });
}
