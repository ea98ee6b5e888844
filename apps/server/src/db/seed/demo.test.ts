import { accountNameKey, accountSearchText, contactSearchText, personNameKey } from '@relata/domain';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.ts';
import { arrayLiteral } from './bulk.ts';
import { type SeedResult, seedDemo } from './demo.ts';
import { createRng } from './random.ts';

type ContactRow = {
  id: string;
  first_name: string;
  last_name: string;
  job_title: string | null;
  emails: { address: string; label: string; primary: boolean }[];
  phones: { number: string; label: string; primary: boolean }[];
  primary_email: string | null;
  primary_phone: string | null;
  email_keys: string[];
  phone_keys: string[];
  address: { country?: string } | null;
  language: string | null;
  owner_id: string | null;
  team_id: string | null;
  custom: Record<string, unknown>;
  search_text: string;
  name_key: string;
};

const snapshot = async (t: TestDatabase) => ({
  contacts: await t.database.query<ContactRow>('SELECT * FROM contacts ORDER BY id'),
  accounts: await t.database.query<Record<string, unknown>>(
    'SELECT id, name, domain, type, industry, size, address, custom, search_text, name_key, created_at FROM accounts ORDER BY id',
  ),
  relationships: await t.database.query<Record<string, unknown>>(
    'SELECT id, type, from_id, to_id, since FROM relationships ORDER BY id',
  ),
});

