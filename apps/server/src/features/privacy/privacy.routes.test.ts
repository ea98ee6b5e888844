import { existsSync, type ReadStream } from 'node:fs';
import type { Actor } from '@relata/domain';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { multipart } from '../attachments/multipart.test-helper.ts';
import { tablesMentioning as scanTables } from './privacy.test-helper.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const FIRST = 'Sigrid';
const LAST = 'Quernheim';
const EMAIL = 'sigrid.quernheim@example.org';
const PHONE = '701112233'; // in +46 70 111 22 33, in every format it is stored in
const NOTE = 'zebrafish';
const needles = [LAST, `${FIRST} ${LAST}`, EMAIL, PHONE, NOTE];
const system: Actor = {
  kind: 'system',
  userId: null,
  teamId: null,
  name: 'test',
  role: 'system',
  permissions: {},
};

let t: TestApp;
let id: string;
let bystander: string;
let accountId: string;
let orderId: string;
let attachmentId: string;
let attachmentFile: string;
let bystanderEmailId: string;
let inboundEmailId: string;
let meetingId: string;
let callId: string;

const ok = <T = Record<string, unknown>>(r: Awaited<ReturnType<TestApp['admin']['post']>>) => {
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.data<T>();
};
const sql = <T = Record<string, unknown>>(text: string, values?: unknown[]) =>
  t.services.database.query<T>(text, values);

