import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { tablesMentioning } from './privacy.test-helper.ts';

// The person, and a unique word in each kind of record about them.
const FIRST = 'Ingeborg';
const LAST = 'Zellweger';
const EMAIL = 'ingeborg.zellweger@example.net';
const OLD_EMAIL = 'i.zellweger@oldjob.test';
const PHONE = '702223344'; // in +46 70 222 33 44
const LEAD_MESSAGE = 'rambutan';
const LEAD_NOTE = 'durian';
const CASE_TEXT = 'kumquat';
const RESOLUTION = 'tamarind';
const DEAL_NOTE = 'lychee';
const QUOTE_NOTE = 'mangosteen';
const needles = [
  LAST,
  EMAIL,
  OLD_EMAIL,
  PHONE,
  LEAD_MESSAGE,
  LEAD_NOTE,
  CASE_TEXT,
  RESOLUTION,
  DEAL_NOTE,
  QUOTE_NOTE,
];

let t: TestApp;
let id: string;
let accountId: string;
let formLeadId: string;
let convertedLeadId: string;
let caseId: string;
let disputeId: string;
let dealId: string;
let namedDealId: string;
let quoteId: string;
let orderId: string;

const ok = <T = Record<string, unknown>>(r: Awaited<ReturnType<TestApp['admin']['post']>>) => {
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.data<T>();
};
const sql = <T = Record<string, unknown>>(text: string, values?: unknown[]) =>
  t.services.database.query<T>(text, values);

beforeAll(async () => {
  t = await createTestApp();
  const a = t.admin;
  accountId = ok<{ id: string }>(await a.post('/api/v1/accounts', { name: 'Lund Trading AB' })).id;
  id = ok<{ id: string }>(
    await a.post('/api/v1/contacts', {
      firstName: FIRST,
      lastName: LAST,
      emails: [{ address: EMAIL }],
      phones: [{ number: '+46 70 222 33 44' }],
    }),
  ).id;
  // A web-form lead that capture matches to the contact by its address.
  const form = ok<{ key: string }>(
    await a.post('/api/v1/lead-forms', {
      name: 'Aquarium advice',
      fields: ['firstName', 'lastName', 'email', 'phone', 'company', 'message'].map((key) => ({ key })),
      consentText: 'Send me offers',
    }),
  );
  const submitted = await t.anonymous.post(`/f/${form.key}`, {
    firstName: FIRST,
    lastName: LAST,
    email: EMAIL,
    phone: '+46 70 222 33 44',
    company: 'Lund Trading AB',
    message: `Which ${LEAD_MESSAGE} plants suit a reef tank?`,
    consent: 'on',
  });
  expect(submitted.statusCode, submitted.body).toBe(201);
  [{ id: formLeadId }] = (await sql<{ id: string }>('SELECT id FROM leads WHERE matched_contact_id = $1', [
    id,
  ])) as [{ id: string }];
  // A lead from an earlier job, converted into the contact, with a deal named after the person.
  const lead = ok<{ id: string; version: number }>(
    await a.post('/api/v1/leads', {
      firstName: FIRST,
      lastName: LAST,
      email: OLD_EMAIL,
      jobTitle: 'Aquarist',
      message: `Call me about ${LEAD_MESSAGE}`,
    }),
  );
  convertedLeadId = lead.id;
  ok(await a.post(`/api/v1/leads/${lead.id}/activities`, { kind: 'note', body: `Likes ${LEAD_NOTE}` }));
  const converted = ok<{ conversion: { dealId: string } }>(
    await a.post(`/api/v1/leads/${lead.id}/convert`, { contactId: id, accountId, createDeal: true }),
  );
  namedDealId = converted.conversion.dealId;
  // A detractor whose case asks for money back: a dispute with two reasons.
  await sql(
    `UPDATE contacts SET nps_score = 2, nps_category = 'detractor', nps_answered_at = now() WHERE id = $1`,
    [id],
  );
  const kase = ok<{ id: string; disputeId: string }>(
    await a.post('/api/v1/cases', {
      subject: `Leaking tank at ${LAST}'s`,
      description: `The ${CASE_TEXT} filter broke. I want my money back.`,
      contactId: id,
      channel: 'phone',
      priority: 'high',
    }),
  );
  caseId = kase.id;
  disputeId = kase.disputeId;
  ok(
    await a.patch(`/api/v1/disputes/${disputeId}`, {
      status: 'resolved',
      resolution: `Sent a ${RESOLUTION} voucher to ${FIRST} ${LAST}`,
    }),
  );
  // The company's deal, quoted, sent and accepted: an order, and the deal won.
  dealId = ok<{ id: string }>(
    await a.post('/api/v1/deals', {
      name: 'Lund Trading – aquarium refit',
      contactId: id,
      accountId,
      notes: `+${DEAL_NOTE}: ${FIRST} wants it before June`,
      lines: [{ description: 'Aquarium refit', quantity: 1, unitPrice: 250_000 }],
    }),
  ).id;
  quoteId = ok<{ id: string }>(
    await a.post('/api/v1/quotes', {
      dealId,
      notes: `${QUOTE_NOTE}: deliver to ${FIRST}'s home`,
      taxRate: 25,
      lines: [{ description: 'Aquarium refit', quantity: 1, unitPrice: 250_000 }],
    }),
  ).id;
  ok(await a.post(`/api/v1/quotes/${quoteId}/status`, { status: 'sent' }));
  orderId = ok<{ orderId: string }>(
    await a.post(`/api/v1/quotes/${quoteId}/status`, { status: 'accepted' }),
  ).orderId;
});
afterAll(async () => {
  await t?.close();
});

