/**
 * Signed, expiring tokens for links that work without signing in (survey links, one-click
 * unsubscribe): the payload in base64url, then an HMAC-SHA256 of it under a key kept in the
 * database (created on first use), so every instance checks the same tokens.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';

const KEY = 'secrets.signing';
let cached: Buffer | null = null;

async function signingKey(ex: Executor): Promise<Buffer> {
  if (cached) return cached;
  const fresh = randomBytes(32).toString('base64');
  await ex.execute(
    sql`INSERT INTO settings (key, value) VALUES (${KEY}, ${JSON.stringify({ key: fresh })}::jsonb) ON CONFLICT (key) DO NOTHING`,
  );
  const res = await ex.execute<{ value: { key: string } }>(
    sql`SELECT value FROM settings WHERE key = ${KEY}`,
  );
  const stored = (res as unknown as { rows: { value: { key: string } }[] }).rows[0]!.value.key;
  cached = Buffer.from(stored, 'base64');
  return cached;
}

/** For tests that open several databases in one process. */
export const forgetSigningKey = () => {
  cached = null;
};

export type TokenPayload = { k: string; i: string; e: number; [extra: string]: string | number };

const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest('base64url');

export async function signToken(ex: Executor, payload: TokenPayload): Promise<string> {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(await signingKey(ex), body)}`;
}

export type Verified = { ok: true; payload: TokenPayload } | { ok: false; reason: 'invalid' | 'expired' };

/** Checks the signature (constant time), the kind and the expiry. */
export async function verifyToken(ex: Executor, token: string, kind: string, now: Date): Promise<Verified> {
  const [body, sig, ...rest] = token.split('.');
  if (!body || !sig || rest.length || token.length > 1000) return { ok: false, reason: 'invalid' };
  const want = Buffer.from(mac(await signingKey(ex), body));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return { ok: false, reason: 'invalid' };
  let payload: TokenPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (payload?.k !== kind || typeof payload.i !== 'string' || typeof payload.e !== 'number')
    return { ok: false, reason: 'invalid' };
  if (payload.e * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}