beforeAll(async () => {
  t = await createTestApp();
  const a = t.admin;
  await a.post('/api/v1/custom-fields', {
    entity: 'contact',
    key: 'shoe_size',
    label: 'Shoe size',
    type: 'text',
  });
  accountId = ok<{ id: string }>(await a.post('/api/v1/accounts', { name: 'Lund Trading AB' })).id;
  id = ok<{ id: string }>(
    await a.post('/api/v1/contacts', {
      firstName: FIRST,
      lastName: LAST,
      jobTitle: 'Head of purchasing',
      emails: [{ address: EMAIL }],
      phones: [{ number: '+46 70 111 22 33' }],
      address: { street: 'Zebrafish lane 1', city: 'Lund', postalCode: '22100', country: 'SE' },
      custom: { shoe_size: '=HYPERLINK("http://x.test","43")' },
    }),
  ).id;
  bystander = ok<{ id: string }>(
    await a.post('/api/v1/contacts', { firstName: 'Olle', lastName: 'Berg' }),
  ).id;
  const rel = (type: string, toType: string, toId: string, notes: string) =>
    a.post('/api/v1/relationships', { type, fromType: 'contact', fromId: id, toType, toId, notes });
  ok(await rel('works_at', 'account', accountId, `${LAST} runs purchasing`));
  ok(await rel('referred_by', 'contact', bystander, ''));
  const call = ok<{ id: string }>(
    await a.post('/api/v1/interactions', {
      channel: 'phone',
      direction: 'inbound',
      contactId: id,
      subject: `Call with ${LAST}`,
      notes: `<p>Talked about ${NOTE} food</p>`,
      outcome: 'reached',
      outcomeNote: `${FIRST} will call back`,
      cost: 250,
      participants: [{ type: 'contact', id }],
    }),
  );
  callId = call.id;
  ok(await a.post('/api/v1/tasks', { title: `Send ${LAST} the offer`, notes: '@SUM(1)', contactId: id }));
  // Sent with an idempotency key: the stored response for replays holds the note too.
  const key = { 'idempotency-key': 'privacy-note-1' };
  ok(await a.post('/api/v1/notes', { recordType: 'contact', recordId: id, body: `Likes ${NOTE}` }, key));
  ok(await a.post('/api/v1/notes', { recordType: 'interaction', recordId: call.id, body: `${NOTE} again` }));
  ok(
    await a.post('/api/v1/emails', {
      contactId: id,
      subject: `Your offer, ${FIRST}`,
      text: `Dear ${FIRST} ${LAST}`,
    }),
  );
  const m = multipart(
    { recordType: 'contact', recordId: id },
    { name: `${LAST}-passport.pdf`, content: PDF },
  );
  attachmentId = ok<{ id: string }>(await a.post('/api/v1/attachments', m.body, m.headers)).id;
  const opened = await t.services.attachments.open(system, attachmentId);
  attachmentFile = String((opened.stream as ReadStream).path);
  opened.stream.destroy();
  ok(
    await a.put(`/api/v1/contacts/${id}/consents`, {
      consents: [
        { purpose: 'marketing', channel: 'email', status: 'granted', evidence: `Form signed by ${LAST}` },
      ],
    }),
  );
  const order = ok<{ id: string }>(
    await a.post('/api/v1/orders', {
      contactId: id,
      orderedAt: '2026-03-01T10:00:00Z',
      currency: 'EUR',
      notes: `Leave at ${LAST}'s back door`,
      lines: [{ description: 'Aquarium', quantity: 2, unitPrice: 1500 }],
    }),
  );
  orderId = order.id;
  const invoice = ok<{ id: string }>(
    await a.post('/api/v1/invoices', {
      orderId,
      currency: 'EUR',
      amount: 3000,
      issuedOn: '2026-03-01',
      dueOn: '2026-03-31',
    }),
  );
  ok(
    await a.post(`/api/v1/invoices/${invoice.id}/payments`, {
      amount: 3000,
      paidAt: '2026-03-05T09:00:00Z',
      reference: `${LAST} INV`,
    }),
  );
  ok(
    await a.post('/api/v1/warranties', {
      contactId: id,
      orderId,
      serialNumber: `SN-${LAST}`,
      startsOn: '2026-03-01',
      endsOn: '2028-03-01',
      terms: `Registered to ${FIRST} ${LAST}`,
    }),
  );
  // A survey answered through its personal link: facts, NPS, an interaction and an event.
  const survey = ok<{ id: string }>(
    await a.post('/api/v1/surveys', {
      name: 'After delivery',
      questions: [
        { key: 'nps', type: 'nps', text: 'Recommend us?', required: true },
        { key: 'comment', type: 'text', text: 'Anything else?', mapsTo: 'fact.comment' },
      ],
    }),
  );
  const [link] = (
    await a.post(`/api/v1/surveys/${survey.id}/invitations`, { contactIds: [id], sendEmail: true })
  ).json().data as { token: string }[];
  ok(await t.anonymous.post(`/s/${link!.token}`, { answers: { nps: 2, comment: `${NOTE} tank leaks` } }));
  await sql(
    `INSERT INTO customer_values (customer_type, customer_id, first_purchase_on, last_purchase_on, purchases,
       frequency, recency_days, age_days, monetary, historical_value, lifecycle_state, lifecycle_since, clv)
     VALUES ('contact', $1, '2026-03-01', '2026-03-01', 1, 0, 0, 30, 0, 3000, 'new', '2026-03-01', 4200)`,
    [id],
  );
  await sql(
    `INSERT INTO lifecycle_history (customer_type, customer_id, valid_from, state) VALUES ('contact', $1, '2026-03-01', 'new')`,
    [id],
  );
  // Another customer's records that involve the person: an email copied to them, a forwarded
  // one from them that was filed under the other customer, and a meeting they joined.
  bystanderEmailId = ok<{ id: string }>(
    await a.post('/api/v1/emails', {
      contactId: bystander,
      to: ['olle@berg.test'],
      cc: [EMAIL],
      subject: 'Meeting notes',
      text: `Hi Olle, on Monday ${EMAIL.toUpperCase()} wrote: agreed.`,
    }),
  ).id;
  const [inbound] = await sql<{ id: string }>(
    `INSERT INTO emails (direction, status, message_id, thread_id, from_address, to_addresses, subject, contact_id)
     VALUES ('inbound', 'received', '<fwd-1@berg.test>', gen_random_uuid(), $1, ARRAY['olle@berg.test'], 'Fwd: prices', $2)
     RETURNING id`,
    [EMAIL, bystander],
  );
  inboundEmailId = inbound!.id;
  await sql(
    `INSERT INTO audit_log (actor_type, action, record_type, record_id, meta) VALUES ('system', 'receive', 'email', $1, $2)`,
    [inboundEmailId, JSON.stringify({ from: EMAIL, contactId: bystander })],
  );
  meetingId = ok<{ id: string }>(
    await a.post('/api/v1/interactions', {
      channel: 'meeting',
      direction: 'outbound',
      contactId: bystander,
      subject: 'Quarterly review at Berg',
      notes: '<p>Olle wants a discount</p>',
      participants: [{ type: 'contact', id }],
    }),
  ).id;
});
afterAll(async () => {
  await t?.close();
});

