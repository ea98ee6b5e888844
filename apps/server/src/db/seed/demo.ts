/**
 * Deterministic demo data: teams, demo users, custom field definitions, accounts, contacts
 * and relationships, shaped like a Nordic/UK/Russian B2B customer base. The same `seed`
 * always produces the same rows, ids included (on an empty database). Rows are generated in
 * column batches and written with one `INSERT ... SELECT FROM unnest(...)` per batch; the
 * derived columns (primary e-mail/phone, keys, search text, name keys) are computed with
 * the same domain functions the server uses on create.
 */
import {
  type AccountType,
  accountNameKey,
  accountSearchText,
  accountSizes,
  contactSearchText,
  type Language,
  personNameKey,
} from '@relata/domain';
import type { Database, QueryFn } from '../connection.ts';
import { type ContactRef, seedActivity } from './activity.ts';
import { Batch, type Column, dropSecondaryIndexes, rebuildPendingIndexes, writer } from './bulk.ts';
import { seedCommerce } from './commerce.ts';
import { seedDeals } from './deals.ts';
import { demoPhone } from './phones.ts';
import {
  asciiSlug,
  buildPools,
  type CountryPool,
  gendered,
  industries,
  type NameLocale,
  type Place,
  personName,
} from './pools.ts';
import { createRng, cumulative, pickWeighted, type Rng } from './random.ts';
import { seedService } from './service.ts';

export type SeedOptions = {
  /** Number of contacts; accounts are a fifth of it. */
  scale: number;
  seed: number;
  log?: (msg: string) => void;
  /** Rows per INSERT statement (default 5,000 on PostgreSQL, 2,000 on PGlite). */
  batchSize?: number;
  /** From this many contacts on, secondary indexes are dropped and rebuilt (default 50,000). */
  bulkThreshold?: number;
  /** Average interactions per contact (default 4; the benchmark uses 10). */
  interactionsPerContact?: number;
  /** Products, orders, invoices and warranties (default true). */
  commerce?: boolean;
  /** Day the order histories run up to (default today), so lifecycle states are current. */
  ordersEnd?: number;
  /** Share of contacts with purchases (default 0.65). */
  buyerShare?: number;
  /** Service cases per contact (default 0.1), with queues and routing rules; 0 for none. */
  casesPerContact?: number;
  /** Deals in the default pipeline (default a fifth of the contacts, 40 to 400); 0 for none. */
  deals?: number;
};

export type SeedResult = {
  users: number;
  teams: number;
  accounts: number;
  contacts: number;
  relationships: number;
  interactions: number;
  tasks: number;
  orders: number;
  orderLines: number;
  cases: number;
  deals: number;
};

const DAY = 86_400_000;
/** Fixed time window, so that the output does not depend on the day it runs. */
const END = Date.UTC(2026, 0, 1);
const START = END - 3 * 365 * DAY;

const demoTeams = ['Nordics', 'UK & Ireland', 'Key accounts'] as const;
type TeamName = (typeof demoTeams)[number];

const demoUsers: { email: string; name: string; role: string; team: TeamName | null; language: Language }[] =
  [
    {
      email: 'astrid.lindqvist@relata.local',
      name: 'Astrid Lindqvist',
      role: 'manager',
      team: 'Nordics',
      language: 'sv',
    },
    { email: 'ole.hansen@relata.local', name: 'Ole Hansen', role: 'agent', team: 'Nordics', language: 'nb' },
    { email: 'maja.berg@relata.local', name: 'Maja Berg', role: 'agent', team: 'Nordics', language: 'sv' },
    {
      email: 'oliver.bennett@relata.local',
      name: 'Oliver Bennett',
      role: 'manager',
      team: 'UK & Ireland',
      language: 'en',
    },
    {
      email: 'sophie.walsh@relata.local',
      name: 'Sophie Walsh',
      role: 'agent',
      team: 'UK & Ireland',
      language: 'en',
    },
    {
      email: 'elena.sokolova@relata.local',
      name: 'Elena Sokolova',
      role: 'manager',
      team: 'Key accounts',
      language: 'ru',
    },
    {
      email: 'dmitri.volkov@relata.local',
      name: 'Dmitri Volkov',
      role: 'agent',
      team: 'Key accounts',
      language: 'ru',
    },
    { email: 'tom.reed@relata.local', name: 'Tom Reed', role: 'read_only', team: null, language: 'en' },
  ];