type Row = Record<string, unknown>;
type Export = {
  leads: (Row & { activities: Row[] })[];
  cases: Row[];
  disputes: Row[];
  deals: (Row & { lines: Row[]; stageHistory: Row[] })[];
  quotes: (Row & { lines: Row[]; revisions: (Row & { snapshot: Row })[] })[];
};
const exportOf = async () => {
  const r = await t.admin.get(`/api/v1/contacts/${id}/export`);
  expect(r.statusCode, r.body).toBe(200);
  return r.data<Export>();
};

describe('export of sales and service records', () => {
  it('holds the person’s leads, cases, disputes, deals and quotes as JSON', async () => {
    const e = await exportOf();
    const leads = new Map(e.leads.map((l) => [l.id, l]));
    expect(leads.get(formLeadId)).toMatchObject({
      email: EMAIL,
      matchedContactId: id,
      source: 'web_form',
      consent: { text: 'Send me offers' },
      activities: [{ kind: 'form_submitted', body: expect.stringContaining(LEAD_MESSAGE) }],
    });
    expect(leads.get(convertedLeadId)).toMatchObject({
      email: OLD_EMAIL,
      status: 'converted',
      conversion: { contactId: id, dealId: namedDealId },
      activities: expect.arrayContaining([expect.objectContaining({ body: `Likes ${LEAD_NOTE}` })]),
    });
    expect(e.leads).toHaveLength(2);
    expect(e.cases).toMatchObject([
      { id: caseId, description: expect.stringContaining(CASE_TEXT), dispute: true, disputeId },
    ]);
    expect(e.disputes).toMatchObject([
      {
        id: disputeId,
        caseId,
        status: 'resolved',
        reason: 'mentions money back; NPS detractor (2)',
        resolution: expect.stringContaining(RESOLUTION),
      },
    ]);
    const deals = new Map(e.deals.map((d) => [d.id, d]));
    expect(deals.get(namedDealId)).toMatchObject({ name: `${FIRST} ${LAST}` });
    expect(deals.get(dealId)).toMatchObject({
      status: 'won',
      amount: 250_000,
      notes: expect.stringContaining(DEAL_NOTE),
      lines: [{ description: 'Aquarium refit', lineTotal: 250_000 }],
      stageHistory: [{ toStageName: 'Qualification' }, { toStageName: 'Won' }],
    });
    expect(e.quotes).toMatchObject([
      {
        id: quoteId,
        status: 'accepted',
        orderId,
        notes: expect.stringContaining(QUOTE_NOTE),
        lines: [{ description: 'Aquarium refit', net: 250_000 }],
        revisions: [
          {
            revision: 1,
            status: 'accepted',
            snapshot: {
              customer: { id, name: `${FIRST} ${LAST}` },
              notes: expect.stringContaining(QUOTE_NOTE),
            },
          },
        ],
      },
    ]);
  });

  it('holds them in the zip as CSVs, formulas defused', async () => {
    const r = await t.admin.get(`/api/v1/contacts/${id}/export?format=zip`);
    expect(r.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(r.rawPayload));
    const csv = (name: string) =>
      parse(strFromU8(files[name]!), { columns: true, bom: true }) as Record<string, string>[];
    expect(
      csv('leads.csv')
        .map((l) => l.email)
        .sort(),
    ).toEqual([EMAIL, OLD_EMAIL].sort());
    expect(csv('lead_activities.csv').map((a) => a.leadId)).toEqual(
      expect.arrayContaining([formLeadId, convertedLeadId]),
    );
    expect(csv('cases.csv')).toMatchObject([{ id: caseId, 'sla.escalationLevel': '0' }]);
    expect(csv('cases.csv')[0]!.description).toContain(CASE_TEXT);
    expect(csv('disputes.csv')[0]!.resolution).toContain(RESOLUTION);
    const deal = csv('deals.csv').find((d) => d.id === dealId);
    expect(deal?.notes).toBe(`'+${DEAL_NOTE}: ${FIRST} wants it before June`);
    expect(csv('deal_lines.csv')).toMatchObject([{ dealId, description: 'Aquarium refit' }]);
    expect(csv('deal_stage_history.csv').filter((m) => m.dealId === dealId)).toHaveLength(2);
    expect(csv('quotes.csv')).toMatchObject([{ id: quoteId, total: '312500' }]);
    expect(csv('quote_lines.csv')).toMatchObject([{ quoteId, net: '250000' }]);
    expect(csv('quote_revisions.csv')).toMatchObject([
      { quoteId, revision: '1', 'snapshot.customer.name': `${FIRST} ${LAST}` },
    ]);
  });
});