describe('seedDemo', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  let ra: SeedResult;
  let rb: SeedResult;
  let snapA: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    ra = await seedDemo(a.database, { scale: 200, seed: 7 });
    rb = await seedDemo(b.database, { scale: 200, seed: 7 });
    snapA = await snapshot(a);
  });
  afterAll(async () => {
    await Promise.all([a?.cleanup(), b?.cleanup()]);
  });

  it('is deterministic for a seed: same rows and ids in two databases', async () => {
    expect(rb).toEqual(ra);
    const snapB = await snapshot(b);
    expect(snapB.contacts.map((c) => [c.id, c.first_name, c.last_name, c.emails])).toEqual(
      snapA.contacts.map((c) => [c.id, c.first_name, c.last_name, c.emails]),
    );
    expect(snapB).toEqual(snapA);
  });

  it('reports and writes the expected counts', async () => {
    expect(ra).toMatchObject({ contacts: 200, accounts: 40, teams: 3, users: 8 });
    const [counts] = await a.database.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM contacts) AS contacts, (SELECT count(*)::int FROM accounts) AS accounts,
              (SELECT count(*)::int FROM relationships) AS relationships,
              (SELECT count(*)::int FROM users WHERE email LIKE '%@relata.local' AND password_hash IS NULL) AS demo_users,
              (SELECT count(*)::int FROM teams) AS teams`,
    );
    expect(counts).toEqual({
      contacts: 200,
      accounts: 40,
      relationships: ra.relationships,
      demo_users: 8,
      teams: 3,
    });
    const types = await a.database.query<{ type: string }>(
      'SELECT DISTINCT type FROM relationships ORDER BY type',
    );
    expect(types.map((t) => t.type)).toContain('works_at');
  });

  it('writes valid channels with exactly one primary, and the derived columns the server would', () => {
    for (const c of snapA.contacts) {
      for (const p of c.phones) {
        expect(p.number).toMatch(/^\+[1-9]\d{6,14}$/);
        const parsed = parsePhoneNumberFromString(p.number);
        expect(parsed?.isValid(), p.number).toBe(true);
        if (c.address?.country) expect(parsed?.country).toBe(c.address.country);
      }
      for (const e of c.emails) expect(e.address).toBe(e.address.toLowerCase());
      if (c.emails.length) expect(c.emails.filter((e) => e.primary)).toHaveLength(1);
      if (c.phones.length) expect(c.phones.filter((p) => p.primary)).toHaveLength(1);
      expect(c.primary_email).toBe(c.emails.find((e) => e.primary)?.address ?? null);
      expect(c.primary_phone).toBe(c.phones.find((p) => p.primary)?.number ?? null);
      expect(c.email_keys).toEqual(c.emails.map((e) => e.address));
      expect(c.phone_keys).toEqual(c.phones.map((p) => p.number));
      expect(c.search_text).not.toBe('');
      expect(c.search_text).toBe(
        contactSearchText({
          firstName: c.first_name,
          lastName: c.last_name,
          jobTitle: c.job_title,
          emailKeys: c.email_keys,
          phoneKeys: c.phone_keys,
        }),
      );
      expect(c.name_key).toBe(personNameKey(c.first_name, c.last_name));
      expect(['en', 'sv', 'nb', 'ru']).toContain(c.language);
      expect(c.owner_id).not.toBeNull();
      expect(c.team_id).not.toBeNull();
    }
    for (const acc of snapA.accounts) {
      expect(acc.domain).toMatch(/^([a-z0-9-]+\.)+[a-z]{2,}$/);
      expect(acc.search_text).toBe(
        accountSearchText({
          name: acc.name as string,
          domain: acc.domain as string,
          industry: acc.industry as string,
        }),
      );
      expect(acc.name_key).toBe(accountNameKey(acc.name as string));
      expect(['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+']).toContain(acc.size);
    }
  });

  it('writes activity: interactions with outcomes allowed on their channel, linked to contacts, and callbacks', async () => {
    expect(ra.interactions).toBeGreaterThan(200 * 2);
    const rows = await a.database.query<{
      channel: string;
      outcome: string;
      channels: string[];
      active: boolean;
      same: boolean;
    }>(
      `SELECT i.channel, i.outcome, o.channels, o.active,
              i.account_id IS NOT DISTINCT FROM (SELECT r.to_id FROM relationships r WHERE r.from_id = i.contact_id AND r.type = 'works_at' LIMIT 1) AS same
         FROM interactions i JOIN outcomes o ON o.key = i.outcome`,
    );
    expect(rows.length).toBe(ra.interactions);
    for (const r of rows) {
      expect(
        r.active && (r.channels.length === 0 || r.channels.includes(r.channel)),
        `${r.outcome} on ${r.channel}`,
      ).toBe(true);
      expect(r.same).toBe(true);
    }
    const [t] = await a.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tasks WHERE type = 'callback' AND status = 'open'`,
    );
    expect(t!.n).toBe(ra.tasks);
    expect(ra.tasks).toBeGreaterThan(0);
  });

  it('creates the demo custom fields and fills valid values', async () => {
    const defs = await a.database.query<{ entity: string; key: string; type: string }>(
      'SELECT entity, key, type FROM custom_field_defs ORDER BY entity, key',
    );
    expect(defs).toEqual([
      { entity: 'account', key: 'annual_revenue', type: 'money' },
      { entity: 'contact', key: 'newsletter', type: 'boolean' },
      { entity: 'contact', key: 'segment', type: 'select' },
    ]);
    const segments = new Set(snapA.contacts.map((c) => c.custom.segment).filter(Boolean));
    expect(
      [...segments].every((s) =>
        ['smb', 'mid_market', 'enterprise', 'public_sector', 'consumer'].includes(s as string),
      ),
    ).toBe(true);
    for (const acc of snapA.accounts) {
      const rev = (acc.custom as { annual_revenue?: { amount: number; currency: string } }).annual_revenue;
      if (rev) {
        expect(Number.isSafeInteger(rev.amount)).toBe(true);
        expect(rev.currency).toMatch(/^[A-Z]{3}$/);
      }
    }
  });

  it('seeds a service desk: queues, routing rules, cases with SLA clocks, disputes', async () => {
    expect(ra.cases).toBe(20);
    const [r] = await a.database.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM cases) AS cases,
              (SELECT count(DISTINCT number)::int FROM cases) AS numbers,
              (SELECT count(*)::int FROM cases WHERE first_response_due_at IS NULL) AS without_sla,
              (SELECT count(*)::int FROM disputes) AS disputes,
              (SELECT count(*)::int FROM routing_rules) AS rules,
              (SELECT count(*)::int FROM queues) AS queues,
              (SELECT last_value::int FROM case_number_seq) AS seq`,
    );
    expect(r).toMatchObject({ cases: 20, numbers: 20, without_sla: 0, rules: 4, queues: 3, seq: 20 });
    expect(r!.disputes).toBeGreaterThan(0);
  });

  it('adds more data, with fresh ids, when contacts already exist', async () => {
    const more = await seedDemo(a.database, { scale: 50, seed: 7 });
    expect(more.contacts).toBe(50);
    const [n] = await a.database.query<{ n: number; users: number }>(
      `SELECT count(*)::int AS n, (SELECT count(*)::int FROM users WHERE email LIKE '%@relata.local') AS users FROM contacts`,
    );
    expect(n).toEqual({ n: 250, users: 8 }); // the demo users are not duplicated
    const [c] = await a.database.query<{ rules: number; numbers: number; cases: number }>(
      `SELECT (SELECT count(*)::int FROM routing_rules) AS rules, count(DISTINCT number)::int AS numbers,
              count(*)::int AS cases FROM cases`,
    );
    expect(c).toEqual({ rules: 4, numbers: 25, cases: 25 });
  });

  it('bulk path (indexes dropped and rebuilt) produces the same rows as the transactional one', async () => {
    const c = await createTestDatabase();
    try {
      await seedDemo(c.database, { scale: 200, seed: 7, bulkThreshold: 100 });
      const snapC = await snapshot(c);
      expect(snapC).toEqual(snapA);
      const [idx] = await c.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_indexes WHERE tablename IN ('accounts', 'contacts', 'relationships')`,
      );
      const [ref] = await b.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_indexes WHERE tablename IN ('accounts', 'contacts', 'relationships')`,
      );
      expect(idx!.n).toBe(ref!.n);
      const pending = await c.database.query(`SELECT 1 FROM settings WHERE key = 'seed.pendingIndexes'`);
      expect(pending).toHaveLength(0);
    } finally {
      await c.cleanup();
    }
  });
});

describe('seed helpers', () => {
  it('produces reproducible version-4 UUIDs', () => {
    const x = createRng(1, 's');
    const y = createRng(1, 's');
    const ids = Array.from({ length: 100 }, () => x.uuid());
    expect(ids).toEqual(Array.from({ length: 100 }, () => y.uuid()));
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(100);
  });

  it('quotes array literals', () => {
    expect(arrayLiteral(['a"b', 'c\\d', null, '{x}'], true)).toBe('{"a\\"b","c\\\\d",NULL,"{x}"}');
    expect(arrayLiteral([1, null, 2.5], false)).toBe('{1,NULL,2.5}');
  });
});
