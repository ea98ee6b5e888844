/**
 * A fresh, migrated database per test file: in-memory PGlite by default (loaded from a
 * migrated template kept in the temp folder), or a new PostgreSQL database on the server
 * named by TEST_DATABASE_URL.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { ensureRoles } from '../bootstrap.ts';
import { connect, connectPgliteClient, type Database } from '../db/connection.ts';
import { listMigrations, migrate } from '../db/migrate.ts';

export type TestDatabase = { database: Database; cleanup(): Promise<void> };

function templatePath(): string {
  const h = createHash('sha256');
  for (const m of listMigrations()) h.update(m.checksum);
  return path.join(os.tmpdir(), `relata-pglite-template-${h.digest('hex').slice(0, 16)}.tar`);
}

async function pgliteTemplate(): Promise<Blob> {
  const file = templatePath();
  if (!existsSync(file)) {
    const client = await PGlite.create({ extensions: { pg_trgm } });
    const database = connectPgliteClient(client);
    await migrate(database);
    await ensureRoles(database);
    const dump = await client.dumpDataDir('none');
    await client.close();
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
  }
  return new Blob([readFileSync(file)]);
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const client = await PGlite.create({ extensions: { pg_trgm }, loadDataDir: await pgliteTemplate() });
    const database = connectPgliteClient(client);
    await ensureRoles(database); // role permissions live in code; refresh the template's copy
    return { database, cleanup: () => database.close() };
  }
  const name = `relata_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await connect({ databaseUrl: u.toString(), poolMax: 5 });
  await migrate(database);
  await ensureRoles(database);
  return {
    database,
    async cleanup() {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