const segmentOptions = [
  { value: 'smb', label: 'Small business' },
  { value: 'mid_market', label: 'Mid-market' },
  { value: 'enterprise', label: 'Enterprise' },
  { value: 'public_sector', label: 'Public sector' },
  { value: 'consumer', label: 'Consumer' },
];

const demoFields = [
  {
    entity: 'contact',
    key: 'segment',
    label: 'Segment',
    type: 'select',
    options: segmentOptions,
    position: 0,
  },
  { entity: 'contact', key: 'newsletter', label: 'Newsletter', type: 'boolean', options: [], position: 1 },
  {
    entity: 'account',
    key: 'annual_revenue',
    label: 'Annual revenue',
    type: 'money',
    options: [],
    position: 0,
  },
] as const;

const accountTypeCum = cumulative([45, 35, 10, 10]);
const accountTypeList: AccountType[] = ['customer', 'prospect', 'partner', 'supplier'];
const sizeCum = cumulative([30, 28, 20, 12, 7, 3]);
/** How many contacts an account of each size attracts, relatively. */
const sizeContactWeight = [1, 2, 4, 7, 12, 20];
/** Annual revenue range in EUR per size. */
const sizeRevenue: [number, number][] = [
  [50_000, 1_500_000],
  [1_000_000, 8_000_000],
  [5_000_000, 40_000_000],
  [30_000_000, 250_000_000],
  [200_000_000, 1_500_000_000],
  [1_000_000_000, 20_000_000_000],
];
const publicIndustries = new Set(['Public sector', 'Education', 'Healthcare']);

const freemail: Record<string, string[]> = {
  SE: ['gmail.com', 'hotmail.se', 'outlook.com', 'telia.com', 'icloud.com'],
  NO: ['gmail.com', 'online.no', 'hotmail.no', 'outlook.com'],
  GB: ['gmail.com', 'outlook.com', 'btinternet.com', 'yahoo.co.uk'],
  IE: ['gmail.com', 'eircom.net', 'outlook.com'],
  RU: ['yandex.ru', 'mail.ru', 'gmail.com', 'rambler.ru'],
  US: ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com'],
};

const accountColumns: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'name', type: 'text' },
  { name: 'domain', type: 'text' },
  { name: 'type', type: 'text' },
  { name: 'industry', type: 'text' },
  { name: 'size', type: 'text' },
  { name: 'address', type: 'jsonb' },
  { name: 'owner_id', type: 'uuid' },
  { name: 'team_id', type: 'uuid' },
  { name: 'custom', type: 'jsonb' },
  { name: 'search_text', type: 'text' },
  { name: 'name_key', type: 'text' },
  { name: 'created_at', type: 'epoch_ms' },
  { name: 'updated_at', type: 'epoch_ms' },
];

const contactColumns: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'first_name', type: 'text' },
  { name: 'last_name', type: 'text' },
  { name: 'job_title', type: 'text' },
  { name: 'emails', type: 'jsonb' },
  { name: 'phones', type: 'jsonb' },
  { name: 'primary_email', type: 'text' },
  { name: 'primary_phone', type: 'text' },
  { name: 'email_keys', type: 'text[]' },
  { name: 'phone_keys', type: 'text[]' },
  { name: 'address', type: 'jsonb' },
  { name: 'language', type: 'text' },
  { name: 'owner_id', type: 'uuid' },
  { name: 'team_id', type: 'uuid' },
  { name: 'custom', type: 'jsonb' },
  { name: 'search_text', type: 'text' },
  { name: 'name_key', type: 'text' },
  { name: 'created_at', type: 'epoch_ms' },
  { name: 'updated_at', type: 'epoch_ms' },
];

const relationshipColumns: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'type', type: 'text' },
  { name: 'from_type', type: 'text' },
  { name: 'from_id', type: 'uuid' },
  { name: 'to_type', type: 'text' },
  { name: 'to_id', type: 'uuid' },
  { name: 'since', type: 'epoch_day' },
  { name: 'created_at', type: 'epoch_ms' },
  { name: 'updated_at', type: 'epoch_ms' },
];

