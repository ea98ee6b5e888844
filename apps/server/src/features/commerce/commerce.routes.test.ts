import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';

let t: TestApp;
let contactId: string;
let accountId: string;
beforeAll(async () => {
  t = await createTestApp();
  accountId = (await t.admin.post('/api/v1/accounts', { name: 'Fjord Foods AS' })).data<{ id: string }>().id;
  contactId = (
    await t.admin.post('/api/v1/contacts', {
      firstName: 'Ingrid',
      lastName: 'Berg',
      emails: [{ address: 'ingrid@fjordfoods.no', primary: true }],
    })
  ).data<{ id: string }>().id;
  await t.admin.post('/api/v1/relationships', {
    type: 'works_at',
    fromType: 'contact',
    fromId: contactId,
    toType: 'account',
    toId: accountId,
  });
});
afterAll(async () => {
  await t?.close();
});

type Order = {
  id: string;
  number: string;
  total: number;
  totalBase: number;
  contactId: string | null;
  accountId: string | null;
  open: boolean;
  version: number;
  lines: {
    sku: string;
    unitPrice: number;
    lineTotal: number;
    category: string | null;
    description: string;
  }[];
};

const auditCount = async () =>
  Number((await t.services.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`))[0]!.n);

describe('products', () => {
  it('creates, lists, updates and refuses a second product with the same SKU', async () => {
    const r = await t.admin.post('/api/v1/products', {
      sku: 'CHEESE-1',
      name: 'Brunost 500 g',
      category: 'Dairy',
      price: 8900,
      currency: 'eur',
      marginPercent: 32.5,
    });
    expect(r.statusCode).toBe(201);
    expect(r.data()).toMatchObject({ sku: 'CHEESE-1', currency: 'EUR', price: 8900, marginPercent: 32.5 });
    const dup = await t.admin.post('/api/v1/products', { sku: 'cheese-1', name: 'x', currency: 'EUR' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0]).toMatchObject({ field: 'sku', code: 'duplicate' });
    const bad = await t.admin.post('/api/v1/products', { sku: 'X', name: 'Y', currency: 'euro', price: 1.5 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['currency', 'price']);
    const list = await t.admin.get('/api/v1/products?q=brun&filter[category]=Dairy');
    expect(list.json().data.map((p: { sku: string }) => p.sku)).toEqual(['CHEESE-1']);
    const id = r.data<{ id: string }>().id;
    const patched = await t.admin.patch(`/api/v1/products/${id}`, { price: 9900 }, { 'if-match': '"1"' });
    expect(patched.data()).toMatchObject({ price: 9900, category: 'Dairy', version: 2 });
  });

  it('upserts a feed by externalId: the same batch twice changes nothing the second time', async () => {
    const batch = {
      records: [
        {
          externalId: 'erp-p-1',
          sku: 'FISH-1',
          name: 'Smoked salmon',
          category: 'Fish',
          price: 15900,
          currency: 'EUR',
        },
        {
          externalId: 'erp-p-2',
          sku: 'FISH-2',
          name: 'Herring',
          category: 'Fish',
          price: 4900,
          currency: 'EUR',
        },
      ],
    };
    const first = await t.admin.post('/api/v1/products/bulk', batch);
    expect(first.statusCode).toBe(200);
    expect(first.data()).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const before = await auditCount();
    const again = await t.admin.post('/api/v1/products/bulk', batch);
    expect(again.data()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await auditCount()).toBe(before);
    batch.records[1]!.price = 5200;
    const changed = await t.admin.post('/api/v1/products/bulk', batch);
    expect(changed.data()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const repeated = await t.admin.post('/api/v1/products/bulk', {
      records: [batch.records[0], { ...batch.records[0], sku: 'OTHER' }],
    });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().errors[0]).toMatchObject({ field: 'records.1.externalId', code: 'duplicate' });
  });

  it('lets agents read but not write the catalogue', async () => {
    const agent = await t.userClient('agent');
    expect((await agent.get('/api/v1/products')).statusCode).toBe(200);
    const denied = await agent.post('/api/v1/products', { sku: 'A-1', name: 'A', currency: 'EUR' });
    expect(denied.statusCode).toBe(403);
    expect((await t.admin.get('/api/v1/products?filter[sku]=A-1')).json().data).toEqual([]);
  });
});

describe('orders', () => {
  it('prices lines from the catalogue, totals them, and files the order under the employer too', async () => {
    const r = await t.admin.post('/api/v1/orders', {
      contactId,
      orderedAt: '2026-11-02T10:00:00Z',
      currency: 'EUR',
      channel: 'web',
      estimatedDelivery: '2026-11-06',
      lines: [
        { sku: 'FISH-1', quantity: 2 },
        { description: 'Gift wrap', quantity: 1, unitPrice: 450, discountPercent: 10 },
      ],
    });
    expect(r.statusCode).toBe(201);
    const o = r.data<Order>();
    expect(o.number).toMatch(/^SO-\d{6}$/);
    expect(o.lines.map((l) => [l.sku, l.unitPrice, l.lineTotal, l.category])).toEqual([
      ['FISH-1', 15900, 31800, 'Fish'],
      [null, 450, 405, null],
    ]);
    expect(o).toMatchObject({ total: 32205, totalBase: 32205, contactId, accountId, open: true });
    const got = await t.admin.get(`/api/v1/orders/${o.id}`);
    expect(got.data<Order>().lines).toHaveLength(2);
    expect(got.data()).toMatchObject({ customer: { type: 'contact', id: contactId, name: 'Ingrid Berg' } });
    const delivered = await t.admin.patch(`/api/v1/orders/${o.id}`, { deliveryStatus: 'delivered' });
    expect(delivered.data()).toMatchObject({ open: false, deliveryStatus: 'delivered', total: 32205 });
    expect(delivered.data<{ deliveredAt: string | null }>().deliveredAt).not.toBeNull();
    const mine = await t.admin.get(`/api/v1/orders?filter[contactId]=${contactId}&filter[open]=false`);
    expect(mine.json().data.map((x: Order) => x.id)).toEqual([o.id]);
  });

  it('needs an exchange rate for a foreign currency and converts with it', async () => {
    const base = { contactId, orderedAt: '2026-11-03T10:00:00Z', lines: [{ unitPrice: 10000, quantity: 1 }] };
    const missing = await t.admin.post('/api/v1/orders', { ...base, currency: 'SEK' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toMatchObject({ field: 'exchangeRate', code: 'required' });
    const ok = await t.admin.post('/api/v1/orders', { ...base, currency: 'SEK', exchangeRate: 0.087 });
    expect(ok.data()).toMatchObject({ total: 10000, totalBase: 870, currency: 'SEK' });
  });

  it('answers bad orders with field errors and stores nothing', async () => {
    const before = (await t.admin.get('/api/v1/orders?limit=200')).json().data.length;
    const cases: [unknown, string[]][] = [
      [{ contactId, orderedAt: 'yesterday', currency: 'EUR', lines: [] }, ['orderedAt', 'lines']],
      [
        { orderedAt: '2026-11-01T00:00:00Z', currency: 'EUR', lines: [{ quantity: 1 }] },
        ['contactId', 'lines.0.unitPrice'],
      ],
      [
        {
          contactId: '00000000-0000-4000-8000-000000000000',
          orderedAt: '2026-11-01T00:00:00Z',
          currency: 'EUR',
          lines: [{ quantity: 1, unitPrice: 1 }],
        },
        ['contactId'],
      ],
      [
        {
          contactId,
          orderedAt: '2026-11-01T00:00:00Z',
          currency: 'EUR',
          lines: [{ quantity: -1, unitPrice: 1 }],
        },
        ['lines.0.quantity'],
      ],
    ];
    for (const [body, fields] of cases) {
      const r = await t.admin.post('/api/v1/orders', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(
        r
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
      ).toEqual([...fields].sort());
    }
    expect((await t.admin.get('/api/v1/orders?limit=200')).json().data.length).toBe(before);
  });

  it('upserts an ERP order feed idempotently, matching customers by email', async () => {
    const batch = {
      records: [
        {
          externalId: 'erp-o-1',
          contactEmail: 'INGRID@fjordfoods.no',
          orderedAt: '2026-10-01T08:00:00Z',
          currency: 'EUR',
          status: 'fulfilled',
          deliveryStatus: 'delivered',
          lines: [{ sku: 'FISH-2', quantity: 3 }],
        },
        {
          externalId: 'erp-o-2',
          accountId,
          orderedAt: '2026-10-15T08:00:00Z',
          currency: 'EUR',
          lines: [{ unitPrice: 2500, quantity: 4 }],
        },
      ],
    };
    const first = await t.admin.post('/api/v1/orders/bulk', batch);
    expect(first.statusCode).toBe(200);
    expect(first.data()).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const before = await auditCount();
    expect((await t.admin.post('/api/v1/orders/bulk', batch)).data()).toMatchObject({ unchanged: 2 });
    expect(await auditCount()).toBe(before);
    batch.records[1]!.lines = [{ unitPrice: 2500, quantity: 5 }];
    const changed = await t.admin.post('/api/v1/orders/bulk', batch);
    expect(changed.data()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const id = changed.data<{ records: { id: string; externalId: string }[] }>().records[1]!.id;
    expect((await t.admin.get(`/api/v1/orders/${id}`)).data()).toMatchObject({ total: 12500, version: 2 });
    const unknown = await t.admin.post('/api/v1/orders/bulk', {
      records: [{ ...batch.records[0], externalId: 'erp-o-3', contactEmail: 'nobody@example.com' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'records.0.contactEmail', code: 'not_found' });
  });

  it('moves orders with a merged contact and rescores the survivor', async () => {
    const other = (
      await t.admin.post('/api/v1/contacts', { firstName: 'Ingrid', lastName: 'Berg (old)' })
    ).data<{
      id: string;
    }>().id;
    const o = (
      await t.admin.post('/api/v1/orders', {
        contactId: other,
        orderedAt: '2026-09-01T10:00:00Z',
        currency: 'EUR',
        lines: [{ unitPrice: 700, quantity: 1 }],
      })
    ).data<Order>();
    const merged = await t.admin.post(`/api/v1/contacts/${contactId}/merge`, { mergeId: other });
    expect(merged.statusCode).toBe(200);
    expect((await t.admin.get(`/api/v1/orders/${o.id}`)).data()).toMatchObject({ contactId });
    const jobs = await t.services.database.query<{ data: { customers: { id: string }[] } }>(
      `SELECT data FROM pgboss.job WHERE name = 'value.rescore' ORDER BY created_on DESC LIMIT 1`,
    );
    expect(jobs[0]!.data.customers).toEqual([{ type: 'contact', id: contactId }]);
  });

  it('keeps read-only users out of writes', async () => {
    const ro = await t.userClient('read_only');
    expect((await ro.get('/api/v1/orders')).statusCode).toBe(200);
    const r = await ro.post('/api/v1/orders', {
      contactId,
      orderedAt: '2026-11-01T00:00:00Z',
      currency: 'EUR',
      lines: [{ quantity: 1, unitPrice: 1 }],
    });
    expect(r.statusCode).toBe(403);
  });
});

describe('invoices and payments', () => {
  it('is paid once payments cover it; a resent payment is recorded once', async () => {
    const order = (await t.admin.get('/api/v1/orders?limit=1')).json().data[0] as Order;
    const r = await t.admin.post('/api/v1/invoices', {
      orderId: order.id,
      currency: 'EUR',
      amount: 10000,
      issuedOn: '2026-11-01',
      dueOn: '2026-11-15',
    });
    expect(r.statusCode).toBe(201);
    const inv = r.data<{ id: string; number: string; contactId: string }>();
    expect(inv.number).toMatch(/^INV-\d{6}$/);
    expect(inv.contactId).toBe(order.contactId);
    const p1 = await t.admin.post(`/api/v1/invoices/${inv.id}/payments`, {
      amount: 4000,
      paidAt: '2026-11-05T12:00:00Z',
      externalId: 'pay-1',
    });
    expect(p1.statusCode).toBe(201);
    expect(p1.data<{ invoice: unknown }>().invoice).toMatchObject({
      status: 'open',
      paidAmount: 4000,
      outstanding: 6000,
    });
    const resent = await t.admin.post(`/api/v1/invoices/${inv.id}/payments`, {
      amount: 4000,
      paidAt: '2026-11-05T12:00:00Z',
      externalId: 'pay-1',
    });
    expect(resent.statusCode).toBe(200);
    const p2 = await t.admin.post(`/api/v1/invoices/${inv.id}/payments`, {
      amount: 6000,
      paidAt: '2026-11-10T09:00:00Z',
    });
    expect(p2.data<{ invoice: unknown }>().invoice).toMatchObject({
      status: 'paid',
      paidAmount: 10000,
      outstanding: 0,
    });
    expect((await t.admin.get(`/api/v1/invoices/${inv.id}/payments`)).json().data).toHaveLength(2);
    const bad = await t.admin.post('/api/v1/invoices', {
      contactId,
      currency: 'EUR',
      amount: 1,
      issuedOn: '2026-11-10',
      dueOn: '2026-11-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('dueOn');
  });

  it('lists overdue invoices and upserts an invoice feed linked to orders by external id', async () => {
    const feed = {
      records: [
        {
          externalId: 'erp-i-1',
          orderExternalId: 'erp-o-1',
          currency: 'EUR',
          amount: 14700,
          issuedOn: '2026-10-01',
          dueOn: '2026-10-31',
        },
      ],
    };
    const first = await t.admin.post('/api/v1/invoices/bulk', feed);
    expect(first.data()).toMatchObject({ created: 1 });
    expect((await t.admin.post('/api/v1/invoices/bulk', feed)).data()).toMatchObject({ unchanged: 1 });
    const overdue = await t.admin.get('/api/v1/invoices?filter[overdue]=true');
    expect(overdue.json().data.map((i: { externalId: string | null }) => i.externalId)).toContain('erp-i-1');
  });
});

describe('warranties', () => {
  it('records warranties by SKU and tells which are in force', async () => {
    const r = await t.admin.post('/api/v1/warranties', {
      contactId,
      sku: 'FISH-1',
      serialNumber: 'SN-1',
      startsOn: '2025-01-01',
      endsOn: '2099-12-31',
    });
    expect(r.statusCode).toBe(201);
    expect(r.data()).toMatchObject({ active: true, serialNumber: 'SN-1' });
    const got = await t.admin.get(`/api/v1/warranties/${r.data<{ id: string }>().id}`);
    expect(got.data()).toMatchObject({ product: { sku: 'FISH-1', name: 'Smoked salmon' } });
    const unknown = await t.admin.post('/api/v1/warranties', {
      contactId,
      sku: 'NOPE',
      startsOn: '2025-01-01',
      endsOn: '2026-01-01',
    });
    expect(unknown.statusCode).toBe(400);
    const feed = {
      records: [{ externalId: 'w-1', contactId, startsOn: '2020-01-01', endsOn: '2021-01-01' }],
    };
    expect((await t.admin.post('/api/v1/warranties/bulk', feed)).data()).toMatchObject({ created: 1 });
    expect((await t.admin.post('/api/v1/warranties/bulk', feed)).data()).toMatchObject({ unchanged: 1 });
    const active = await t.admin.get(`/api/v1/warranties?filter[contactId]=${contactId}&filter[active]=true`);
    expect(active.json().data.map((w: { serialNumber: string }) => w.serialNumber)).toEqual(['SN-1']);
  });
});
