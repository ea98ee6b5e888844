import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { pdfText } from './pdf-text.test-helper.ts';

type Quote = {
  id: string;
  number: string;
  revision: number;
  status: string;
  dealId: string | null;
  contactId: string | null;
  accountId: string | null;
  customer: { name: string } | null;
  currency: string;
  subtotal: number;
  tax: number;
  total: number;
  taxes: { rate: number; base: number; tax: number }[];
  lines: { description: string; net: number; taxRate: number }[];
  orderId: string | null;
  version: number;
};

let t: TestApp;
let contactId: string;
let accountId: string;
let productId: string;
let dealId: string;
beforeAll(async () => {
  t = await createTestApp();
  accountId = (await t.admin.post('/api/v1/accounts', { name: 'ООО «Северный кофе»' })).data<{ id: string }>()
    .id;
  contactId = (await t.admin.post('/api/v1/contacts', { firstName: 'Ингрид', lastName: 'Бёрг' })).data<{
    id: string;
  }>().id;
  productId = (
    await t.admin.post('/api/v1/products', {
      sku: 'GRD-1',
      name: 'Coffee grinder',
      price: 12_900,
      currency: 'EUR',
    })
  ).data<{ id: string }>().id;
  dealId = (
    await t.admin.post('/api/v1/deals', {
      name: 'Grinders for Nordkaffe',
      contactId,
      accountId,
      amount: 50_000,
    })
  ).data<{ id: string }>().id;
});
afterAll(async () => {
  await t?.close();
});