/** A PostgreSQL array literal of strings, for the text[] key columns. */
function textArray(items: readonly string[]): string {
  let s = '{';
  for (let i = 0; i < items.length; i++) s += `${i ? ',' : ''}"${items[i]!.replace(/["\\]/g, '\\$&')}"`;
  return `${s}}`;
}

const epochDay = (ms: number) => Math.floor(ms / DAY);

type UserRef = { id: string; role: string; team: TeamName | null };

async function ensureTeams(query: QueryFn, ids: Rng): Promise<Map<TeamName, string>> {
  const proposed = demoTeams.map((name) => ({ name, id: ids.uuid() }));
  await query(
    `INSERT INTO teams (id, name, description)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])
     ON CONFLICT (lower(name)) DO NOTHING`,
    [proposed.map((t) => t.id), proposed.map((t) => t.name), proposed.map(() => 'Demo team')],
  );
  const rows = await query<{ id: string; name: string }>(
    'SELECT id, name FROM teams WHERE lower(name) = ANY($1::text[])',
    [demoTeams.map((t) => t.toLowerCase())],
  );
  const byLower = new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
  return new Map(demoTeams.map((t) => [t, byLower.get(t.toLowerCase())!]));
}

async function ensureUsers(query: QueryFn, ids: Rng, teams: Map<TeamName, string>): Promise<UserRef[]> {
  const proposed = demoUsers.map((u) => ({ ...u, id: ids.uuid() }));
  await query(
    `INSERT INTO users (id, email, name, role, team_id, language, password_hash)
     SELECT id, email, name, role, team_id, language, NULL
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[])
       AS t(id, email, name, role, team_id, language)
     ON CONFLICT (lower(email)) DO NOTHING`,
    [
      proposed.map((u) => u.id),
      proposed.map((u) => u.email),
      proposed.map((u) => u.name),
      proposed.map((u) => u.role),
      proposed.map((u) => (u.team ? teams.get(u.team)! : null)),
      proposed.map((u) => u.language),
    ],
  );
  const rows = await query<{ id: string; email: string }>(
    'SELECT id, lower(email) AS email FROM users WHERE lower(email) = ANY($1::text[])',
    [demoUsers.map((u) => u.email)],
  );
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  return demoUsers.map((u) => ({ id: byEmail.get(u.email)!, role: u.role, team: u.team }));
}

/**
 * Creates the demo custom fields unless fields with those keys exist. Values are filled
 * only for fields whose definition is the demo one (an admin's own `segment` field of a
 * different type is left alone).
 */
async function ensureCustomFields(query: QueryFn, ids: Rng) {
  const proposed = demoFields.map((f) => ({ ...f, id: ids.uuid() }));
  await query(
    `INSERT INTO custom_field_defs (id, entity, key, label, type, options, position)
     SELECT id, entity, key, label, type, options::jsonb, position
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
       AS t(id, entity, key, label, type, options, position)
     ON CONFLICT (entity, key) DO NOTHING`,
    [
      proposed.map((f) => f.id),
      proposed.map((f) => f.entity),
      proposed.map((f) => f.key),
      proposed.map((f) => f.label),
      proposed.map((f) => f.type),
      proposed.map((f) => JSON.stringify(f.options)),
      proposed.map((f) => f.position),
    ],
  );
  const rows = await query<{ entity: string; key: string; type: string; options: { value: string }[] }>(
    `SELECT entity, key, type, options FROM custom_field_defs WHERE key = ANY($1::text[])`,
    [demoFields.map((f) => f.key)],
  );
  const usable = (entity: string, key: string, type: string, values: string[] = []) =>
    rows.some(
      (r) =>
        r.entity === entity &&
        r.key === key &&
        r.type === type &&
        values.every((v) => (r.options ?? []).some((o) => o.value === v)),
    );
  return {
    segment: usable(
      'contact',
      'segment',
      'select',
      segmentOptions.map((o) => o.value),
    ),
    newsletter: usable('contact', 'newsletter', 'boolean'),
    annualRevenue: usable('account', 'annual_revenue', 'money'),
  };
}

function pickOwner(rng: Rng, users: UserRef[], team: TeamName): number {
  const candidates: number[] = [];
  users.forEach((u, i) => {
    if (u.team === team && u.role !== 'read_only') {
      candidates.push(i);
      if (u.role === 'agent') candidates.push(i, i); // agents own most records
    }
  });
  return candidates[rng.int(candidates.length)]!;
}