type Export = Record<string, unknown> & { contact: Record<string, unknown> };
const exportOf = async () => {
  const r = await t.admin.get(`/api/v1/contacts/${id}/export`);
  expect(r.statusCode, r.body).toBe(200);
  return r.data<Export>();
};

const tablesMentioning = (needle: string) => scanTables(t, needle);

describe('export', () => {
  it('returns every section with the person’s data as JSON, and audits the export', async () => {
    const e = await exportOf();
    expect(Object.keys(e)).toEqual([
      'exportedAt',
      'contact',
      'relationships',
      'interactions',
      'tasks',
      'notes',
      'emails',
      'attachments',
      'consents',
      'facts',
      'surveyResponses',
      'orders',
      'invoices',
      'warranties',
      'leads',
      'cases',
      'disputes',
      'deals',
      'quotes',
      'customerValue',
      'lifecycleHistory',
      'auditEntries',
    ]);
    expect(e.contact).toMatchObject({
      firstName: FIRST,
      lastName: LAST,
      primaryEmail: EMAIL,
      custom: { shoe_size: expect.stringContaining('HYPERLINK') },
      withheldFields: [],
      creditScore: null,
      nps: { category: 'detractor', score: 2 },
    });
    const text = JSON.stringify(e);
    for (const s of [`${LAST} runs purchasing`, `Talked about ${NOTE}`, `Likes ${NOTE}`, `${NOTE} again`])
      expect(text).toContain(s);
    expect(e.emails).toEqual(
      expect.arrayContaining([expect.objectContaining({ subject: `Your offer, ${FIRST}`, to: [EMAIL] })]),
    );
    expect(e.attachments).toMatchObject([
      { filename: `${LAST}-passport.pdf`, sizeBytes: PDF.length, contentType: 'application/pdf' },
    ]);
    expect(e.consents).toMatchObject({
      current: [{ purpose: 'marketing', status: 'granted' }],
      history: [{}],
    });
    expect(e.facts).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'comment', value: `${NOTE} tank leaks` })]),
    );
    expect(e.surveyResponses).toMatchObject([{ surveyName: 'After delivery', answers: { nps: 2 } }]);
    expect(e.orders).toMatchObject([
      { id: orderId, total: 3000, lines: [{ description: 'Aquarium', quantity: 2 }] },
    ]);
    expect(e.invoices).toMatchObject([
      { amount: 3000, payments: [{ amount: 3000, reference: `${LAST} INV` }] },
    ]);
    expect(e.warranties).toMatchObject([{ serialNumber: `SN-${LAST}` }]);
    expect(e.customerValue).toMatchObject({ clv: 4200, historicalValue: 3000 });
    expect(e.lifecycleHistory).toEqual([{ validFrom: '2026-03-01', validTo: null, state: 'new' }]);
    expect((e.auditEntries as { action: string }[]).map((x) => x.action)).toContain('create');
    const audit = (await t.admin.get(`/api/v1/audit?recordId=${id}`)).json().data as { action: string }[];
    expect(audit[0]).toMatchObject({ action: 'export', recordType: 'contact', meta: { format: 'json' } });
  });

  it('serves a zip of CSVs with spreadsheet formulas defused', async () => {
    const r = await t.admin.get(`/api/v1/contacts/${id}/export?format=zip`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/zip');
    expect(r.headers['content-disposition']).toBe(`attachment; filename="contact-${id}.zip"`);
    const files = unzipSync(new Uint8Array(r.rawPayload));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'contact.csv',
        'interactions.csv',
        'orders.csv',
        'order_lines.csv',
        'audit_entries.csv',
      ]),
    );
    const csv = (name: string) =>
      parse(strFromU8(files[name]!), { columns: true, bom: true }) as Record<string, string>[];
    const [contact] = csv('contact.csv');
    expect(contact).toMatchObject({ firstName: FIRST, lastName: LAST, 'address.city': 'Lund' });
    expect(contact!['custom.shoe_size']).toBe(`'=HYPERLINK("http://x.test","43")`);
    expect(csv('tasks.csv')[0]!.notes).toBe(`'@SUM(1)`);
    expect(csv('interactions.csv').find((i) => i.id === callId)?.notes).toContain(NOTE);
    expect(csv('order_lines.csv')[0]).toMatchObject({ orderId, description: 'Aquarium', lineTotal: '3000' });
    // The attached files themselves, byte for byte, named in attachments.csv.
    const file = `attachments/${attachmentId}-${LAST}-passport.pdf`;
    expect(Buffer.from(files[file]!)).toEqual(PDF);
    expect(csv('attachments.csv')).toMatchObject([{ filename: `${LAST}-passport.pdf`, file }]);
  });

  it('is refused to roles without the export right', async () => {
    const agent = await t.userClient('agent');
    expect((await agent.get(`/api/v1/contacts/${id}/export`)).statusCode).toBe(403);
    expect(
      (await t.admin.get('/api/v1/contacts/00000000-0000-4000-8000-000000000000/export')).statusCode,
    ).toBe(404);
  });
});