describe('erasure of sales and service records', () => {
  it('leaves nothing about the person and keeps the funnel, pipeline and service numbers', async () => {
    // The scan finds every marker before: the check after erasure is not vacuous.
    for (const needle of needles) expect(await tablesMentioning(t, needle), needle).not.toEqual([]);
    const [before] = await sql<{ amount: number }>('SELECT amount::int FROM deals WHERE id = $1', [dealId]);
    const caseNumbers = `SELECT channel, priority, status, queue_id, contact_id, first_response_due_at, resolution_due_at
      FROM cases WHERE id = $1`;
    const [caseBefore] = await sql<Row>(caseNumbers, [caseId]);
    expect(caseBefore).toMatchObject({ channel: 'phone', priority: 'high', contact_id: id });

    const r = await t.admin.post(`/api/v1/contacts/${id}/erase`, { confirm: `ERASE ${id}` });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.data<{ removed: Row }>().removed).toMatchObject({
      leads: 2,
      leadActivities: 2,
      cases: 1,
      disputes: 1,
      deals: 2,
      quotes: 1,
      orders: 1,
    });
    for (const needle of needles) expect(await tablesMentioning(t, needle), needle).toEqual([]);

    // Leads stay for the funnel: source, status, score and dates, nothing about the person.
    const leads = await sql<Row>(
      `SELECT id, name, email, phone, company, job_title, message, consent, search_text, source, status
       FROM leads ORDER BY created_at`,
    );
    expect(leads).toEqual([
      expect.objectContaining({ id: formLeadId, source: 'web_form', status: 'new' }),
      expect.objectContaining({ id: convertedLeadId, source: 'manual', status: 'converted' }),
    ]);
    for (const l of leads)
      expect(l).toMatchObject({ name: '', email: null, phone: null, company: null, job_title: null });
    expect(leads.every((l) => l.message === null && l.consent === null && l.search_text === '')).toBe(true);
    expect(await sql('SELECT subject, body FROM lead_activities')).toEqual(
      expect.arrayContaining([{ subject: '', body: '' }]),
    );

    // The case keeps what service statistics count.
    expect(await sql(caseNumbers, [caseId])).toEqual([caseBefore]);
    expect(await sql('SELECT subject, description, search_text FROM cases WHERE id = $1', [caseId])).toEqual([
      { subject: '', description: '', search_text: expect.stringMatching(/^cs-/i) },
    ]);
    const dispute = (await t.admin.get(`/api/v1/disputes/${disputeId}`)).data();
    expect(dispute).toMatchObject({
      status: 'resolved',
      resolution: '',
      reason: 'mentions money back; NPS detractor',
    });

    // Deals keep amounts, stages and dates; only the name that named the person goes.
    const deal = (await t.admin.get(`/api/v1/deals/${dealId}`)).data();
    expect(deal).toMatchObject({
      name: 'Lund Trading – aquarium refit',
      notes: '',
      status: 'won',
      amount: before!.amount,
      contactId: id,
    });
    expect((await t.admin.get(`/api/v1/deals/${namedDealId}`)).data()).toMatchObject({ name: 'Erased' });
    expect(
      await sql('SELECT count(*)::int AS n FROM deal_stage_history WHERE deal_id = $1', [dealId]),
    ).toEqual([{ n: 2 }]);

    // The quote and its order keep their amounts; the version as sent shows the anonymous contact.
    const quote = (await t.admin.get(`/api/v1/quotes/${quoteId}`)).data();
    expect(quote).toMatchObject({ notes: '', total: 312_500, status: 'accepted' });
    const sent = (await t.admin.get(`/api/v1/quotes/${quoteId}/revisions/1`)).data();
    expect(sent).toMatchObject({ notes: '', total: 312_500, customer: { id, name: 'Erased' } });
    expect((await t.admin.get(`/api/v1/orders/${orderId}`)).data()).toMatchObject({
      contactId: id,
      total: 250_000,
    });

    // The export of the anonymous shell still lists the records, without the person.
    const e = JSON.stringify(await exportOf());
    for (const needle of needles) expect(e).not.toContain(needle);
  });

  it('may be repeated: the kept records are found again and stay as they are', async () => {
    const again = await t.admin.post(`/api/v1/contacts/${id}/erase`, { confirm: `ERASE ${id}` });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.data<{ removed: Row }>().removed).toMatchObject({ leads: 2, cases: 1, deals: 2, quotes: 1 });
    expect(await sql('SELECT name FROM deals ORDER BY name')).toEqual([
      { name: 'Erased' },
      { name: 'Lund Trading – aquarium refit' },
    ]);
    expect(await sql('SELECT count(*)::int AS n FROM leads')).toEqual([{ n: 2 }]);
  });
});
