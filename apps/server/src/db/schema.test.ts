import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/db.ts';
import { pendingMigrations } from './migrate.ts';
import * as schema from './schema.ts';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb?.cleanup();
});

describe('schema', () => {
  it('the Drizzle schema matches the migrated database, column by column', async () => {
    const rows = await tdb.database.query<{ table_name: string; column_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = current_schema()`,
    );
    const db = new Map<string, Map<string, boolean>>();
    for (const r of rows) {
      if (!db.has(r.table_name)) db.set(r.table_name, new Map());
      db.get(r.table_name)!.set(r.column_name, r.is_nullable === 'YES');
    }
    for (const table of Object.values(schema) as PgTable[]) {
      const cfg = getTableConfig(table);
      const cols = db.get(cfg.name);
      expect(cols, `table ${cfg.name}`).toBeDefined();
      const declared = cfg.columns.map((c) => c.name).sort();
      expect(declared, `columns of ${cfg.name}`).toEqual([...cols!.keys()].sort());
      for (const c of cfg.columns)
        expect(cols!.get(c.name), `${cfg.name}.${c.name} nullability`).toBe(!c.notNull && !c.primary);
    }
  });

  it('has no pending migrations and pg_trgm installed', async () => {
    expect(await pendingMigrations(tdb.database)).toEqual([]);
    const ext = await tdb.database.query("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'");
    expect(ext.length).toBe(1);
  });
});
