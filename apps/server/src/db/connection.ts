/**
 * One code path for both databases: embedded PGlite (a folder on disk, or memory) when no
 * DATABASE_URL is given, PostgreSQL through a `pg` pool otherwise. Callers get a Drizzle
 * instance plus the few raw capabilities migrations and pg-boss need.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { fromPglite, type Db as IDatabase } from 'pg-boss';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database or an open transaction: what every repository takes first. */
export type Executor = Db | Tx;

/** The rows of a hand-written SQL query (both drivers answer `{ rows }`). */
export async function queryRows<T>(ex: Executor, query: SQL): Promise<T[]> {
  return ((await ex.execute(query)) as unknown as { rows: T[] }).rows;
}

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs a multi-statement SQL script in one transaction, holding the migration lock. */
  runLocked(fn: (exec: (script: string) => Promise<void>, query: QueryFn) => Promise<void>): Promise<void>;
  /** Plain parameterised query outside Drizzle (benchmarks, bulk loads, health checks). */
  query: QueryFn;
  /** LISTEN on a channel; returns the function that stops listening. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** For pg-boss: an adapter (PGlite) or a connection string (PostgreSQL). */
  boss: { db: IDatabase } | { connectionString: string; max: number };
  close(): Promise<void>;
};
export type QueryFn = <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;

const MIGRATION_LOCK = 7_240_311;

export type ConnectOptions = {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  poolMax?: number;
};

export async function connect(opts: ConnectOptions): Promise<Database> {
  if (opts.databaseUrl) return connectPostgres(opts.databaseUrl, opts.poolMax ?? 10);
  return connectPglite(opts.dataDir);
}

async function connectPostgres(url: string, max: number): Promise<Database> {
  // Dates stay strings (no time-zone shifting), bigint counts become numbers.
  pg.types.setTypeParser(1082, (v) => v);
  pg.types.setTypeParser(20, (v) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'relata' });
  pool.on('error', () => {
    // An idle client died (server restart); the pool replaces it on next use.
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const query: QueryFn = async (text, values) => (await pool.query(text, values)).rows;
  return {
    kind: 'postgres',
    db,
    query,
    async runLocked(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await fn(
          async (script) => {
            await client.query(script);
          },
          async (text, values) => (await client.query(text, values)).rows,
        );
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      // A dedicated connection; reconnects if the server drops it.
      let client: pg.Client | null = null;
      let stopped = false;
      const open = async () => {
        const c = new pg.Client({ connectionString: url, application_name: 'relata-listen' });
        c.on('notification', (n) => n.payload !== undefined && onPayload(n.payload));
        c.on('error', () => {
          if (!stopped) setTimeout(() => void open().catch(() => {}), 1000);
        });
        await c.connect();
        await c.query(`LISTEN ${channel}`);
        client = c;
      };
      await open();
      return async () => {
        stopped = true;
        await client?.end().catch(() => {});
      };
    },
    boss: { connectionString: url, max: Math.max(2, Math.min(5, max)) },
    close: () => pool.end(),
  };
}

async function connectPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return connectPgliteClient(await PGlite.create({ dataDir, extensions: { pg_trgm } }));
}

/** Wraps an open PGlite instance (tests load one from a migrated template). */
export function connectPgliteClient(client: PGlite): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const query: QueryFn = async <T>(text: string, values?: unknown[]) =>
    (await client.query<T>(text, values)).rows;
  return {
    kind: 'pglite',
    db,
    query,
    async runLocked(fn) {
      // One connection: nobody else can migrate concurrently, a transaction is enough.
      await client.transaction(async (tx) => {
        await fn(
          async (script) => {
            await tx.exec(script);
          },
          async <T>(text: string, values?: unknown[]) => (await tx.query<T>(text, values)).rows,
        );
      });
    },
    async listen(channel, onPayload) {
      const unsub = await client.listen(channel, onPayload);
      return async () => {
        await unsub();
      };
    },
    boss: { db: fromPglite(client) },
    close: () => client.close(),
  };
}
