/**
 * The authorisation matrix of commercial records and customer value: each kind of caller × each
 * action, asserting the status and that denied calls change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/app.ts';
import { type Callers, everyone, matrixCallers, type Who } from '../../test/callers.ts';

let t: TestApp;
let contactId: string;
let c: Callers;

beforeAll(async () => {
  t = await createTestApp();
  c = await matrixCallers(t);
  const owner = c.owner;
  contactId = (await owner.post('/api/v1/contacts', { firstName: 'Matrix', lastName: 'Buyer' })).data<{
    id: string;
  }>().id;
});
afterAll(async () => {
  await t?.close();
});

const order = {
  orderedAt: '2026-11-01T10:00:00Z',
  currency: 'EUR',
  lines: [{ unitPrice: 1000, quantity: 1 }],
};
const newOrder = async () => {
  const r = await c.owner.post('/api/v1/orders', { ...order, contactId });
  expect(r.statusCode).toBe(201);
  return r.data<{ id: string; version: number }>();
};
const versionOf = async (id: string) =>
  (await t.admin.get(`/api/v1/orders/${id}`)).data<{ version: number }>()?.version;

describe('orders authorisation', () => {
  const expected: Record<'read' | 'list' | 'update' | 'delete', Record<Who, number>> = {
    read: {
      owner: 200,
      sameTeam: 200,
      otherTeam: 200,
      readOnly: 200,
      manager: 200,
      admin: 200,
      keyRead: 200,
      keyWrite: 200,
      anonymous: 401,
    },
    list: {
      owner: 200,
      sameTeam: 200,
      otherTeam: 200,
      readOnly: 200,
      manager: 200,
      admin: 200,
      keyRead: 200,
      keyWrite: 200,
      anonymous: 401,
    },
    update: {
      owner: 200,
      sameTeam: 200,
      otherTeam: 403,
      readOnly: 403,
      manager: 200,
      admin: 200,
      keyRead: 403,
      keyWrite: 200,
      anonymous: 401,
    },
    delete: {
      owner: 403,
      sameTeam: 403,
      otherTeam: 403,
      readOnly: 403,
      manager: 204,
      admin: 204,
      keyRead: 403,
      keyWrite: 403,
      anonymous: 401,
    },
  };
  for (const who of everyone) {
    it(`${who}: read, list, update, delete`, async () => {
      const o = await newOrder();
      expect((await c[who].get(`/api/v1/orders/${o.id}`)).statusCode).toBe(expected.read[who]);
      expect((await c[who].get(`/api/v1/orders?filter[contactId]=${contactId}`)).statusCode).toBe(
        expected.list[who],
      );
      const u = await c[who].patch(`/api/v1/orders/${o.id}`, { deliveryStatus: 'shipped' });
      expect(u.statusCode).toBe(expected.update[who]);
      if (u.statusCode !== 200) expect(await versionOf(o.id)).toBe(o.version);
      const d = await c[who].del(`/api/v1/orders/${o.id}`);
      expect(d.statusCode).toBe(expected.delete[who]);
      if (d.statusCode !== 204) expect(await versionOf(o.id)).toBeDefined();
    });
  }
});

describe('catalogue, invoices, value: who may do what', () => {
  const cases: {
    name: string;
    call: (x: Client) => Promise<{ statusCode: number }>;
    allowed: Who[];
    ok: number;
  }[] = [
    {
      name: 'create a product',
      call: (x) => x.post('/api/v1/products', { sku: `SKU-${Math.random()}`, name: 'P', currency: 'EUR' }),
      allowed: ['manager', 'admin'],
      ok: 201,
    },
    {
      name: 'create an invoice',
      call: (x) =>
        x.post('/api/v1/invoices', {
          contactId,
          currency: 'EUR',
          amount: 100,
          issuedOn: '2026-11-01',
          dueOn: '2026-11-30',
        }),
      allowed: ['manager', 'admin'],
      ok: 201,
    },
    {
      name: 'read the value summary',
      call: (x) => x.get('/api/v1/value/summary'),
      allowed: ['owner', 'sameTeam', 'otherTeam', 'readOnly', 'manager', 'admin', 'keyRead', 'keyWrite'],
      ok: 200,
    },
    {
      name: 'queue a value run',
      call: (x) => x.post('/api/v1/value/runs', { customerType: 'account' }),
      allowed: ['manager', 'admin'],
      ok: 202,
    },
    {
      name: 'change value settings',
      call: (x) => x.patch('/api/v1/value/settings', { horizonMonths: 24 }),
      allowed: ['admin'],
      ok: 200,
    },
  ];
  for (const k of cases) {
    it(k.name, async () => {
      const runsBefore = await t.services.database.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM value_model_runs',
      );
      for (const who of everyone) {
        const r = await k.call(c[who]);
        const want = who === 'anonymous' ? 401 : k.allowed.includes(who) ? k.ok : 403;
        expect(r.statusCode, `${who} may ${k.allowed.includes(who) ? '' : 'not '}${k.name}`).toBe(want);
      }
      if (k.name === 'queue a value run') {
        const runsAfter = await t.services.database.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM value_model_runs',
        );
        expect(runsAfter[0]!.n - runsBefore[0]!.n).toBe(k.allowed.length);
      }
    });
  }

  it('hides value from roles that may not read it, in lists and on cards', async () => {
    await t.admin.post('/api/v1/roles', {
      key: 'no_value',
      name: 'No value',
      permissions: { contacts: { read: 'all' } },
    });
    const blind = await t.userClient('no_value');
    const list = await blind.get('/api/v1/contacts');
    expect(list.statusCode).toBe(200);
    expect(list.json().data[0].value).toBeUndefined();
    expect((await blind.get('/api/v1/contacts?sort=-clv')).statusCode).toBe(400);
    expect((await blind.get('/api/v1/value/summary')).statusCode).toBe(403);
  });
});
