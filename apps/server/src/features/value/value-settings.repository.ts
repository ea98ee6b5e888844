import { defaultValueSettings, type ValueSettings, valueSettingsSchema } from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';

const KEY = 'value.settings';

/** The stored settings over the defaults; a stored value that no longer parses falls back per key. */
export async function getValueSettings(ex: Executor): Promise<ValueSettings> {
  const res = await ex.execute<{ value: Partial<ValueSettings> }>(
    sql`SELECT value FROM settings WHERE key = ${KEY}`,
  );
  const stored = (res as unknown as { rows: { value: Partial<ValueSettings> }[] }).rows[0]?.value ?? {};
  const merged = { ...defaultValueSettings, ...stored };
  const parsed = valueSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : defaultValueSettings;
}

export async function saveValueSettings(ex: Executor, value: ValueSettings): Promise<void> {
  await ex.execute(
    sql`INSERT INTO settings (key, value, updated_at) VALUES (${KEY}, ${JSON.stringify(value)}::jsonb, now())
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
  );
}
