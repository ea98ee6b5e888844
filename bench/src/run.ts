/**
 * `npm run bench`: seeds deterministic demo data, measures each workload as raw SQL in this
 * process, then through the HTTP API of a `relata start` child process, and prints one JSON
 * document (also written to --out). See docs/benchmarks.md for the method.
 *
 *   npm run bench -- [--scale N] [--duration S] [--concurrency C] [--out FILE]
 *                    [--only get,list,...] [--db-name relata_bench] [--data-dir DIR] [--fresh]
 *
 * DATABASE_URL set: PostgreSQL (a database `relata_bench` is created on that server);
 * otherwise PGlite in a folder under the temp directory.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { contactSearchText, foldText, normaliseChannels, personNameKey } from '@relata/domain';
import pg from 'pg';
import { boardWorkloads } from './board.ts';
import { prepareDatabase } from './db.ts';
import { httpClient } from './http.ts';
import { memoryOf, sampleRss, startServerProcess } from './server.ts';
import { type LoopOptions, loop, round, type Summary, summarise } from './stats.ts';

const ADMIN_PASSWORD = 'bench-admin-password';
const log = (m: string) => console.error(m);

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string' },
    concurrency: { type: 'string', default: '1' },
    'throughput-connections': { type: 'string', default: '32' },
    'create-concurrency': { type: 'string', default: '8' },
    'max-count': { type: 'string', default: '200000' },
    only: { type: 'string' },
    /** Deals to seed in the default pipeline (for the board workloads). */
    deals: { type: 'string' },
    'db-name': { type: 'string', default: 'relata_bench' },
    'data-dir': { type: 'string' },
    fresh: { type: 'boolean', default: false },
  },
});

const scale = Number(args.scale);
const durationMs = Number(args.duration) * 1000;
const warmupMs = args.warmup ? Number(args.warmup) * 1000 : Math.min(3000, Math.max(1000, durationMs / 4));
const concurrency = Number(args.concurrency);
const throughputConnections = Number(args['throughput-connections']);
const createConcurrency = Number(args['create-concurrency']);
const maxCount = Number(args['max-count']);
const only = args.only ? new Set(args.only.split(',')) : null;
if (
  ![scale, durationMs, concurrency, throughputConnections, createConcurrency, maxCount].every(
    (n) => Number.isFinite(n) && n > 0,
  )
) {
  throw new Error('--scale, --duration, --concurrency and friends take positive numbers');
}

// ---- database, seed, inputs --------------------------------------------------------------
const prepared = await prepareDatabase({
  scale,
  seed: Number(args.seed),
  adminPassword: ADMIN_PASSWORD,
  databaseUrl: process.env.DATABASE_URL,
  dbName: args['db-name']!,
  dataDir: args['data-dir'],
  fresh: args.fresh!,
  ...(args.deals ? { deals: Number(args.deals) } : {}),
});
const { target, database } = prepared;

type Row = Record<string, unknown>;
const ids = (
  await database.query<{ id: string }>('SELECT id FROM contacts ORDER BY random() LIMIT 5000')
).map((r) => r.id);
const languages = ['sv', 'nb', 'en', 'ru'];
const queueIds = (await database.query<{ id: string }>('SELECT id FROM queues ORDER BY name')).map(
  (r) => r.id,
);
// Search terms: four-letter pieces of real surnames (folded like the server folds q).
const terms = (
  await database.query<{ last_name: string }>('SELECT last_name FROM contacts ORDER BY random() LIMIT 500')
)
  .map((r, i) => {
    const s = foldText(r.last_name).replace(/[-\s]/g, '');
    const start = s.length > 4 ? i % (s.length - 3) : 0;
    return s.slice(start, start + 4);
  })
  .filter((t) => t.length >= 3);
const [admin] = await database.query<{ id: string }>(
  `SELECT id FROM users WHERE email = 'admin@relata.local'`,
);
const runTag = Date.now().toString(36);

