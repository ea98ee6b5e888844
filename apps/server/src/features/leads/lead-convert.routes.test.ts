import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/app.ts';

let t: TestApp;
let agent: Client;
beforeAll(async () => {
  t = await createTestApp();
  agent = await t.userClient('agent', await t.team('Sales'), 'Conny Converter');
});
afterAll(async () => {
  await t?.close();
});

type Lead = {
  id: string;
  status: string;
  version: number;
  matchedContactId: string | null;
  consent: { purpose: string; recordedAt: string | null } | null;
  conversion: {
    contactId: string;
    accountId: string | null;
    dealId: string | null;
    convertedBy: string;
  } | null;
};
const q = <T>(sql: string, params: unknown[] = []) => t.services.database.query<T>(sql, params);
const count = async (sql: string, params: unknown[] = []) =>
  Number((await q<{ n: number }>(sql, params))[0]!.n);

async function formLead(email: string, extra: Record<string, unknown> = {}): Promise<Lead> {
  const form = await t.admin.post('/api/v1/lead-forms', {
    name: `Newsletter ${email}`,
    fields: [{ key: 'firstName' }, { key: 'lastName' }, { key: 'email', required: true }, { key: 'company' }],
    consentText: 'Yes, send me the newsletter',
  });
  const key = form.data<{ key: string }>().key;
  const r = await t.anonymous.post(`/f/${key}`, { email, consent: 'on', ...extra });
  expect(r.statusCode).toBe(201);
  const [row] = await q<{ id: string }>('SELECT id FROM leads WHERE email = $1', [email]);
  return (await t.admin.get(`/api/v1/leads/${row!.id}`)).data<Lead>();
}

