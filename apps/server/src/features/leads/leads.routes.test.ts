import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/app.ts';

let t: TestApp;
let agent: Client;
beforeAll(async () => {
  t = await createTestApp();
  agent = await t.userClient('agent', await t.team('Sales'), 'Anna Agent');
});
afterAll(async () => {
  await t?.close();
});

type Lead = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  status: string;
  source: string;
  campaign: string | null;
  score: number;
  scoreReasons: { ruleId: string; rule: string; points: number }[];
  ownerId: string | null;
  matchedContactId: string | null;
  matchedAccountId: string | null;
  duplicateOfId: string | null;
  routing?: { ruleName: string | null; reason: string; decidedAt: string } | null;
  version: number;
};
const count = async (sql: string) => Number((await t.services.database.query<{ n: number }>(sql))[0]!.n);

describe('leads API', () => {
  it('creates a lead: email lower-cased, phone in E.164, score with reasons, audit; reads with ETag', async () => {
    const r = await agent.post('/api/v1/leads', {
      firstName: 'Erik',
      lastName: 'Berg',
      email: 'Erik.Berg@Acme.SE',
      phone: '070-123 45 67',
      company: 'Acme AB',
      source: 'Event',
      campaign: 'Stockholm fair 2026',
    });
    expect(r.statusCode).toBe(201);
    expect(r.headers.etag).toBe('"1"');
    const lead = r.data<Lead>();
    expect(lead).toMatchObject({
      name: 'Erik Berg',
      email: 'erik.berg@acme.se',
      phone: '+46701234567',
      source: 'event',
      campaign: 'Stockholm fair 2026',
      status: 'new',
      ownerId: agent.userId,
      matchedContactId: null,
    });
    // The default rules: company present +10, phone present +5.
    expect(lead.score).toBe(15);
    expect(lead.scoreReasons.map((x) => x.rule)).toEqual(['company present', 'phone present']);
    expect(r.headers.location).toBe(`/api/v1/leads/${lead.id}`);
    const got = await agent.get(`/api/v1/leads/${lead.id}`);
    expect(got.headers.etag).toBe('"1"');
    expect(got.data<Lead>().routing).toMatchObject({ ruleName: null, reason: 'no routing rule applied' });
    const audit = (await t.admin.get(`/api/v1/audit?recordId=${lead.id}`)).json().data as {
      action: string;
      recordType: string;
    }[];
    expect(audit.map((a) => `${a.recordType}:${a.action}`)).toEqual(['lead:create']);
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const before = await count('SELECT count(*)::int AS n FROM leads');
    const cases: [unknown, string][] = [
      [{ firstName: 'No channel' }, 'email'],
      [{ email: 'not-an-email' }, 'email'],
      [{ email: 'a@b.se', phone: 'call me' }, 'phone'],
      [{ email: 'a@b.se', country: 'Sweden' }, 'country'],
      [{ email: 'a@b.se', status: 'converted' }, 'status'],
      [{ email: 'a@b.se', score: 100 }, 'body'],
      [{ email: 42 }, 'email'],
    ];
    for (const [body, field] of cases) {
      const r = await agent.post('/api/v1/leads', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json().code).toBe('validation_failed');
      expect((r.json().errors as { field: string }[]).map((e) => e.field)).toContain(field);
    }
    // A manager naming an owner or team that does not exist gets a field error, not a 500.
    const manager = await t.userClient('manager');
    for (const [body, field] of [
      [{ email: 'a@b.se', ownerId: crypto.randomUUID() }, 'ownerId'],
      [{ email: 'a@b.se', teamId: crypto.randomUUID() }, 'teamId'],
    ] as const) {
      const r = await manager.post('/api/v1/leads', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().errors[0]).toMatchObject({ field, code: 'not_found' });
    }
    const one = (await manager.post('/api/v1/leads', { email: 'owner@b.se' })).data<{ id: string }>();
    const reassigned = await manager.patch(`/api/v1/leads/${one.id}`, { ownerId: crypto.randomUUID() });
    expect(reassigned.statusCode).toBe(400);
    expect(await count('SELECT count(*)::int AS n FROM leads')).toBe(before + 1);
  });

  it('updates with If-Match, re-scores, refuses stale versions and agents reassigning', async () => {
    const lead = (await agent.post('/api/v1/leads', { email: 'pia@gmail.com' })).data<Lead>();
    expect(lead.score).toBe(-10);
    const r = await agent.patch(
      `/api/v1/leads/${lead.id}`,
      { company: 'Pia Konsult', status: 'working' },
      { 'if-match': '"1"' },
    );
    expect(r.statusCode).toBe(200);
    expect(r.data<Lead>()).toMatchObject({ status: 'working', score: 0, version: 2 });
    const stale = await agent.patch(
      `/api/v1/leads/${lead.id}`,
      { status: 'qualified' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    const reassign = await agent.patch(`/api/v1/leads/${lead.id}`, { ownerId: t.admin.userId });
    expect(reassign.statusCode).toBe(403);
    const noChannel = await agent.patch(`/api/v1/leads/${lead.id}`, { email: null });
    expect(noChannel.statusCode).toBe(400);
    expect((await agent.get(`/api/v1/leads/${lead.id}`)).data<Lead>().version).toBe(2);
    const del = await agent.del(`/api/v1/leads/${lead.id}`, { 'if-match': '"2"' });
    expect(del.statusCode).toBe(204);
    expect((await agent.get(`/api/v1/leads/${lead.id}`)).statusCode).toBe(404);
  });

  it('lists with whitelisted filters and sorts, keyset pages and search', async () => {
    const mk = (email: string, extra: Record<string, unknown>) =>
      t.admin.post('/api/v1/leads', { email, source: 'list_test', ...extra });
    await mk('l1@list.se', { company: 'Alfa', phone: '+4681234567' });
    await mk('l2@list.se', { company: 'Beta' });
    await mk('l3@list.se', { status: 'qualified' });
    await mk('l4@hotmail.com', { firstName: 'Zoë', lastName: 'Listsson' });
    const all = await t.admin.get('/api/v1/leads?filter[source][eq]=list_test&sort=-score&limit=2');
    expect(all.statusCode).toBe(200);
    const page1 = all.json() as { data: Lead[]; nextCursor: string | null };
    expect(page1.data.map((l) => l.score)).toEqual([15, 10]);
    const page2 = (
      await t.admin.get(
        `/api/v1/leads?filter[source][eq]=list_test&sort=-score&limit=2&cursor=${page1.nextCursor}`,
      )
    ).json() as { data: Lead[]; nextCursor: string | null };
    expect(page2.data.map((l) => l.score)).toEqual([0, -10]);
    expect(page2.nextCursor).toBeNull();
    const q = async (qs: string) =>
      ((await t.admin.get(`/api/v1/leads?filter[source][eq]=list_test&${qs}`)).json().data as Lead[]).map(
        (l) => l.email,
      );
    expect(await q('filter[status][eq]=qualified')).toEqual(['l3@list.se']);
    expect(await q('filter[score][gte]=10&sort=email')).toEqual(['l1@list.se', 'l2@list.se']);
    expect(await q('q=zoe')).toEqual(['l4@hotmail.com']);
    expect(await q('q=08-123 45 67')).toEqual(['l1@list.se']);
    expect(await q(`filter[ownerId][eq]=me&filter[company][is_null]=true&sort=email`)).toEqual([
      'l3@list.se',
      'l4@hotmail.com',
    ]);
    const bad = await t.admin.get('/api/v1/leads?filter[search_text][eq]=x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_filter');
    expect((await t.admin.get('/api/v1/leads?sort=message')).statusCode).toBe(400);
  });
});

describe('duplicates at capture', () => {
  it('links the existing contact and its account, and an earlier lead of the same person', async () => {
    const contact = (
      await t.admin.post('/api/v1/contacts', {
        firstName: 'Karin',
        lastName: 'Ek',
        emails: [{ address: 'karin@ekbolaget.se' }],
        phones: [{ number: '+46731112233' }],
      })
    ).data<{ id: string }>();
    const account = (
      await t.admin.post('/api/v1/accounts', { name: 'Ekbolaget AB', domain: 'ekbolaget.se' })
    ).data<{ id: string }>();
    await t.admin.post('/api/v1/relationships', {
      type: 'works_at',
      fromType: 'contact',
      fromId: contact.id,
      toType: 'account',
      toId: account.id,
    });
    const first = (await t.admin.post('/api/v1/leads', { email: 'KARIN@ekbolaget.se' })).data<Lead>();
    expect(first).toMatchObject({
      matchedContactId: contact.id,
      matchedAccountId: account.id,
      duplicateOfId: null,
    });
    const res2 = await t.admin.post('/api/v1/leads', { phone: '073-111 22 33', company: 'Ekbolaget' });
    expect(res2.statusCode, res2.body).toBe(201);
    const second = res2.data<Lead>();
    expect(second).toMatchObject({
      matchedContactId: contact.id,
      matchedAccountId: account.id,
      duplicateOfId: null,
    });
    const third = (
      await t.admin.post('/api/v1/leads', { email: 'karin@ekbolaget.se', phone: '+46731112233' })
    ).data<Lead>();
    expect(third.duplicateOfId).toBe(first.id);
    const dups = (await t.admin.get(`/api/v1/leads/${third.id}/duplicates`)).data<
      { type: string; record: { id: string }; reasons: string[] }[]
    >();
    expect(dups.map((d) => `${d.type}:${d.record.id}:${d.reasons.join('+')}`).sort()).toEqual(
      [
        `account:${account.id}:domain`,
        `contact:${contact.id}:email+phone`,
        `lead:${first.id}:email`,
        `lead:${second.id}:phone`,
      ].sort(),
    );
    // A company without a person: the account matches by name without legal form.
    const byName = (
      await t.admin.post('/api/v1/leads', { email: 'info@other.se', company: 'EKBOLAGET' })
    ).data<Lead>();
    expect(byName).toMatchObject({ matchedContactId: null, matchedAccountId: account.id });
  });
});

describe('history and scoring rules', () => {
  it('logs notes and interactions on a lead; behaviour rules re-score it', async () => {
    const lead = (await agent.post('/api/v1/leads', { email: 'olle@firma.se' })).data<Lead>();
    expect(lead.score).toBe(0);
    const call = await agent.post(`/api/v1/leads/${lead.id}/activities`, {
      kind: 'interaction',
      channel: 'phone',
      direction: 'outbound',
      subject: 'First call',
      body: 'Wants a demo',
    });
    expect(call.statusCode).toBe(201);
    await agent.post(`/api/v1/leads/${lead.id}/activities`, { kind: 'email_replied', subject: 'Re: demo' });
    const note = await agent.post(`/api/v1/leads/${lead.id}/activities`, {
      kind: 'note',
      body: 'Budget in Q3',
    });
    expect(note.statusCode).toBe(201);
    expect(
      (await agent.post(`/api/v1/leads/${lead.id}/activities`, { kind: 'interaction' })).statusCode,
    ).toBe(400);
    const after = (await agent.get(`/api/v1/leads/${lead.id}`)).data<Lead>();
    expect(after.score).toBe(5 + 15);
    expect(after.scoreReasons.map((r) => r.rule)).toEqual(['email replied', 'interaction logged']);
    const list = (await agent.get(`/api/v1/leads/${lead.id}/activities?limit=2`)).json() as {
      data: { kind: string }[];
      nextCursor: string;
    };
    expect(list.data.map((a) => a.kind)).toEqual(['note', 'email_replied']);
    const rest = (
      await agent.get(`/api/v1/leads/${lead.id}/activities?limit=2&cursor=${list.nextCursor}`)
    ).json();
    expect(rest.data.map((a: { kind: string }) => a.kind)).toEqual(['interaction']);
  });

  it('admins change the rules (If-Match); open leads are re-scored by the job', async () => {
    const readOnly = await t.userClient('read_only');
    const cur = await readOnly.get('/api/v1/lead-scoring');
    expect(cur.statusCode).toBe(200);
    expect(cur.headers.etag).toBe('"1"');
    const rules = {
      attributeRules: [{ id: 'se', field: 'country', op: 'eq', value: 'SE', points: 10 }],
      behaviourRules: [{ id: 'form', event: 'form_submitted', points: 7 }],
    };
    expect((await readOnly.put('/api/v1/lead-scoring', rules)).statusCode).toBe(403);
    expect((await agent.put('/api/v1/lead-scoring', rules)).statusCode).toBe(403);
    const lead = (
      await t.admin.post('/api/v1/leads', { email: 'sven@foretag.se', country: 'se' })
    ).data<Lead>();
    expect(lead.score).toBe(0);
    const bad = await t.admin.put('/api/v1/lead-scoring', {
      attributeRules: [{ id: 'x', field: 'country', op: 'in', value: 'SE', points: 1 }],
    });
    expect(bad.statusCode).toBe(400);
    const saved = await t.admin.put('/api/v1/lead-scoring', rules, { 'if-match': '"1"' });
    expect(saved.statusCode).toBe(200);
    expect(saved.headers.etag).toBe('"2"');
    expect((await t.admin.put('/api/v1/lead-scoring', rules, { 'if-match': '"1"' })).statusCode).toBe(412);
    const changed = await t.services.leadScoring.rescoreAll();
    expect(changed).toBeGreaterThan(0);
    const rescored = (await t.admin.get(`/api/v1/leads/${lead.id}`)).data<Lead>();
    expect(rescored.score).toBe(10);
    expect(rescored.scoreReasons).toEqual([{ ruleId: 'se', rule: 'country = SE', points: 10 }]);
    const queued = await count(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'leads.rescore'`);
    expect(queued).toBeGreaterThan(0);
  });
});

describe('assignment through routing rules', () => {
  it('routes a new lead by the first lead rule that holds; the lead shows the decision', async () => {
    const anna = await t.userClient('agent', null, 'Anna Routing');
    const rule = await t.admin.post('/api/v1/routing-rules', {
      name: 'Events to Anna',
      kinds: ['lead'],
      conditions: [{ field: 'source', op: 'eq', value: 'trade_show' }],
      actions: { assign: { to: 'user', userId: anna.userId } },
    });
    expect(rule.statusCode).toBe(201);
    const routed = await agent.post('/api/v1/leads', { email: 'visitor@fair.se', source: 'trade_show' });
    expect(routed.statusCode).toBe(201);
    const lead = routed.data<Lead>();
    expect(lead.ownerId).toBe(anna.userId);
    expect(lead.routing).toMatchObject({ ruleName: 'Events to Anna' });
    expect(lead.routing?.reason).toContain('Anna Routing');
    expect(lead.routing?.reason).toContain('source trade_show');
    const other = (await agent.post('/api/v1/leads', { email: 'walkin@fair.se' })).data<Lead>();
    expect(other.ownerId).toBe(agent.userId);
    expect(other.routing).toMatchObject({ ruleName: null, reason: 'no routing rule applied' });
  });

  it('value-aware: a web-form lead from a tier-A account goes to its account manager', async () => {
    const manager = await t.userClient('agent', null, 'Anna Manager');
    const account = (
      await t.admin.post('/api/v1/accounts', {
        name: 'Storkund AB',
        domain: 'storkund.se',
        ownerId: manager.userId,
      })
    ).data<{ id: string }>();
    await t.services.database.query(
      `INSERT INTO customer_values (customer_type, customer_id, first_purchase_on, last_purchase_on, purchases,
         frequency, recency_days, age_days, monetary, historical_value, clv, tier, lifecycle_state, lifecycle_since)
       VALUES ('account', $1, '2024-01-01', '2026-10-01', 12, 11, 600, 1000, 5000, 6000000, 2500000, 'A', 'active', '2024-02-01')`,
      [account.id],
    );
    await t.admin.post('/api/v1/routing-rules', {
      name: 'Tier A leads to their account manager',
      kinds: ['lead'],
      conditions: [
        { field: 'tier', op: 'eq', value: 'A' },
        { field: 'clv', op: 'gt', value: 1_000_000 },
      ],
      actions: { assign: { to: 'account_manager' } },
    });
    const form = (
      await t.admin.post('/api/v1/lead-forms', {
        name: 'Contact',
        fields: [{ key: 'email', required: true }],
      })
    ).data<{ key: string }>();
    expect((await t.anonymous.post(`/f/${form.key}`, { email: 'buyer@storkund.se' })).statusCode).toBe(201);
    const unknown = await t.anonymous.post(`/f/${form.key}`, { email: 'someone@elsewhere.se' });
    expect(unknown.statusCode).toBe(201);
    const leads = (await t.admin.get(`/api/v1/leads?filter[source][eq]=web_form&sort=email`)).data<Lead[]>();
    expect(leads.map((l) => [l.email, l.ownerId, l.matchedAccountId])).toEqual([
      ['buyer@storkund.se', manager.userId, account.id],
      ['someone@elsewhere.se', null, null],
    ]);
    const lead = (await t.admin.get(`/api/v1/leads/${leads[0]!.id}`)).data<Lead>();
    expect(lead.routing?.ruleName).toBe('Tier A leads to their account manager');
    expect(lead.routing?.reason).toBe(
      'assigned to Anna Manager (account manager): tier A and CLV > 10 000 EUR',
    );
  });
});
