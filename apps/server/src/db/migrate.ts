/** Applies the checked-in SQL migrations in order, once each, under a lock. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './connection.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export type Migration = { name: string; sql: string; checksum: string };

export function listMigrations(): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export class MigrationError extends Error {}

/** Returns the names of the migrations it applied. */
export async function migrate(database: Database): Promise<string[]> {
  const applied: string[] = [];
  await database.runLocked(async (exec, query) => {
    await exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map(
      (await query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')).map(
        (r) => [r.name, r.checksum],
      ),
    );
    for (const m of listMigrations()) {
      const seen = done.get(m.name);
      if (seen) {
        if (seen !== m.checksum)
          throw new MigrationError(`migration ${m.name} was changed after it was applied`);
        continue;
      }
      await exec(m.sql);
      await query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [m.name, m.checksum]);
      applied.push(m.name);
    }
  });
  return applied;
}

/** Migrations present in the code but not applied to the database. */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const rows = await database
    .query<{ name: string }>('SELECT name FROM schema_migrations')
    .catch(() => [] as { name: string }[]);
  const done = new Set(rows.map((r) => r.name));
  return listMigrations()
    .map((m) => m.name)
    .filter((n) => !done.has(n));
}