describe('converting a lead', () => {
  it('creates contact, account, works_at and a deal in one go; records consent; moves the history', async () => {
    const lead = await formLead('maja@nyab.se', {
      firstName: 'Maja',
      lastName: 'Ny',
      company: 'Nya Bolaget AB',
    });
    expect(lead.consent).toMatchObject({ purpose: 'marketing', recordedAt: null });
    await t.admin.post(`/api/v1/leads/${lead.id}/activities`, {
      kind: 'note',
      body: 'Met at <the> fair\nSecond line',
    });
    await t.admin.post(`/api/v1/leads/${lead.id}/activities`, {
      kind: 'interaction',
      channel: 'phone',
      direction: 'outbound',
      subject: 'Intro call',
    });
    const r = await t.admin.post(
      `/api/v1/leads/${lead.id}/convert`,
      { createDeal: true, dealName: 'Nya Bolaget – first order', amount: 125_000, currency: 'EUR' },
      { 'if-match': `"${lead.version}"` },
    );
    expect(r.statusCode, r.body).toBe(200);
    const done = r.data<Lead>();
    expect(done.status).toBe('converted');
    const { contactId, accountId, dealId } = done.conversion!;
    expect(contactId && accountId && dealId).toBeTruthy();
    expect(done.consent?.recordedAt).not.toBeNull();

    const contact = (await t.admin.get(`/api/v1/contacts/${contactId}`)).data<{
      name: string;
      primaryEmail: string;
    }>();
    expect(contact).toMatchObject({ name: 'Maja Ny', primaryEmail: 'maja@nyab.se' });
    const account = (await t.admin.get(`/api/v1/accounts/${accountId}`)).data<{
      name: string;
      domain: string;
    }>();
    expect(account).toMatchObject({ name: 'Nya Bolaget AB', domain: 'nyab.se' });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM relationships WHERE type = 'works_at' AND from_id = $1 AND to_id = $2`,
        [contactId, accountId],
      ),
    ).toBe(1);
    const deal = (await t.admin.get(`/api/v1/deals/${dealId}`)).data<{
      name: string;
      amount: number;
      currency: string;
      contactId: string;
      accountId: string;
    }>();
    expect(deal).toMatchObject({
      name: 'Nya Bolaget – first order',
      amount: 125_000,
      currency: 'EUR',
      contactId,
      accountId,
    });

    const consents = (await t.admin.get(`/api/v1/contacts/${contactId}/consents`)).data<
      { purpose: string; channel: string; status: string; source: string; evidence: string }[]
    >();
    const marketing = consents.find((c) => c.purpose === 'marketing' && c.channel === 'email');
    expect(marketing).toMatchObject({ status: 'granted', source: 'web form Newsletter maja@nyab.se' });
    expect(marketing?.evidence).toContain('Yes, send me the newsletter');

    // The form submission and the call are interactions on the contact; the note a note.
    const interactions = await q<{ channel: string; subject: string }>(
      'SELECT channel, subject FROM interactions WHERE contact_id = $1 ORDER BY occurred_at',
      [contactId],
    );
    expect(interactions.map((i) => i.channel)).toEqual(['web_form', 'phone']);
    const notes = await q<{ body: string }>(
      `SELECT body FROM notes WHERE record_type = 'contact' AND record_id = $1`,
      [contactId],
    );
    expect(notes.map((n) => n.body)).toEqual(['Met at &lt;the&gt; fair<br>Second line']);
    const history = (await t.admin.get(`/api/v1/leads/${lead.id}/activities`)).data<
      { kind: string; movedTo: { type: string } | null }[]
    >();
    expect(history.map((h) => h.movedTo?.type).sort()).toEqual(['interaction', 'interaction', 'note']);

    const audit = (await t.admin.get(`/api/v1/audit?recordId=${lead.id}`)).data<{ action: string }[]>();
    expect(audit[0]?.action).toBe('convert');
  });

  it('converting twice answers 409 and changes nothing; a converted lead stays readable but not editable', async () => {
    const lead = (
      await agent.post('/api/v1/leads', { email: 'twice@firma.se', company: 'Twice AB' })
    ).data<Lead>();
    const first = await agent.post(`/api/v1/leads/${lead.id}/convert`, {});
    expect(first.statusCode).toBe(200);
    const contacts = await count('SELECT count(*)::int AS n FROM contacts');
    const again = await agent.post(`/api/v1/leads/${lead.id}/convert`, { createDeal: true });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('conflict');
    expect(await count('SELECT count(*)::int AS n FROM contacts')).toBe(contacts);
    const read = await agent.get(`/api/v1/leads/${lead.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.data<Lead>().conversion?.convertedBy).toBe(agent.userId);
    expect((await agent.patch(`/api/v1/leads/${lead.id}`, { status: 'working' })).statusCode).toBe(409);
    expect(
      (await agent.post(`/api/v1/leads/${lead.id}/activities`, { kind: 'note', body: 'x' })).statusCode,
    ).toBe(409);
  });

  it('reuses the matched contact, records the consent at capture already, and attaches to a given account', async () => {
    const contact = (
      await t.admin.post('/api/v1/contacts', {
        firstName: 'Olof',
        lastName: 'Känd',
        emails: [{ address: 'olof@kand.se' }],
      })
    ).data<{ id: string }>();
    const account = (await t.admin.post('/api/v1/accounts', { name: 'Given Account AB' })).data<{
      id: string;
    }>();
    const lead = await formLead('olof@kand.se');
    expect(lead.matchedContactId).toBe(contact.id);
    expect(lead.consent?.recordedAt).not.toBeNull();
    const history = await count(
      `SELECT count(*)::int AS n FROM consent_history WHERE contact_id = $1 AND source LIKE 'web form %'`,
      [contact.id],
    );
    expect(history).toBe(1);
    const contacts = await count('SELECT count(*)::int AS n FROM contacts');
    const r = await t.admin.post(`/api/v1/leads/${lead.id}/convert`, { accountId: account.id });
    expect(r.statusCode).toBe(200);
    expect(r.data<Lead>().conversion).toMatchObject({
      contactId: contact.id,
      accountId: account.id,
      dealId: null,
    });
    expect(await count('SELECT count(*)::int AS n FROM contacts')).toBe(contacts);
    // Recorded once, not again at conversion.
    expect(
      await count(`SELECT count(*)::int AS n FROM consent_history WHERE contact_id = $1`, [contact.id]),
    ).toBe(1);
  });

  it('rolls back everything when a part fails (an unknown pipeline for the deal)', async () => {
    const lead = (
      await t.admin.post('/api/v1/leads', { email: 'rollback@firma.se', company: 'Rollback AB' })
    ).data<Lead>();
    const before = await count(
      'SELECT (SELECT count(*) FROM contacts) + (SELECT count(*) FROM accounts) AS n',
    );
    const r = await t.admin.post(`/api/v1/leads/${lead.id}/convert`, {
      createDeal: true,
      pipelineId: '00000000-0000-4000-8000-000000000000',
    });
    expect(r.statusCode).toBeGreaterThanOrEqual(400);
    expect(r.statusCode).toBeLessThan(500);
    expect(await count('SELECT (SELECT count(*) FROM contacts) + (SELECT count(*) FROM accounts) AS n')).toBe(
      before,
    );
    expect((await t.admin.get(`/api/v1/leads/${lead.id}`)).data<Lead>().status).toBe('new');
  });

  it('names a contact or account that does not exist as a field error', async () => {
    const lead = (await t.admin.post('/api/v1/leads', { email: 'ghost@firma.se' })).data<Lead>();
    const r = await t.admin.post(`/api/v1/leads/${lead.id}/convert`, {
      contactId: crypto.randomUUID(),
      accountId: crypto.randomUUID(),
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors.map((e: { field: string }) => e.field)).toEqual(['contactId', 'accountId']);
    expect((await t.admin.get(`/api/v1/leads/${lead.id}`)).data<Lead>().status).toBe('new');
  });

  it('denies read-only users and read-only keys; nothing changes', async () => {
    const lead = (await agent.post('/api/v1/leads', { email: 'denied@firma.se' })).data<Lead>();
    const readOnly = await t.userClient('read_only');
    const key = await t.apiKeyClient(agent, ['read']);
    for (const c of [readOnly, key]) {
      expect((await c.post(`/api/v1/leads/${lead.id}/convert`, {})).statusCode).toBe(403);
    }
    expect((await t.anonymous.post(`/api/v1/leads/${lead.id}/convert`, {})).statusCode).toBe(401);
    expect((await agent.get(`/api/v1/leads/${lead.id}`)).data<Lead>()).toMatchObject({
      status: 'new',
      version: 1,
    });
  });
});
