import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor, Permissions } from '@relata/domain';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import * as repo from './auth.repository.ts';
import { dummyHash, verifyPassword } from './passwords.ts';

export const SESSION_COOKIE = 'relata_session';
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const API_KEY_PREFIX = 'rk_';

type Principal = {
  userId: string;
  email: string;
  name: string;
  role: string;
  teamId: string | null;
  language: string;
  active: boolean;
  permissions: Permissions;
};

export type SessionAuth = { actor: Actor; sessionId: string; csrfToken: string; principal: Principal };

const LOCK_WINDOW_MS = 15 * 60 * 1000;
// Short-lived cache of authenticated principals: saves a query per request; a revoked
// session or key stops working within this time on other instances.
const CACHE_MS = 5000;

function actorOf(p: Principal, extra: Partial<Actor> = {}): Actor {
  return {
    kind: 'user',
    userId: p.userId,
    teamId: p.teamId,
    name: p.name,
    role: p.role,
    permissions: p.permissions,
    ...extra,
  };
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createAuthService(deps: {
  db: Db;
  clock: () => Date;
  sessionTtlHours: number;
  loginMaxFailures: number;
}) {
  const { db, clock } = deps;
  const cache = new Map<string, { at: number; value: SessionAuth | Actor }>();
  const cached = <T extends SessionAuth | Actor>(key: string): T | undefined => {
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value as T;
    if (hit) cache.delete(key);
    return undefined;
  };
  const remember = (key: string, value: SessionAuth | Actor) => {
    if (cache.size > 10_000) cache.clear();
    cache.set(key, { at: Date.now(), value });
  };

  async function throttleCheck(keys: string[]): Promise<void> {
    const now = clock();
    for (const key of keys) {
      const a = await repo.getLoginAttempt(db, key);
      if (a?.lockedUntil && a.lockedUntil > now) {
        const retry = Math.ceil((a.lockedUntil.getTime() - now.getTime()) / 1000);
        throw new AppError('too_many_attempts', 'Too many failed sign-ins; try again later', {
          headers: { 'retry-after': String(retry) },
        });
      }
    }
  }

  async function recordFailure(keys: string[]): Promise<void> {
    const now = clock();
    for (const key of keys) {
      const a = await repo.getLoginAttempt(db, key);
      const fresh = !a || now.getTime() - a.windowStart.getTime() > LOCK_WINDOW_MS;
      const failures = fresh ? 1 : a.failures + 1;
      await repo.saveLoginAttempt(db, {
        key,
        failures,
        windowStart: fresh ? now : a.windowStart,
        lockedUntil: failures >= deps.loginMaxFailures ? new Date(now.getTime() + LOCK_WINDOW_MS) : null,
      });
    }
  }

  return {
    async login(input: { email: string; password: string }, meta: { ip: string; userAgent: string }) {
      const email = input.email.trim().toLowerCase();
      const keys = [`email:${email}`, `ip:${meta.ip}`];
      await throttleCheck(keys);
      const user = await repo.findUserByEmail(db, email);
      const ok = user?.passwordHash
        ? await verifyPassword(user.passwordHash, input.password)
        : await verifyPassword(await dummyHash(), input.password).then(() => false);
      if (!user || !ok || !user.active) {
        await recordFailure(keys);
        throw new AppError('invalid_credentials');
      }
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const now = clock();
      const sessionId = sha256(token);
      await db.transaction(async (tx) => {
        await repo.insertSession(tx, {
          id: sessionId,
          userId: user.id,
          csrfToken,
          ip: meta.ip,
          userAgent: meta.userAgent.slice(0, 300),
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + deps.sessionTtlHours * 3600_000),
        });
        await repo.setLastLogin(tx, user.id, now);
        await repo.clearLoginAttempt(tx, `email:${email}`);
        await insertAudit(tx, {
          actorType: 'user',
          actorId: user.id,
          actorName: user.name,
          action: 'login',
          recordType: 'user',
          recordId: user.id,
          meta: { ip: meta.ip },
        });
      });
      return { token, csrfToken, userId: user.id };
    },

    async logout(auth: SessionAuth): Promise<void> {
      cache.delete(`s:${auth.sessionId}`);
      await db.transaction(async (tx) => {
        await repo.deleteSession(tx, auth.sessionId);
        await insertAudit(tx, auditEntry(auth.actor, 'logout', 'user', auth.actor.userId));
      });
    },

    async authenticateSession(token: string): Promise<SessionAuth | null> {
      const sessionId = sha256(token);
      const hit = cached<SessionAuth>(`s:${sessionId}`);
      if (hit) return hit;
      const now = clock();
      const row = await repo.findSessionPrincipal(db, sessionId, now);
      if (!row?.active) return null;
      // Sliding expiry, written at most every five minutes.
      if (now.getTime() - row.lastSeenAt.getTime() > 5 * 60_000) {
        await repo.touchSession(
          db,
          sessionId,
          now,
          new Date(now.getTime() + deps.sessionTtlHours * 3600_000),
        );
      }
      const auth: SessionAuth = { actor: actorOf(row), sessionId, csrfToken: row.csrfToken, principal: row };
      remember(`s:${sessionId}`, auth);
      return auth;
    },

    async authenticateApiKey(secret: string): Promise<Actor | null> {
      if (!secret.startsWith(API_KEY_PREFIX)) return null;
      const keyHash = sha256(secret);
      const hit = cached<Actor>(`k:${keyHash}`);
      if (hit) return hit;
      const now = clock();
      const row = await repo.findApiKeyPrincipal(db, keyHash, now);
      if (!row?.active) return null;
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000)
        await repo.touchApiKey(db, row.apiKeyId, now);
      const actor = actorOf(row, {
        kind: 'api_key',
        apiKeyId: row.apiKeyId,
        keyScopes: row.scopes as ('read' | 'write')[],
      });
      remember(`k:${keyHash}`, actor);
      return actor;
    },

    forget(): void {
      cache.clear();
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