describe('erasure', () => {
  it('is for administrators only, with the typed confirmation; refusals change nothing', async () => {
    const manager = await t.userClient('manager');
    const denied = await manager.post(`/api/v1/contacts/${id}/erase`, { confirm: `ERASE ${id}` });
    expect(denied.statusCode).toBe(403);
    const readKey = await t.apiKeyClient(t.admin, ['read']);
    expect((await readKey.post(`/api/v1/contacts/${id}/erase`, { confirm: `ERASE ${id}` })).statusCode).toBe(
      403,
    );
    for (const body of [
      { confirm: 'ERASE' },
      { confirm: `erase ${id}` },
      { confirm: `ERASE ${bystander}` },
      {},
    ]) {
      const r = await t.admin.post(`/api/v1/contacts/${id}/erase`, body);
      expect(r.statusCode).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json().errors[0].field).toBe('confirm');
    }
    // The scan finds the person before: the check after erasure is not vacuous.
    expect(await tablesMentioning(LAST)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^contacts/), expect.stringMatching(/^audit_log/)]),
    );
    for (const needle of needles) expect(await tablesMentioning(needle), needle).not.toEqual([]);
    expect(await tablesMentioning(NOTE)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^idempotency_keys/), expect.stringMatching(/^facts/)]),
    );
    expect((await exportOf()).contact).toMatchObject({ lastName: LAST });
    expect(existsSync(attachmentFile)).toBe(true);
  });

  it('erases the person everywhere and keeps the non-personal numbers', async () => {
    const r = await t.admin.post(`/api/v1/contacts/${id}/erase`, { confirm: `ERASE ${id}` });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.data()).toEqual({
      erased: true,
      removed: expect.objectContaining({
        relationships: 2,
        notes: 2,
        attachments: 1,
        facts: 2,
        orders: 1,
        warranties: 1,
      }),
    });
    const removed = r.data<{ removed: Record<string, number> }>().removed;
    expect(removed.emails).toBe(2); // the offer and the survey invitation
    expect(removed.otherEmails).toBe(2); // the other customer's: kept, the address replaced
    expect(removed.interactions).toBeGreaterThanOrEqual(2); // the call and the survey answer

    for (const needle of needles) expect(await tablesMentioning(needle), needle).toEqual([]);
    expect(existsSync(attachmentFile)).toBe(false);
    expect(await sql('SELECT 1 FROM attachments WHERE id = $1', [attachmentId])).toEqual([]);

    const search = await t.admin.get(`/api/v1/search?q=${LAST}`);
    expect(search.statusCode).toBe(200);
    expect(search.json().data).toEqual([]);
    const e = await exportOf();
    expect(e.contact).toMatchObject({
      id,
      firstName: 'Erased',
      lastName: '',
      emails: [],
      phones: [],
      custom: {},
      nps: null,
    });
    const text = JSON.stringify(e);
    for (const needle of needles) expect(text).not.toContain(needle);
    expect(e).toMatchObject({ relationships: [], notes: [], emails: [], attachments: [], facts: [] });
    expect((e.contact as { erasedAt: string | null }).erasedAt).not.toBeNull();
    // The anonymous shell takes no new personal data.
    const again = await t.admin.patch(`/api/v1/contacts/${id}`, { firstName: 'Back', jobTitle: 'Again' });
    expect(again.statusCode).toBe(409);
    expect(e.consents).toEqual({ current: [], history: [] });
    expect(e.surveyResponses).toMatchObject([{ answers: {} }]);

    const audit = await t.admin.get(`/api/v1/audit?recordId=${id}`);
    for (const needle of needles) expect(audit.body).not.toContain(needle);
    const entries = audit.json().data as {
      action: string;
      actorName: string;
      changes: object;
      meta: object;
    }[];
    expect(entries.find((x) => x.action === 'erase')).toMatchObject({ changes: {}, meta: { removed } });
    expect(entries.filter((x) => x.action === 'create')).toEqual([expect.objectContaining({ changes: {} })]);

    // What customer value needs is still there, keyed by the same id.
    const order = await t.admin.get(`/api/v1/orders/${orderId}`);
    expect(order.data()).toMatchObject({
      contactId: id,
      total: 3000,
      notes: '',
      lines: [{ lineTotal: 3000 }],
    });
    const [call] = await sql<{ channel: string; cost: number; outcome: string }>(
      `SELECT channel, cost, outcome FROM interactions WHERE contact_id = $1 AND channel = 'phone'`,
      [id],
    );
    expect(call).toMatchObject({ channel: 'phone', outcome: 'reached' });
    expect(Number(call!.cost)).toBe(250);
    expect(await sql('SELECT clv FROM customer_values WHERE customer_id = $1', [id])).toEqual([
      { clv: 4200 },
    ]);
    expect(await sql('SELECT count(*)::int AS n FROM survey_responses WHERE contact_id = $1', [id])).toEqual([
      { n: 1 },
    ]);
    // The account no longer counts the erased detractor; the bystander is untouched.
    expect((await t.admin.get(`/api/v1/accounts/${accountId}`)).data()).toMatchObject({
      nps: { detractors: 0 },
    });
    expect((await t.admin.get(`/api/v1/contacts/${bystander}`)).data()).toMatchObject({
      firstName: 'Olle',
      lastName: 'Berg',
    });
    // The other customer's email stays, with an anonymous marker where the address was.
    const mail = (await t.admin.get(`/api/v1/emails/${bystanderEmailId}`)).data();
    expect(mail).toMatchObject({
      contactId: bystander,
      subject: 'Meeting notes',
      to: ['olle@berg.test'],
      cc: ['erased@erased.invalid'],
      text: 'Hi Olle, on Monday erased@erased.invalid wrote: agreed.',
    });
    expect(await sql('SELECT from_address, subject FROM emails WHERE id = $1', [inboundEmailId])).toEqual([
      { from_address: 'erased@erased.invalid', subject: 'Fwd: prices' },
    ]);
    // The meeting is the other customer's: its text stays, the person left its participants.
    const meeting = (await t.admin.get(`/api/v1/interactions/${meetingId}`)).data<{
      subject: string;
      notes: string;
      participants: { type: string; id: string }[];
    }>();
    expect(meeting).toMatchObject({
      subject: 'Quarterly review at Berg',
      notes: '<p>Olle wants a discount</p>',
    });
    expect(meeting.participants.map((p) => p.id)).not.toContain(id);
    expect(meeting.participants).toContainEqual({ type: 'contact', id: bystander });
  });

  it('may be repeated: nothing is left to remove, and the first erasure keeps its counts', async () => {
    const again = await t.admin.post(`/api/v1/contacts/${id}/erase`, { confirm: `ERASE ${id}` });
    expect(again.statusCode).toBe(200);
    expect(Object.values(again.data<{ removed: Record<string, number> }>().removed)).toEqual(
      expect.arrayContaining([0]),
    );
    expect(again.data<{ removed: { relationships: number; orders: number } }>().removed).toMatchObject({
      relationships: 0,
      orders: 1, // the order is kept; its (already empty) notes are cleared again
    });
    const entries = (await t.admin.get(`/api/v1/audit?recordId=${id}`)).json().data as {
      action: string;
      meta: { removed?: { relationships: number } };
    }[];
    expect(entries.filter((x) => x.action === 'erase').map((x) => x.meta.removed?.relationships)).toEqual([
      0, 2,
    ]);
    expect(
      (
        await t.admin.post('/api/v1/contacts/00000000-0000-4000-8000-000000000000/erase', {
          confirm: 'ERASE 00000000-0000-4000-8000-000000000000',
        })
      ).statusCode,
    ).toBe(404);
  });
});