const quoteBody = {
  taxRate: 25,
  validUntil: '2099-12-31',
  lines: [
    { productId: '', quantity: 3, discountPercent: 15 },
    { description: 'Barista training', quantity: 1, unitPrice: 25_000, taxRate: 12 },
  ],
};
const newQuote = async (extra: Record<string, unknown> = {}) => {
  const r = await t.admin.post('/api/v1/quotes', {
    ...quoteBody,
    dealId,
    lines: [{ ...quoteBody.lines[0], productId }, quoteBody.lines[1]],
    ...extra,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.data<Quote>();
};

describe('quotes', () => {
  it('prices lines from the catalogue with discounts and tax per rate, customer from the deal', async () => {
    const q = await newQuote();
    expect(q.number).toMatch(/^Q-\d{6}$/);
    expect(q).toMatchObject({ status: 'draft', revision: 1, contactId, accountId, currency: 'EUR' });
    expect(q.lines.map((l) => [l.description, l.net, l.taxRate])).toEqual(
      [
        ['Coffee grinder', 32_895], // 3 × 129.00 − 15 % = 328.95
        ['Barista training', 25_000, 12],
      ].map(([d, n, r]) => [d, n, r ?? 25]),
    );
    expect(q.taxes).toEqual([
      { rate: 12, base: 25_000, tax: 3_000 },
      { rate: 25, base: 32_895, tax: 8_224 }, // 8 223.75 → 8 224
    ]);
    expect(q).toMatchObject({ subtotal: 57_895, tax: 11_224, total: 69_119 });
    const bad = await t.admin.post('/api/v1/quotes', { contactId, lines: [{ quantity: 0 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('lines.0.quantity');
    const noPrice = await t.admin.post('/api/v1/quotes', { contactId, lines: [{ quantity: 1 }] });
    expect(noPrice.json().errors[0]).toMatchObject({ field: 'lines.0.unitPrice', code: 'required' });
    const list = await t.admin.get(`/api/v1/quotes?filter[dealId]=${dealId}`);
    expect(list.json().data.map((x: Quote) => x.id)).toContain(q.id);
  });

  it('keeps versions: editing a sent quote starts a new draft version, the sent one stays readable', async () => {
    const q = await newQuote();
    const sent = await t.admin.post(
      `/api/v1/quotes/${q.id}/status`,
      { status: 'sent' },
      { 'if-match': '"1"' },
    );
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.data<Quote>().status).toBe('sent');
    const edited = await t.admin.patch(
      `/api/v1/quotes/${q.id}`,
      { lines: [{ description: 'Barista training, 2 days', quantity: 2, unitPrice: 25_000 }] },
      { 'if-match': '"2"' },
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.data<Quote>()).toMatchObject({
      revision: 2,
      status: 'draft',
      subtotal: 50_000,
      total: 62_500,
    });
    const versions = (await t.admin.get(`/api/v1/quotes/${q.id}/revisions`)).json().data;
    expect(
      versions.map((v: { revision: number; status: string; total: number }) => [
        v.revision,
        v.status,
        v.total,
      ]),
    ).toEqual([
      [1, 'sent', 69_119],
      [2, 'draft', 62_500],
    ]);
    const v1 = (await t.admin.get(`/api/v1/quotes/${q.id}/revisions/1`)).data<Quote>();
    expect(v1.lines.map((l) => l.description)).toEqual(['Coffee grinder', 'Barista training']);
    const draftEdit = await t.admin.patch(`/api/v1/quotes/${q.id}`, { notes: 'Delivery in May' });
    expect(draftEdit.data<Quote>().revision).toBe(2);
    const early = await t.admin.post(`/api/v1/quotes/${q.id}/status`, { status: 'accepted' });
    expect(early.statusCode).toBe(409);
  });

  it('prints a PDF with the customer name in Cyrillic, and earlier versions too', async () => {
    const q = await newQuote({ notes: 'Доставка в мае' });
    const res = await t.admin.get(`/api/v1/quotes/${q.id}/pdf?lang=ru`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, texts } = pdfText(pdf);
    expect(pages).toBeGreaterThan(0);
    const all = texts.join('\n');
    expect(all).toContain('Ингрид Бёрг');
    expect(all).toContain(q.number);
    expect(all).toContain('Coffee grinder');
    expect(all).toContain('Доставка в мае');
    expect((await t.admin.get(`/api/v1/quotes/${q.id}/pdf?revision=7`)).statusCode).toBe(404);
    expect((await t.admin.get(`/api/v1/quotes/${q.id}/pdf?lang=de`)).statusCode).toBe(400);
  });

  it('an accepted quote becomes an order in the same transaction and marks the deal won', async () => {
    const q = await newQuote();
    await t.admin.post(`/api/v1/quotes/${q.id}/status`, { status: 'sent' });
    const accepted = await t.admin.post(`/api/v1/quotes/${q.id}/status`, { status: 'accepted' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const a = accepted.data<Quote>();
    expect(a.status).toBe('accepted');
    expect(a.orderId).not.toBeNull();
    const order = (await t.admin.get(`/api/v1/orders/${a.orderId}`)).data<{
      total: number;
      contactId: string;
      notes: string;
      lines: { lineTotal: number }[];
    }>();
    expect(order).toMatchObject({ contactId, total: 57_895 });
    expect(order.notes).toContain(q.number);
    const deal = (await t.admin.get(`/api/v1/deals/${dealId}`)).data<{ status: string; wonAt: string }>();
    expect(deal.status).toBe('won');
    expect((await t.admin.patch(`/api/v1/quotes/${q.id}`, { notes: 'x' })).statusCode).toBe(409);
    expect((await t.admin.del(`/api/v1/quotes/${q.id}`)).statusCode).toBe(409);
    const versions = (await t.admin.get(`/api/v1/quotes/${q.id}/revisions`)).json().data;
    expect(versions[0]).toMatchObject({ revision: 1, status: 'accepted' });
  });

  it('a failed acceptance changes nothing: no order, the quote stays sent', async () => {
    const agent = await t.userClient('read_only');
    const q = await newQuote({ currency: 'SEK', dealId: null, contactId });
    await t.admin.post(`/api/v1/quotes/${q.id}/status`, { status: 'sent' });
    const orders = async () =>
      Number((await t.services.database.query<{ n: number }>('SELECT count(*)::int AS n FROM orders'))[0]!.n);
    const before = await orders();
    const res = await t.admin.post(`/api/v1/quotes/${q.id}/status`, { status: 'accepted' });
    expect(res.statusCode).toBe(409); // SEK without a known rate to EUR
    expect(await orders()).toBe(before);
    expect((await t.admin.get(`/api/v1/quotes/${q.id}`)).data<Quote>().status).toBe('sent');
    expect((await agent.post(`/api/v1/quotes/${q.id}/status`, { status: 'rejected' })).statusCode).toBe(403);
    const rejected = await t.admin.post(`/api/v1/quotes/${q.id}/status`, { status: 'rejected' });
    expect(rejected.data<Quote>().status).toBe('rejected');
  });

  it('reads a sent quote past its last day as expired and refuses to accept it', async () => {
    const q = await newQuote({ validUntil: '2020-01-01' });
    await t.admin.post(`/api/v1/quotes/${q.id}/status`, { status: 'sent' });
    expect((await t.admin.get(`/api/v1/quotes/${q.id}`)).data<Quote>().status).toBe('expired');
    expect((await t.admin.post(`/api/v1/quotes/${q.id}/status`, { status: 'accepted' })).statusCode).toBe(
      409,
    );
  });
});