// ---- raw SQL: the statements the server issues, on a separate connection -------------------
type Raw = {
  query(text: string, values?: unknown[]): Promise<Row[]>;
  tx(fn: (q: (text: string, values?: unknown[]) => Promise<Row[]>) => Promise<void>): Promise<void>;
  close(): Promise<void>;
};
function rawPostgres(url: string, max: number): Raw {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'relata-bench-raw' });
  return {
    query: async (text, values) => (await pool.query(text, values)).rows,
    async tx(fn) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await fn(async (text, values) => (await c.query(text, values)).rows);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}
const raw: Raw =
  target.kind === 'postgres'
    ? rawPostgres(target.url, Math.max(throughputConnections, createConcurrency))
    : {
        query: (text, values) => database.query<Row>(text, values),
        tx: (fn) => database.runLocked(async (_exec, q) => fn((text, values) => q<Row>(text, values))),
        close: async () => {},
      };

const sqlGet = 'SELECT * FROM contacts WHERE id = $1';
// Lists carry each customer's value: the server joins customer_values, and so does the raw SQL.
const valueJoin = `LEFT JOIN customer_values v ON v.customer_type = 'contact' AND v.customer_id = contacts.id`;
const valueCols =
  'v.tier, v.clv, v.p_alive, v.historical_value, v.lifecycle_state, v.rfm_score, v.last_purchase_on';
const sqlList = `SELECT contacts.*, ${valueCols}, (created_at)::text AS _sort FROM contacts ${valueJoin}
  WHERE language = $1::text ORDER BY created_at DESC, id DESC LIMIT 51`;
const sqlListNext = `SELECT contacts.*, ${valueCols}, (created_at)::text AS _sort FROM contacts ${valueJoin}
  WHERE language = $1::text AND (created_at, id) < ($2::timestamptz, $3::uuid) ORDER BY created_at DESC, id DESC LIMIT 51`;
const sqlSearch = `SELECT contacts.*, ${valueCols}, (name)::text AS _sort FROM contacts ${valueJoin}
  WHERE search_text LIKE $1 ORDER BY name ASC, id ASC LIMIT 21`;
const sqlByClv = `SELECT contacts.*, ${valueCols}, (v.clv)::text AS _sort FROM contacts ${valueJoin}
  WHERE v.tier = $1 ORDER BY v.clv DESC NULLS LAST, id DESC LIMIT 51`;
const tiers = ['A', 'B', 'C', 'D'];
// The case queue: a queue's open cases by the deadline they must meet next, as the server reads it.
const sqlCaseQueue = `SELECT cases.*, (next_due_at)::text AS _sort FROM cases
  WHERE status IN ('new', 'open', 'pending') AND queue_id = $1::uuid
  ORDER BY next_due_at ASC NULLS LAST, id ASC LIMIT 51`;
const sqlCaseDisputes = 'SELECT * FROM disputes WHERE case_id = ANY($1::uuid[])';
const flowFrom = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
const flowTo = new Date().toISOString().slice(0, 10);
const sqlFlows = `WITH f AS (SELECT customer_id, state FROM lifecycle_history WHERE customer_type = 'contact'
    AND valid_from <= $1::date AND (valid_to IS NULL OR valid_to > $1::date)),
  t AS (SELECT customer_id, state FROM lifecycle_history WHERE customer_type = 'contact'
    AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $2::date))
  SELECT CASE WHEN f.state IS NOT NULL THEN f.state WHEN c.created_at < ($1::date + 1) THEN 'prospect' ELSE 'none' END,
    coalesce(t.state, 'prospect'), count(*)::int, coalesce(sum(v.clv), 0)::float8
  FROM contacts c LEFT JOIN f ON f.customer_id = c.id LEFT JOIN t ON t.customer_id = c.id
  LEFT JOIN customer_values v ON v.customer_type = 'contact' AND v.customer_id = c.id
  WHERE c.created_at < ($2::date + 1) OR t.state IS NOT NULL GROUP BY 1, 2`;
