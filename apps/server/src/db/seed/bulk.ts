/**
 * Bulk writing for the demo seed: column batches sent as one `INSERT ... SELECT FROM
 * unnest(...)` each, a writer that keeps the database busy while the next batch is being
 * generated, and dropping/rebuilding secondary indexes around large loads.
 */
import type { Database, QueryFn } from '../connection.ts';

/**
 * How a column travels. `uuid`, `float8`, `int4` as unquoted array elements; `text` quoted;
 * `jsonb` and `text[]` as quoted text cast on the server; `epoch_ms` (a number) becomes a
 * timestamptz and `epoch_day` (a number) a date — numbers are far cheaper than ISO strings.
 */
export type ColumnType = 'uuid' | 'text' | 'int' | 'jsonb' | 'text[]' | 'epoch_ms' | 'epoch_day';
export type Column = { name: string; type: ColumnType };

const wireType: Record<ColumnType, string> = {
  uuid: 'uuid',
  text: 'text',
  int: 'int8',
  jsonb: 'text',
  'text[]': 'text',
  epoch_ms: 'float8',
  epoch_day: 'int4',
};
const quoted = (t: ColumnType) => t === 'text' || t === 'jsonb' || t === 'text[]';

export function insertSql(table: string, columns: readonly Column[]): string {
  const params = columns.map((c, i) => `$${i + 1}::${wireType[c.type]}[]`);
  const select = columns.map((c) => {
    if (c.type === 'jsonb' || c.type === 'text[]') return `t.${c.name}::${c.type}`;
    if (c.type === 'epoch_ms') return `to_timestamp(t.${c.name} / 1000.0)`;
    if (c.type === 'epoch_day') return `DATE '1970-01-01' + t.${c.name}`;
    return `t.${c.name}`;
  });
  const names = columns.map((c) => c.name).join(', ');
  return `INSERT INTO ${table} (${names}) SELECT ${select.join(', ')} FROM unnest(${params.join(', ')}) AS t(${names})`;
}