function teamFor(country: string, sizeIdx: number): TeamName {
  if (sizeIdx >= 4 || country === 'RU' || country === 'US') return 'Key accounts';
  return country === 'GB' || country === 'IE' ? 'UK & Ireland' : 'Nordics';
}

function address(rng: Rng, cp: CountryPool, place?: Place) {
  const p = place ?? rng.pick(cp.places);
  const street = rng.pick(cp.streets);
  const num = rng.range(1, 180);
  const line =
    cp.code === 'GB' || cp.code === 'IE' || cp.code === 'US'
      ? `${num} ${street}`
      : cp.code === 'RU'
        ? `${street}, д. ${num}`
        : `${street} ${num}`;
  return { street: line, city: p.city, postalCode: p.postalCode, region: p.region, country: cp.code };
}

const legalWords = new Set(
  [
    'ab',
    'publ',
    'hb',
    'as',
    'asa',
    'ba',
    'rfh',
    'ltd',
    'plc',
    'llp',
    'dac',
    'teoranta',
    'inc',
    'llc',
    'corp',
    'group',
    'gruppen',
    'aktiebolag',
    'kommanditbolag',
    'investment',
    'og',
    'sonner',
    'and',
    'sons',
  ].concat(['ao', 'гуп', 'зао', 'ип', 'муп', 'нко', 'оао', 'ооо', 'оп', 'пао', 'тсж', 'фгуп']),
);

