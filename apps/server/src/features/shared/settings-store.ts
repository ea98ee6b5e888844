/**
 * One settings document (a row of `settings`) over its defaults, versioned for ETag / If-Match.
 * A stored value that no longer parses falls back to the defaults.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Executor, queryRows } from '../../db/connection.ts';

export function settingsStore<S extends z.ZodType<object>>(key: string, schema: S, defaults: z.infer<S>) {
  type T = z.infer<S>;
  type Stored = Partial<T> & { _version?: number };
  const read = async (ex: Executor, lock: boolean): Promise<Stored> => {
    const rows = await queryRows<{ value: Stored }>(
      ex,
      lock
        ? sql`SELECT value FROM settings WHERE key = ${key} FOR UPDATE`
        : sql`SELECT value FROM settings WHERE key = ${key}`,
    );
    return rows[0]?.value ?? {};
  };
  const parse = ({ _version: _, ...value }: Stored): T => {
    const parsed = schema.safeParse({ ...defaults, ...value });
    return parsed.success ? parsed.data : defaults;
  };
  return {
    async get(ex: Executor): Promise<T> {
      return parse(await read(ex, false));
    },
    /** With its version (1 until first saved); `lock` holds the row for a read-modify-write. */
    async getVersioned(ex: Executor, lock = false): Promise<{ settings: T; version: number }> {
      const s = await read(ex, lock);
      return { settings: parse(s), version: s._version ?? 1 };
    },
    async save(ex: Executor, value: T, version: number): Promise<void> {
      await ex.execute(
        sql`INSERT INTO settings (key, value, updated_at)
            VALUES (${key}, ${JSON.stringify({ ...value, _version: version })}::jsonb, now())
            ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      );
    },
  };
}
