/** The lead scoring rules, kept in settings with a version for ETag / If-Match. */
import { defaultLeadScoring, type LeadScoring, leadScoringSchema } from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';

const KEY = 'leads.scoring';

type Stored = Partial<LeadScoring> & { _version?: number };

async function stored(ex: Executor, lock: boolean): Promise<Stored | null> {
  const res = lock
    ? await ex.execute(sql`SELECT value FROM settings WHERE key = ${KEY} FOR UPDATE`)
    : await ex.execute(sql`SELECT value FROM settings WHERE key = ${KEY}`);
  return (res as unknown as { rows: { value: Stored }[] }).rows[0]?.value ?? null;
}

/** The stored rules, or the defaults until an admin saves some (or when they no longer parse). */
export async function getLeadScoring(
  ex: Executor,
  lock = false,
): Promise<{ rules: LeadScoring; version: number }> {
  const s = await stored(ex, lock);
  if (!s) return { rules: defaultLeadScoring, version: 1 };
  const { _version, ...value } = s;
  const parsed = leadScoringSchema.safeParse(value);
  return { rules: parsed.success ? parsed.data : defaultLeadScoring, version: _version ?? 1 };
}

export async function saveLeadScoring(ex: Executor, rules: LeadScoring, version: number): Promise<void> {
  await ex.execute(
    sql`INSERT INTO settings (key, value, updated_at) VALUES (${KEY}, ${JSON.stringify({ ...rules, _version: version })}::jsonb, now())
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
  );
}
