import { defaultValueSettings, type ValueSettings, valueSettingsSchema } from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';

const KEY = 'value.settings';

type Stored = Partial<ValueSettings> & { _version?: number };

async function stored(ex: Executor, lock = false): Promise<Stored> {
  const res = lock
    ? await ex.execute(sql`SELECT value FROM settings WHERE key = ${KEY} FOR UPDATE`)
    : await ex.execute(sql`SELECT value FROM settings WHERE key = ${KEY}`);
  return (res as unknown as { rows: { value: Stored }[] }).rows[0]?.value ?? {};
}

/** The stored settings over the defaults; a stored value that no longer parses falls back to them. */
const parse = ({ _version: _, ...value }: Stored): ValueSettings => {
  const parsed = valueSettingsSchema.safeParse({ ...defaultValueSettings, ...value });
  return parsed.success ? parsed.data : defaultValueSettings;
};

export async function getValueSettings(ex: Executor): Promise<ValueSettings> {
  return parse(await stored(ex));
}

/** The settings with their version (1 until first saved), for ETag / If-Match. */
export async function getVersionedValueSettings(
  ex: Executor,
  lock = false,
): Promise<{ settings: ValueSettings; version: number }> {
  const s = await stored(ex, lock);
  return { settings: parse(s), version: s._version ?? 1 };
}

export async function saveValueSettings(ex: Executor, value: ValueSettings, version: number): Promise<void> {
  forgetCachedValueSettings();
  await ex.execute(
    sql`INSERT INTO settings (key, value, updated_at) VALUES (${KEY}, ${JSON.stringify({ ...value, _version: version })}::jsonb, now())
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
  );
}

let cached: { at: number; value: ValueSettings } | null = null;
const TTL_MS = 2000;

/**
 * The settings for read paths that run on every list page (the currency of list values): cached
 * for two seconds in this process, like custom field definitions, so several instances agree soon.
 */
export async function valueSettingsForReads(ex: Executor): Promise<ValueSettings> {
  const now = Date.now();
  if (cached && now - cached.at < TTL_MS) return cached.value;
  const value = await getValueSettings(ex);
  cached = { at: now, value };
  return value;
}

export const forgetCachedValueSettings = () => {
  cached = null;
};