const likeOf = (t: string) => `%${foldText(t).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const rawCursors = await Promise.all(
  languages.map(async (l) => {
    const rows = await raw.query(sqlList, [l]);
    const last = rows[49];
    return last ? [last._sort as string, last.id as string] : null;
  }),
);

function newContact(i: number) {
  const n = `${runTag}${i}`;
  return {
    firstName: 'Benchmark',
    lastName: `Contact ${n}`,
    jobTitle: 'Load tester',
    emails: [{ address: `bench.${n}@example.com`, label: 'work', primary: true }],
    phones: [{ number: `+4670${String(i % 10_000_000).padStart(7, '0')}`, label: 'mobile', primary: true }],
    language: 'sv' as const,
  };
}

async function rawCreate(i: number) {
  const c = newContact(i);
  const ch = normaliseChannels(c.emails, c.phones, 'SE');
  await raw.tx(async (q) => {
    const [row] = await q(
      `INSERT INTO contacts (first_name, last_name, job_title, emails, phones, primary_email, primary_phone, email_keys,
         phone_keys, address, language, owner_id, team_id, custom, search_text, name_key)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8::text[], $9::text[], NULL, $10, $11::uuid, NULL, '{}'::jsonb, $12, $13)
       RETURNING *`,
      [
        c.firstName,
        c.lastName,
        c.jobTitle,
        JSON.stringify(ch.emails),
        JSON.stringify(ch.phones),
        ch.primaryEmail,
        ch.primaryPhone,
        ch.emailKeys,
        ch.phoneKeys,
        c.language,
        admin!.id,
        contactSearchText({ ...c, emailKeys: ch.emailKeys, phoneKeys: ch.phoneKeys }),
        personNameKey(c.firstName, c.lastName),
      ],
    );
    await q(
      `INSERT INTO audit_log (actor_type, actor_id, actor_name, action, record_type, record_id, changes)
       VALUES ('api_key', $1::uuid, 'bench', 'create', 'contact', $2::uuid, $3::jsonb)`,
      [admin!.id, row!.id, JSON.stringify({ firstName: { from: null, to: c.firstName } })],
    );
  });
}

// The statements the 360° view, the timeline and global search run (see their repositories).
const sql360Contact = 'SELECT * FROM contacts WHERE id = $1';
const sql360Relationships =
  'SELECT * FROM relationships WHERE from_id = $1 OR to_id = $1 ORDER BY until IS NOT NULL, created_at DESC LIMIT 20';
const sql360Interactions =
  'SELECT * FROM interactions WHERE contact_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT 20';
const sql360Tasks =
  "SELECT * FROM tasks WHERE contact_id = $1 AND status = 'open' ORDER BY due_at ASC NULLS LAST, id LIMIT 50";
const sql360Value = "SELECT * FROM customer_values WHERE customer_type = 'contact' AND customer_id = $1";
const sql360Orders = 'SELECT * FROM orders WHERE contact_id = $1 ORDER BY ordered_at DESC, id DESC LIMIT 10';
const sql360OpenOrders = `SELECT * FROM orders WHERE contact_id = $1 AND status IN ('confirmed', 'fulfilled')
  AND delivery_status NOT IN ('delivered', 'returned') ORDER BY ordered_at DESC, id DESC LIMIT 20`;
const sql360Invoices =
  "SELECT * FROM invoices WHERE contact_id = $1 AND status = 'open' ORDER BY due_on, id LIMIT 20";
const sql360Warranties =
  'SELECT * FROM warranties WHERE contact_id = $1 AND ends_on >= $2::date ORDER BY ends_on DESC LIMIT 20';
const sql360Cases = `SELECT * FROM cases WHERE contact_id = $1 AND status IN ('new', 'open', 'pending')
  ORDER BY next_due_at ASC NULLS LAST, created_at DESC LIMIT 20`;
const today = new Date().toISOString().slice(0, 10);
const sqlTimeline = `SELECT t.kind, t.id, t.at FROM (
    (SELECT 'interaction' AS kind, id, occurred_at AS at FROM interactions WHERE contact_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT 51)
    UNION ALL (SELECT 'task', id, created_at FROM tasks WHERE contact_id = $1 ORDER BY created_at DESC, id DESC LIMIT 51)
    UNION ALL (SELECT 'note', id, created_at FROM notes WHERE record_id = $1 ORDER BY created_at DESC, id DESC LIMIT 51)
    UNION ALL (SELECT 'audit', id, at FROM audit_log WHERE record_id = $1 ORDER BY at DESC, id DESC LIMIT 51)
  ) t ORDER BY t.at DESC, t.id DESC LIMIT 51`;
const sqlGlobalSearch = (table: string) =>
  `SELECT id, 1 + word_similarity($1, search_text) AS score FROM ${table} WHERE search_text LIKE $2 LIMIT 20`;
/** The typo-tolerant fill-up the server runs when substring matching found fewer than 20. */
const sqlGlobalSearchFuzzy = (table: string) =>
  `SELECT id, word_similarity($1, search_text) AS score FROM ${table}
   WHERE $1 <% search_text AND NOT (search_text LIKE $2) ORDER BY score DESC, id LIMIT $3`;

const BATCH = 500;

/** The batch endpoint's statements as raw SQL: one multi-row insert and one audit insert per batch. */
async function rawCreateBatch(i: number) {
  const rows = Array.from({ length: BATCH }, (_, k) => {
    const c = newContact(3_000_000_000 + i * BATCH + k);
    const ch = normaliseChannels(c.emails, c.phones, 'SE');
    return {
      first_name: c.firstName,
      last_name: c.lastName,
      job_title: c.jobTitle,
      emails: ch.emails,
      phones: ch.phones,
      primary_email: ch.primaryEmail,
      primary_phone: ch.primaryPhone,
      email_keys: ch.emailKeys,
      phone_keys: ch.phoneKeys,
      language: c.language,
      search_text: contactSearchText({ ...c, emailKeys: ch.emailKeys, phoneKeys: ch.phoneKeys }),
      name_key: personNameKey(c.firstName, c.lastName),
    };
  });
  await raw.tx(async (q) => {
    const created = (await q(
      `INSERT INTO contacts (first_name, last_name, job_title, emails, phones, primary_email, primary_phone, email_keys,
         phone_keys, language, owner_id, search_text, name_key)
       SELECT first_name, last_name, job_title, emails, phones, primary_email, primary_phone, email_keys, phone_keys,
              language, $2::uuid, search_text, name_key
       FROM jsonb_to_recordset($1::jsonb) AS x(first_name text, last_name text, job_title text, emails jsonb, phones jsonb,
              primary_email text, primary_phone text, email_keys text[], phone_keys text[], language text,
              search_text text, name_key text)
       RETURNING *`,
      [JSON.stringify(rows), admin!.id],
    )) as { id: string; first_name: string }[];
    await q(
      `INSERT INTO audit_log (actor_type, actor_id, actor_name, action, record_type, record_id, changes)
       SELECT 'api_key', $1::uuid, 'bench', 'create', 'contact', id, jsonb_build_object('firstName', jsonb_build_object('from', null, 'to', first_name))
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, first_name text)`,
      [admin!.id, JSON.stringify(created.map((c) => ({ id: c.id, first_name: c.first_name })))],
    );
  });
}

type Workload = {
  name: string;
  concurrency: number;
  /** Counts records written rather than requests (rps is then records/s). */
  records?: boolean;
  /** Records written by one operation (batch workloads); rps is multiplied by it. */
  perOp?: number;
  raw(i: number): Promise<void>;
  api(i: number, http: ReturnType<typeof httpClient>): Promise<void>;
};

const pick = <T>(xs: readonly T[], i: number) => xs[(i * 7919) % xs.length]!;
let apiCursors: (string | null)[] = [];

const boardLoads = await boardWorkloads(database, (text, values) => raw.query(text, values), concurrency);

const allWorkloads: Workload[] = [
  {
    name: 'get contact by id',
    concurrency,
    raw: async (i) => {
      await raw.query(sqlGet, [pick(ids, i)]);
    },
    api: async (i, http) => {
      await http.expect('GET', `/api/v1/contacts/${pick(ids, i)}`);
    },
  },
  {
    name: 'list filter+sort page 1 (language, -createdAt, 50)',
    concurrency,
    raw: async (i) => {
      await raw.query(sqlList, [languages[i % 4]]);
    },
    api: async (i, http) => {
      await http.expect(
        'GET',
        `/api/v1/contacts?limit=50&sort=-createdAt&filter[language][eq]=${languages[i % 4]}`,
      );
    },
  },
  {
    name: 'list filter+sort page 2 (keyset cursor)',
    concurrency,
    raw: async (i) => {
      const c = rawCursors[i % 4];
      await raw.query(sqlListNext, [languages[i % 4], c?.[0] ?? null, c?.[1] ?? null]);
    },
    api: async (i, http) => {
      const c = apiCursors[i % 4];
      const cursor = c ? `&cursor=${encodeURIComponent(c)}` : '';
      await http.expect(
        'GET',
        `/api/v1/contacts?limit=50&sort=-createdAt&filter[language][eq]=${languages[i % 4]}${cursor}`,
      );
    },
  },
  {
    name: 'search substring of a name (q, 20)',
    concurrency,
    raw: async (i) => {
      await raw.query(sqlSearch, [likeOf(pick(terms, i))]);
    },
    api: async (i, http) => {
      await http.expect('GET', `/api/v1/contacts?q=${encodeURIComponent(pick(terms, i))}&limit=20`);
    },
  },
  {
    name: '360° view of a contact',
    concurrency,
    raw: async (i) => {
      const id = pick(ids, i);
      await raw.query(sql360Contact, [id]);
      await raw.query(sql360Relationships, [id]);
      await raw.query(sql360Interactions, [id]);
      await raw.query(sql360Tasks, [id]);
      await raw.query(sql360Value, [id]);
      await raw.query(sql360Orders, [id]);
      await raw.query(sql360OpenOrders, [id]);
      await raw.query(sql360Invoices, [id]);
      await raw.query(sql360Warranties, [id, today]);
      await raw.query(sql360Cases, [id]);
    },
    api: async (i, http) => {
      await http.expect('GET', `/api/v1/contacts/${pick(ids, i)}/360`);
    },
  },
  {
    name: 'timeline page of a contact (50)',
    concurrency,
    raw: async (i) => {
      await raw.query(sqlTimeline, [pick(ids, i)]);
    },
    api: async (i, http) => {
      await http.expect('GET', `/api/v1/contacts/${pick(ids, i)}/timeline?limit=50`);
    },
  },
  {
    name: 'case queue page 1 (open, queue, nextDueAt, 50)',
    concurrency,
    raw: async (i) => {
      const rows = (await raw.query(sqlCaseQueue, [pick(queueIds, i)])) as { id: string }[];
      await raw.query(sqlCaseDisputes, [rows.map((r) => r.id)]);
    },
    api: async (i, http) => {
      await http.expect(
        'GET',
        `/api/v1/cases?limit=50&filter[open][eq]=true&filter[queueId][eq]=${pick(queueIds, i)}`,
      );
    },
  },
  {
    name: 'list by value (tier, -clv, 50)',
    concurrency,
    raw: async (i) => {
      await raw.query(sqlByClv, [tiers[i % 4]]);
    },
    api: async (i, http) => {
      await http.expect('GET', `/api/v1/contacts?limit=50&sort=-clv&filter[tier]=${tiers[i % 4]}`);
    },
  },
  {
    name: 'flow matrix, last 365 days',
    concurrency: 1,
    raw: async () => {
      await raw.query(sqlFlows, [flowFrom, flowTo]);
    },
    api: async (_i, http) => {
      await http.expect('GET', `/api/v1/flows?from=${flowFrom}&to=${flowTo}`);
    },
  },
  {
    name: 'global search (contacts, accounts, interactions)',
    concurrency,
    raw: async (i) => {
      const q = pick(terms, i);
      for (const table of ['contacts', 'accounts', 'interactions']) {
        const found = await raw.query(sqlGlobalSearch(table), [q, likeOf(q)]);
        if (table !== 'interactions' && found.length < 20) {
          await raw.query(sqlGlobalSearchFuzzy(table), [q, likeOf(q), 20 - found.length]);
        }
      }
    },
    api: async (i, http) => {
      await http.expect('GET', `/api/v1/search?q=${encodeURIComponent(pick(terms, i))}&limit=20`);
    },
  },
  {
    name: `mixed reads, ${throughputConnections} connections (50% get, 25% list, 25% search)`,
    concurrency: throughputConnections,
    raw: async (i) => {
      const k = i % 4;
      if (k < 2) await raw.query(sqlGet, [pick(ids, i)]);
      else if (k === 2) await raw.query(sqlList, [languages[(i >> 2) % 4]]);
      else await raw.query(sqlSearch, [likeOf(pick(terms, i))]);
    },
    api: async (i, http) => {
      const k = i % 4;
      if (k < 2) await http.expect('GET', `/api/v1/contacts/${pick(ids, i)}`);
      else if (k === 2)
        await http.expect(
          'GET',
          `/api/v1/contacts?limit=50&sort=-createdAt&filter[language][eq]=${languages[(i >> 2) % 4]}`,
        );
      else await http.expect('GET', `/api/v1/contacts?q=${encodeURIComponent(pick(terms, i))}&limit=20`);
    },
  },
  {
    name: `bulk create, ${createConcurrency} concurrent (records/s)`,
    concurrency: createConcurrency,
    records: true,
    raw: (i) => rawCreate(i),
    api: async (i, http) => {
      await http.expect('POST', '/api/v1/contacts', newContact(1_000_000_000 + i), 201);
    },
  },
  {
    name: `bulk create in batches of ${BATCH}, 2 concurrent (records/s)`,
    concurrency: 2,
    records: true,
    perOp: BATCH,
    raw: (i) => rawCreateBatch(i),
    api: async (i, http) => {
      const records = Array.from({ length: BATCH }, (_, k) => newContact(2_000_000_000 + i * BATCH + k));
      await http.expect('POST', '/api/v1/contacts/batch', { records }, 201);
    },
  },
  ...boardLoads,
];
const workloads = allWorkloads.filter(
  (w) => !only || [...only].some((o) => w.name.toLowerCase().includes(o.toLowerCase())),
);

const loopOpts = (c: number): LoopOptions => ({ warmupMs, durationMs, maxCount, concurrency: c });

/** Deletes the contacts the create workloads wrote, and vacuums so no dead rows linger. */
async function removeCreatedRows(): Promise<void> {
  const statements = [
    `DELETE FROM audit_log WHERE record_id IN (SELECT id FROM contacts WHERE first_name = 'Benchmark')`,
    `DELETE FROM contacts WHERE first_name = 'Benchmark'`,
    'VACUUM ANALYZE contacts, audit_log',
  ];
  if (target.kind === 'postgres') {
    const c = new pg.Client({ connectionString: target.url });
    await c.connect();
    for (const q of statements) await c.query(q);
    await c.end();
  } else {
    const { connect } = await import('../../apps/server/src/db/connection.ts');
    const db = await connect({ dataDir: target.dataDir });
    for (const q of statements) await db.query(q);
    await db.close();
  }
}

// ---- phase 1: raw SQL (PGlite is single-process: this must happen before the server owns it)
const rawResults = new Map<string, Summary>();
for (const w of workloads) {
  log(`raw  ${w.name} ...`);
  const s = summarise(await loop((i) => w.raw(i), loopOpts(w.concurrency)));
  rawResults.set(w.name, s);
  log(`     p50 ${s.p50} ms, p95 ${s.p95} ms, ${s.rps}/s`);
}
await raw.close();
await database.close();
// The raw create workloads left rows at the newest end of the created_at index; remove them
// (and vacuum) so the API phase reads the same data the raw phase did.
await removeCreatedRows();

// ---- phase 2: the API of a `relata start` child process ------------------------------------
const server = await startServerProcess({
  RELATA_ADMIN_PASSWORD: ADMIN_PASSWORD,
  ...(target.kind === 'postgres'
    ? { DATABASE_URL: target.url }
    : { DATA_DIR: target.dataDir, DATABASE_URL: '' }),
});
log(`server ${server.url} (pid ${server.pid})`);
const results: Record<string, unknown>[] = [];
let rssIdleMb = 0;
let rssPeakMb = 0;
try {
  const anon = httpClient(server.url, 1);
  const login = await anon.json<{ data: { csrfToken: string } }>('POST', '/api/v1/auth/login', {
    email: 'admin@relata.local',
    password: ADMIN_PASSWORD,
  });
  const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  const key = await anon.json<{ data: { secret: string } }>(
    'POST',
    '/api/v1/api-keys',
    { name: `bench ${runTag}`, scopes: ['read', 'write'] },
    201,
    { cookie, 'x-csrf-token': login.data.data.csrfToken },
  );
  anon.close();
  const auth = { authorization: `Bearer ${key.data.data.secret}` };
  const setup = httpClient(server.url, 1, auth);
  apiCursors = await Promise.all(
    languages.map(
      async (l) =>
        (
          await setup.json<{ nextCursor: string | null }>(
            'GET',
            `/api/v1/contacts?limit=50&sort=-createdAt&filter[language][eq]=${l}`,
          )
        ).data.nextCursor,
    ),
  );
  setup.close();
  await new Promise((r) => setTimeout(r, 2000));
  rssIdleMb = memoryOf(server.pid).rssMb;
  log(`server RSS idle ${rssIdleMb.toFixed(0)} MB`);
  const sampler = sampleRss(server.pid);
  for (const w of workloads) {
    log(`api  ${w.name} ...`);
    const http = httpClient(server.url, w.concurrency, auth);
    const s = summarise(await loop((i) => w.api(i, http), loopOpts(w.concurrency)));
    http.close();
    const r = rawResults.get(w.name)!;
    results.push({
      name: w.name,
      concurrency: w.concurrency,
      p50: s.p50,
      p95: s.p95,
      p99: s.p99,
      rps: round(s.rps * (w.perOp ?? 1), 1),
      rawP50: r.p50,
      rawP95: r.p95,
      rawRps: round(r.rps * (w.perOp ?? 1), 1),
      ratio: round(s.p50 / r.p50, 2),
      count: s.count,
      errors: s.errors,
    });
    log(
      `     p50 ${s.p50} ms, p95 ${s.p95} ms, ${s.rps}/s (raw p50 ${r.p50} ms; ratio ${round(s.p50 / r.p50, 2)})`,
    );
  }
  rssPeakMb = Math.max(sampler.stop(), memoryOf(server.pid).hwmMb);
} finally {
  await server.stop();
}

// ---- clean up what the create workloads added, so a reused database stays at its scale ----
await removeCreatedRows();

const report = {
  scale,
  database: target.kind,
  node: process.version,
  workloads: results,
  rssIdleMb: round(rssIdleMb, 1),
  rssPeakMb: round(rssPeakMb, 1),
  seedSeconds: prepared.seedSeconds === null ? null : round(prepared.seedSeconds, 1),
  valueSeconds: prepared.valueSeconds === null ? null : round(prepared.valueSeconds, 1),
  settings: { durationS: durationMs / 1000, warmupS: warmupMs / 1000, concurrency, maxCount },
  machine: {
    cpus: os.cpus().length,
    memGb: round(os.totalmem() / 2 ** 30, 1),
    load1: round(os.loadavg()[0]!, 2),
  },
  at: new Date().toISOString(),
};
const json = JSON.stringify(report, null, 2);
console.log(json);
if (args.out) writeFileSync(args.out, `${json}\n`);