const needsEscape = /["\\]/;
const escapeAll = /["\\]/g;

/** A PostgreSQL array literal. Built by hand: several times faster than the driver's generic path. */
export function arrayLiteral(values: readonly unknown[], quote: boolean): string {
  const parts: string[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = 'NULL';
    else if (!quote) parts[i] = String(v);
    else {
      const s = String(v);
      parts[i] = needsEscape.test(s) ? `"${s.replace(escapeAll, '\\$&')}"` : `"${s}"`;
    }
  }
  return `{${parts.join(',')}}`;
}

/** A batch of rows held column by column. */
export class Batch {
  readonly columns: readonly Column[];
  readonly sql: string;
  data: unknown[][];
  constructor(table: string, columns: readonly Column[]) {
    this.columns = columns;
    this.sql = insertSql(table, columns);
    this.data = columns.map(() => []);
  }
  get size(): number {
    return this.data[0]!.length;
  }
  push(row: readonly unknown[]): void {
    for (let c = 0; c < row.length; c++) this.data[c]!.push(row[c]);
  }
  /** Serialises and empties the batch. */
  take(): string[] {
    const params = this.data.map((values, c) => arrayLiteral(values, quoted(this.columns[c]!.type)));
    this.data = this.columns.map(() => []);
    return params;
  }
}

/**
 * Keeps up to `slots` INSERTs in flight (on separate pooled connections when slots > 1)
 * while the generator prepares the next batch. Errors surface at the next send or at drain.
 */
export function writer(query: QueryFn, slots: number) {
  const inflight: Promise<unknown>[] = [];
  const settle = async () => {
    const err = await inflight.shift();
    if (err) throw err;
  };
  const sendParams = async (sql: string, params: string[]): Promise<void> => {
    while (inflight.length >= slots) await settle();
    inflight.push(
      query(sql, params).then(
        () => null,
        (e: unknown) => e ?? new Error('insert failed'),
      ),
    );
  };
  return {
    async send(batch: Batch): Promise<void> {
      if (batch.size === 0) return;
      await sendParams(batch.sql, batch.take());
    },
    /** Sends a batch serialised earlier with `take()`. */
    sendParams,
    async drain(): Promise<void> {
      while (inflight.length) await settle();
    },
  };
}

type IndexDef = { name: string; table: string; def: string };
const PENDING_KEY = 'seed.pendingIndexes';
export const bulkTables = [
  'accounts',
  'contacts',
  'relationships',
  'interactions',
  'tasks',
  'orders',
  'order_lines',
  'deals',
  'deal_stage_history',
];

/**
 * Drops the secondary (non-constraint) indexes of the bulk tables, first recording their
 * definitions in `settings` in the same transaction, so that an interrupted load can be
 * repaired by `rebuildPendingIndexes`.
 */
export async function dropSecondaryIndexes(database: Database): Promise<number> {
  let count = 0;
  await database.runLocked(async (_exec, query) => {
    const defs = await query<IndexDef>(
      `SELECT i.indexname AS name, i.tablename AS "table", i.indexdef AS def FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                         WHERE c.conname = i.indexname AND c.connamespace = i.schemaname::regnamespace)
       ORDER BY i.tablename, i.indexname`,
      [bulkTables],
    );
    const [pending] = await query<{ value: IndexDef[] }>('SELECT value FROM settings WHERE key = $1', [
      PENDING_KEY,
    ]);
    const all = [
      ...(pending?.value ?? []),
      ...defs.filter((d) => !pending?.value.some((p) => p.name === d.name)),
    ];
    await query(
      `INSERT INTO settings (key, value) VALUES ($1, $2::jsonb)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [PENDING_KEY, JSON.stringify(all)],
    );
    for (const d of defs) await query(`DROP INDEX ${quoteIdent(d.name)}`);
    count = defs.length;
  });
  return count;
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Rough cost order: trigram GIN first (by far the largest), other GIN next, B-trees last. */
function cost(d: IndexDef): number {
  const rows = d.table === 'accounts' ? 1 : 5;
  return rows * (d.def.includes('gin_trgm_ops') ? 20 : d.def.includes('USING gin') ? 4 : 1);
}

/**
 * Builds any indexes a bulk load dropped (also after a crash half-way), on two connections
 * in parallel for PostgreSQL. Returns how many it built.
 */
export async function rebuildPendingIndexes(
  database: Database,
  log: (msg: string) => void = () => {},
  only?: { tables: string[]; workers: number },
): Promise<number> {
  const [pending] = await database.query<{ value: IndexDef[] }>('SELECT value FROM settings WHERE key = $1', [
    PENDING_KEY,
  ]);
  if (!pending?.value.length) return 0;
  const wanted = only ? pending.value.filter((d) => only.tables.includes(d.table)) : pending.value;
  const queue = [...wanted].sort((a, b) => cost(b) - cost(a));
  const build = async (d: IndexDef) => {
    const t = performance.now();
    const def = d.def.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS ');
    if (database.kind === 'postgres') {
      // One simple-protocol round trip, so the setting applies to this connection's build.
      await database.query(`SET maintenance_work_mem = '512MB'; ${def}; RESET maintenance_work_mem`);
    } else {
      await database.query(def);
    }
    log(`  index ${d.name}: ${Math.round(performance.now() - t)} ms`);
  };
  if (database.kind === 'pglite') await database.query(`SET maintenance_work_mem = '256MB'`);
  const workers = only?.workers ?? (database.kind === 'postgres' ? 2 : 1);
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let d = queue.shift(); d; d = queue.shift()) await build(d);
    }),
  );
  // Remove what was built in one statement: builds of several tables may finish concurrently.
  await database.query(
    `UPDATE settings SET value = (SELECT coalesce(jsonb_agg(e), '[]'::jsonb) FROM jsonb_array_elements(value) e
                                  WHERE NOT (e->>'name' = ANY($2::text[])))
     WHERE key = $1`,
    [PENDING_KEY, wanted.map((d) => d.name)],
  );
  await database.query(`DELETE FROM settings WHERE key = $1 AND value = '[]'::jsonb`, [PENDING_KEY]);
  return wanted.length;
}