/** example-name.se: the first two meaningful words of the company name, unique per run. */
function domainFor(name: string, cp: CountryPool, taken: Set<string>, rng: Rng): string {
  const parts = name
    .toLowerCase()
    .split(/[\s,\-–&«»"'.()]+/)
    .filter((w) => w && !legalWords.has(w))
    .map(asciiSlug)
    .filter(Boolean);
  const base = (parts.slice(0, 2).join('-') || 'company').slice(0, 40).replace(/-+$/, '');
  let domain = `${base}.${cp.tld}`;
  for (let n = 2; taken.has(domain); n++) {
    domain = n === 2 ? `${base}-${cp.code.toLowerCase()}.${cp.tld}` : `${base}${rng.range(2, 999)}.${cp.tld}`;
  }
  taken.add(domain);
  return domain;
}

function companyName(cp: CountryPool, rng: Rng): string {
  let name = cp.faker.company.name().replace(/\s+/g, ' ').trim();
  const lastWord = name.split(' ').pop()!.toLowerCase().replace(/[.,]/g, '');
  if (cp.legalForms.length && !legalWords.has(lastWord) && rng.chance(0.7)) {
    name = `${name} ${rng.pick(cp.legalForms)}`;
  }
  return name;
}

function emailLocal(rng: Rng, first: string, last: string): string {
  const f = asciiSlug(first) || 'info';
  const l = asciiSlug(last);
  if (!l) return f;
  const r = rng.next();
  if (r < 0.6) return `${f}.${l}`;
  if (r < 0.75) return `${f[0]}.${l}`;
  if (r < 0.85) return `${f}${l[0]}`;
  if (r < 0.92) return `${f}_${l}`;
  return `${l}.${f}`;
}

function pickCountry(rng: Rng, cum: Float64Array): number {
  return pickWeighted(cum, rng.next());
}

function pickLocale(rng: Rng, cp: CountryPool): NameLocale {
  let r = rng.next();
  for (const [loc, share] of cp.people) {
    r -= share;
    if (r < 0) return loc;
  }
  return cp.people[0]![0];
}

/**
 * Seeds demo data. Below `bulkThreshold` contacts everything runs in one transaction (a
 * failed seed leaves nothing). Larger loads first drop the secondary indexes of accounts,
 * contacts and relationships (their definitions are kept in `settings` until rebuilt), write
 * batches on two connections, then build the indexes again two at a time: building a
 * trigram GIN index once is several times cheaper than maintaining it row by row.
 */
export async function seedDemo(database: Database, opts: SeedOptions): Promise<SeedResult> {
  const log = opts.log ?? (() => {});
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const scale = Math.max(0, Math.floor(opts.scale));
  await rebuildPendingIndexes(database, log);
  const [existing] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM contacts');
  const existingContacts = existing?.n ?? 0;
  const bulk = scale >= (opts.bulkThreshold ?? 50_000) && scale >= existingContacts;
  const ctx: Ctx = { ...opts, scale, existingContacts, kind: database.kind, log, elapsed };
  let result: SeedResult | undefined;
  if (!bulk) {
    await database.runLocked(async (_exec, query) => {
      result = await generate(query, 1, ctx);
    });
  } else {
    const n = await dropSecondaryIndexes(database);
    log(`bulk load: dropped ${n} secondary indexes, rebuilt after the load`);
    // On PostgreSQL, a table's indexes are built as soon as its rows are in, while the next
    // table loads: accounts during the contacts, contacts during the relationships.
    const early: Promise<number>[] = [];
    const onTableWritten =
      database.kind === 'postgres'
        ? (table: 'accounts' | 'contacts') => {
            log(`${table} written after ${elapsed()}; building their indexes meanwhile`);
            const p = rebuildPendingIndexes(database, log, {
              tables: [table],
              workers: table === 'contacts' ? 2 : 1,
            });
            p.catch(() => {}); // surfaced by the await below
            early.push(p);
          }
        : undefined;
    result = await generate(database.query, database.kind === 'postgres' ? 2 : 1, { ...ctx, onTableWritten });
    log(`rows written after ${elapsed()}`);
    await Promise.all(early);
    await rebuildPendingIndexes(database, log);
    log(`indexes rebuilt after ${elapsed()}`);
  }
  await database.query('ANALYZE accounts, contacts, relationships, interactions, tasks, orders, order_lines');
  log(`done after ${elapsed()}`);
  return result!;
}

type Ctx = SeedOptions & {
  /** Bulk loads: called once all rows of a table are written (relationships wait for the contacts). */
  onTableWritten?: (table: 'accounts' | 'contacts') => void;
  scale: number;
  existingContacts: number;
  kind: Database['kind'];
  log: (msg: string) => void;
  elapsed: () => string;
};

async function generate(query: QueryFn, slots: number, ctx: Ctx): Promise<SeedResult> {
  const { scale, log, elapsed } = ctx;
  const nAccounts = Math.round(scale / 5);
  const batchSize = ctx.batchSize ?? (ctx.kind === 'postgres' ? 5000 : 2000);
  // Data already present (a benchmark adding more): derive fresh id streams so primary keys
  // cannot collide; an empty database always gets the canonical rows for this seed.
  const salt = ctx.existingContacts > 0 ? `+${ctx.existingContacts}` : '';
  const ids = createRng(ctx.seed, `ids${salt}`);
  const rng = createRng(ctx.seed, `rows${salt}`);
  const pools = buildPools(ctx.seed);
  const { countries, countryCum, names } = pools;

  const teams = await ensureTeams(query, ids);
  const users = await ensureUsers(query, ids, teams);
  const fields = await ensureCustomFields(query, ids);
  const teamIds = new Map([...teams].map(([k, v]) => [k, v]));
  const out = writer(query, slots);
  let relationships = 0;
  const rel = new Batch('relationships', relationshipColumns);
  const heldRelationships: string[][] = [];
  const addRel = async (
    type: string,
    fromType: string,
    fromId: string,
    toType: string,
    toId: string,
    since: number | null,
    at: number,
  ) => {
    rel.push([ids.uuid(), type, fromType, fromId, toType, toId, since, at, at]);
    relationships++;
    if (rel.size >= batchSize) {
      if (ctx.onTableWritten) heldRelationships.push(rel.take());
      else await out.send(rel);
    }
  };

  // ---- accounts ------------------------------------------------------------------------
  const accId: string[] = new Array(nAccounts);
  const accDomain: string[] = new Array(nAccounts);
  const accCountry = new Uint8Array(nAccounts);
  const accOwner = new Uint8Array(nAccounts);
  const accSize = new Uint8Array(nAccounts);
  const accPublic = new Uint8Array(nAccounts);
  const accCreated = new Float64Array(nAccounts);
  const accWeight = new Float64Array(nAccounts);
  const domains = new Set<string>();
  const accounts = new Batch('accounts', accountColumns);
  const accSpan = END - START - 30 * DAY;
  for (let i = 0; i < nAccounts; i++) {
    const ci = pickCountry(rng, countryCum);
    const cp = countries[ci]!;
    const name = companyName(cp, rng);
    const domain = domainFor(name, cp, domains, rng);
    const type = accountTypeList[pickWeighted(accountTypeCum, rng.next())]!;
    const industry = rng.pick(industries);
    const sizeIdx = pickWeighted(sizeCum, rng.next());
    const team = teamFor(cp.code, sizeIdx);
    const owner = pickOwner(rng, users, team);
    const custom: Record<string, unknown> = {};
    if (fields.annualRevenue && rng.chance(0.8)) {
      const [lo, hi] = sizeRevenue[sizeIdx]!;
      const eur = lo + (hi - lo) * rng.next() ** 2;
      custom.annual_revenue = {
        amount: Math.round((eur * cp.fx) / 1000) * 1000 * 100,
        currency: cp.currency,
      };
    }
    // Accounts are created a little earlier than their contacts, over the same window.
    const created = Math.floor(START - 180 * DAY + (i / Math.max(1, nAccounts)) * accSpan) + rng.int(DAY);
    const updated = rng.chance(0.3) ? Math.min(END, created + rng.int(200 * DAY)) : created;
    const id = ids.uuid();
    accId[i] = id;
    accDomain[i] = domain;
    accCountry[i] = ci;
    accOwner[i] = owner;
    accSize[i] = sizeIdx;
    accPublic[i] = publicIndustries.has(industry) ? 1 : 0;
    accCreated[i] = created;
    accWeight[i] = (i > 0 ? accWeight[i - 1]! : 0) + sizeContactWeight[sizeIdx]!;
    const row = [
      id,
      name,
      domain,
      type,
      industry,
      accountSizes[sizeIdx]!,
      JSON.stringify(address(rng, cp)),
      users[owner]!.id,
      teamIds.get(team)!,
      JSON.stringify(custom),
      accountSearchText({ name, domain, industry }),
      accountNameKey(name),
      created,
      updated,
    ];
    accounts.push(row);
    // A few groups and partnerships between companies.
    if (i > 20) {
      const r = rng.next();
      if (r < 0.03) {
        const parent = rng.int(i);
        await addRel(
          'subsidiary_of',
          'account',
          id,
          'account',
          accId[parent]!,
          epochDay(created - rng.int(3000) * DAY),
          created,
        );
      } else if (r < 0.06) {
        const partner = rng.int(i);
        await addRel(
          'partner_of',
          'account',
          id,
          'account',
          accId[partner]!,
          epochDay(created + rng.int(60) * DAY),
          created,
        );
      }
    }
    if (accounts.size >= batchSize) await out.send(accounts);
  }
  await out.send(accounts);
  await out.drain();
  log(`accounts: ${nAccounts} after ${elapsed()}`);
  ctx.onTableWritten?.('accounts');

  // ---- contacts ------------------------------------------------------------------------
  const contacts = new Batch('contacts', contactColumns);
  const perContact = ctx.interactionsPerContact ?? 4;
  const withCommerce = ctx.commerce ?? true;
  const refs: ContactRef[] | null = perContact > 0 || withCommerce ? [] : null;
  const span = END - START;
  type Prev = { id: string; locale: NameLocale; ci: number; last: string; female: boolean; address: unknown };
  let prev: Prev | null = null;
  let batchStartIds: string[] = [];
  for (let k = 0; k < scale; k++) {
    let acc = -1;
    let ci: number;
    let locale: NameLocale;
    let female = rng.chance(0.5);
    let household: Prev | null = null;
    let addr: unknown = null;
    let firstName: string;
    let lastName: string;
    let baseLast: string;
    if (prev && rng.chance(0.02)) {
      // Same household as the previous contact: same surname, country and home address.
      household = prev;
      ci = prev.ci;
      locale = prev.locale;
      female = !prev.female;
      const pool = names[locale];
      firstName = rng.pick(female ? pool.female : pool.male);
      lastName = gendered(prev.last, female, pool);
      baseLast = prev.last;
      addr = prev.address ?? address(rng, countries[ci]!);
      if (rng.chance(0.6) && nAccounts > 0) acc = pickWeighted(accWeight, rng.next());
    } else {
      if (nAccounts > 0 && rng.chance(0.9)) acc = pickWeighted(accWeight, rng.next());
      ci = acc >= 0 && rng.chance(0.88) ? accCountry[acc]! : pickCountry(rng, countryCum);
      locale = pickLocale(rng, countries[ci]!);
      const n = personName(rng, names[locale], female);
      firstName = n.firstName;
      lastName = n.lastName;
      baseLast = n.baseLastName;
      if (rng.chance(0.4)) addr = address(rng, countries[ci]!);
    }
    const cp = countries[ci]!;
    const pool = names[locale];
    const jobTitle =
      acc >= 0
        ? rng.chance(0.92)
          ? rng.pick(pool.jobTitles)
          : null
        : rng.chance(0.2)
          ? rng.pick(pool.jobTitles)
          : null;

    // E-mails: work address at the company's domain first, sometimes a personal one too.
    const emails: { address: string; label: string; primary: boolean }[] = [];
    if (acc >= 0)
      emails.push({
        address: `${emailLocal(rng, firstName, lastName)}@${accDomain[acc]}`,
        label: 'work',
        primary: true,
      });
    if (acc < 0 ? rng.chance(0.9) : rng.chance(0.3)) {
      const local = emailLocal(rng, firstName, lastName) + (rng.chance(0.5) ? String(rng.range(1, 99)) : '');
      emails.push({
        address: `${local}@${rng.pick(freemail[cp.code]!)}`,
        label: 'personal',
        primary: emails.length === 0,
      });
    }
    if (emails.length === 2 && rng.chance(0.1)) {
      emails[0]!.primary = false;
      emails[1]!.primary = true;
    }
    // Phones: usually a mobile, sometimes a work landline as well.
    const phones: { number: string; label: string; primary: boolean }[] = [];
    if (rng.chance(0.85))
      phones.push({ number: demoPhone(rng, cp.code, 'mobile'), label: 'mobile', primary: true });
    if (acc >= 0 && rng.chance(0.25)) {
      phones.push({ number: demoPhone(rng, cp.code, 'work'), label: 'work', primary: phones.length === 0 });
    }
    const emailKeys = emails.map((e) => e.address);
    const phoneKeys = phones.map((p) => p.number);

    let team: TeamName;
    let owner: number;
    if (acc >= 0) {
      owner = accOwner[acc]!;
      team = users[owner]!.team!;
      if (rng.chance(0.15)) owner = pickOwner(rng, users, team);
    } else {
      team = teamFor(cp.code, 0);
      owner = pickOwner(rng, users, team);
    }

    const custom: Record<string, unknown> = {};
    if (fields.segment && rng.chance(0.75)) {
      custom.segment =
        acc < 0
          ? 'consumer'
          : accPublic[acc] && rng.chance(0.4)
            ? 'public_sector'
            : accSize[acc]! <= 1
              ? 'smb'
              : accSize[acc]! <= 3
                ? 'mid_market'
                : 'enterprise';
    }
    if (fields.newsletter && rng.chance(0.65)) custom.newsletter = rng.chance(0.55);

    const created = Math.max(
      acc >= 0 ? accCreated[acc]! + DAY : START,
      START + (k / Math.max(1, scale)) * span + rng.int(3_600_000),
    );
    const createdAt = Math.floor(Math.min(created, END - 1000));
    const updatedAt = rng.chance(0.4) ? Math.min(END, createdAt + rng.int(120 * DAY)) : createdAt;
    const id = ids.uuid();
    const row = [
      id,
      firstName,
      lastName,
      jobTitle,
      JSON.stringify(emails),
      JSON.stringify(phones),
      emails.find((e) => e.primary)?.address ?? null,
      phones.find((p) => p.primary)?.number ?? null,
      textArray(emailKeys),
      textArray(phoneKeys),
      addr === null ? null : JSON.stringify(addr),
      pool.language,
      users[owner]!.id,
      teamIds.get(team)!,
      JSON.stringify(custom),
      contactSearchText({ firstName, lastName, jobTitle, emailKeys, phoneKeys }),
      personNameKey(firstName, lastName),
      createdAt,
      updatedAt,
    ];
    contacts.push(row);
    refs?.push({
      id,
      accountId: acc >= 0 ? accId[acc]! : null,
      ownerId: users[owner]!.id,
      teamId: teamIds.get(team) ?? null,
      createdAt,
    });

    const at = createdAt;
    if (acc >= 0) {
      await addRel(
        'works_at',
        'contact',
        id,
        'account',
        accId[acc]!,
        epochDay(createdAt - rng.int(8 * 365) * DAY),
        at,
      );
    }
    if (household) await addRel('household', 'contact', id, 'contact', household.id, null, at);
    else if (batchStartIds.length > 0 && rng.chance(0.03)) {
      await addRel(
        'referred_by',
        'contact',
        id,
        'contact',
        batchStartIds[rng.int(batchStartIds.length)]!,
        epochDay(createdAt),
        at,
      );
    }
    batchStartIds.push(id);
    prev = { id, locale, ci, last: baseLast, female, address: addr };

    if (contacts.size >= batchSize || k === scale - 1) {
      await out.send(contacts);
      batchStartIds = [];
      if ((k + 1) % (batchSize * 20) === 0 || k === scale - 1) {
        log(`contacts: ${k + 1}/${scale} after ${elapsed()}`);
      }
    }
  }
  if (ctx.onTableWritten) {
    // Bulk load: the contacts are complete, so their indexes can be built while the
    // relationships (held back until now) are written.
    await out.drain();
    ctx.onTableWritten('contacts');
    for (const params of heldRelationships.splice(0)) await out.sendParams(rel.sql, params);
  }
  await out.send(rel);
  await out.drain();
  log(`relationships: ${relationships} after ${elapsed()}`);
  // Activity references contacts, so it is written once every contact is committed.
  const activity =
    refs && perContact > 0
      ? await seedActivity(query, slots, refs, {
          perContact,
          end: END,
          ids: createRng(ctx.seed, `activity-ids${salt}`),
          rng: createRng(ctx.seed, `activity${salt}`),
          batchSize,
        })
      : { interactions: 0, tasks: 0 };
  if (refs && perContact > 0)
    log(`interactions: ${activity.interactions}, tasks: ${activity.tasks} after ${elapsed()}`);
  const [ordersBefore] = await query<{ n: number }>('SELECT count(*)::int AS n FROM orders');
  const commerce =
    refs && withCommerce
      ? await seedCommerce(query, slots, refs, {
          end: ctx.ordersEnd ?? Date.now(),
          ids: createRng(ctx.seed, `commerce-ids${salt}`),
          rng: createRng(ctx.seed, `commerce${salt}`),
          batchSize,
          numberOffset: Number(ordersBefore?.n ?? 0),
          ...(ctx.buyerShare !== undefined ? { buyerShare: ctx.buyerShare } : {}),
        })
      : { orders: 0, orderLines: 0 };
  if (refs && withCommerce)
    log(`orders: ${commerce.orders}, order lines: ${commerce.orderLines} after ${elapsed()}`);
  const casesPerContact = ctx.casesPerContact ?? 0.1;
  const service =
    refs && casesPerContact > 0
      ? await seedService(query, slots, refs, {
          end: ctx.ordersEnd ?? Date.now(),
          ids: createRng(ctx.seed, `service-ids${salt}`),
          rng: createRng(ctx.seed, `service${salt}`),
          batchSize,
          casesPerContact,
        })
      : { cases: 0, disputes: 0 };
  if (service.cases) log(`cases: ${service.cases} (${service.disputes} disputes) after ${elapsed()}`);
  const dealCount = ctx.deals ?? Math.min(400, Math.max(40, Math.round(scale / 5)));
  const deals =
    refs && dealCount > 0
      ? await seedDeals(query, slots, refs, {
          count: dealCount,
          end: ctx.ordersEnd ?? Date.now(),
          ids: createRng(ctx.seed, `deal-ids${salt}`),
          rng: createRng(ctx.seed, `deals${salt}`),
          batchSize,
        })
      : { deals: 0, moves: 0 };
  if (deals.deals) log(`deals: ${deals.deals}, stage moves: ${deals.moves} after ${elapsed()}`);
  return {
    users: users.length,
    teams: teams.size,
    accounts: nAccounts,
    contacts: scale,
    relationships,
    ...activity,
    orders: commerce.orders,
    orderLines: commerce.orderLines,
    cases: service.cases,
    deals: deals.deals,
  };
}
