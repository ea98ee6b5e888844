import { seededRandom } from '@relata/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { createValueService } from './value.service.ts';
import { VALUE_RECOMPUTE_JOB, VALUE_RESCORE_JOB } from './value-job-names.ts';

let t: TestApp;
const DAY = 86_400_000;
const today = new Date();
const ago = (days: number) => new Date(today.getTime() - days * DAY).toISOString();
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const contacts: string[] = [];
let prospect: string;

type Run = {
  id: string;
  status: string;
  params: Record<string, number>;
  standardErrors: Record<string, number> | null;
};
type ValueCard = {
  tier: string | null;
  clv: number | null;
  pAlive: number | null;
  lifecycleState: string;
  rfm: { score: string };
};

/** 60 buyers with two years of seeded purchase histories and one prospect without orders. */
beforeAll(async () => {
  t = await createTestApp();
  const random = seededRandom(11);
  const records: unknown[] = [];
  for (let i = 0; i < 60; i++) {
    const c = await t.admin.post('/api/v1/contacts', {
      firstName: `Buyer${i}`,
      lastName: 'Test',
      address: { country: i % 2 ? 'SE' : 'NO', region: i % 3 ? 'North' : 'South' },
      emails: [{ address: `buyer${i}@example.com` }],
    });
    contacts.push(c.data<{ id: string }>().id);
    const rate = 0.005 + 0.05 * random();
    let day = 30 + Math.floor(690 * random());
    let n = 0;
    // Purchases every ~1/rate days from `day` days ago until today; some stop early.
    const stopAfter = random() < 0.4 ? 1 + Math.floor(3 * random()) : 99;
    while (day >= 0 && n < stopAfter) {
      records.push({
        externalId: `o-${i}-${n}`,
        contactId: contacts[i],
        orderedAt: ago(day),
        currency: 'EUR',
        channel: i % 2 ? 'web' : 'store',
        status: 'fulfilled',
        deliveryStatus: 'delivered',
        lines: [
          {
            description: 'Goods',
            category: i % 3 ? 'Coffee' : 'Tea',
            quantity: 1,
            unitPrice: 2000 + Math.floor(8000 * random()),
          },
        ],
      });
      n++;
      day -= Math.max(1, Math.round(-Math.log(1 - random()) / rate));
    }
  }
  for (let k = 0; k < records.length; k += 500) {
    const r = await t.admin.post('/api/v1/orders/bulk', { records: records.slice(k, k + 500) });
    if (r.statusCode !== 200) throw new Error(r.body);
  }
  prospect = (
    await t.admin.post('/api/v1/contacts', { firstName: 'Petra', lastName: 'Prospect', creditScore: 640 })
  ).data<{ id: string }>().id;
});
afterAll(async () => {
  await t?.close();
});

const queued = async (name: string) =>
  t.services.database.query<{ data: Record<string, unknown> }>(
    `SELECT data FROM pgboss.job WHERE name = $1`,
    [name],
  );

describe('value runs', () => {
  it('queues a recompute, and the worker fits, scores and records it', async () => {
    const r = await t.admin.post('/api/v1/value/runs', { customerType: 'contact', holdoutDays: 60 });
    expect(r.statusCode).toBe(202);
    const run = r.data<Run>();
    expect(run.status).toBe('queued');
    const jobs = await queued(VALUE_RECOMPUTE_JOB);
    expect(jobs.map((j) => j.data.runId)).toContain(run.id);
    await t.services.value.executeQueued(run.id);
    const done = (await t.admin.get(`/api/v1/value/runs/${run.id}`)).data<
      Run & {
        customers: number;
        unscoredCustomers: number;
        segments: unknown;
        holdout: { bins: unknown[] };
        spend: { p: number };
      }
    >();
    expect(done.status).toBe('succeeded');
    expect(done.customers).toBe(60);
    expect(Object.keys(done.params).sort()).toEqual(['a', 'alpha', 'b', 'r']);
    expect(done.holdout.bins).toHaveLength(8);
    expect(done.spend.p).toBeGreaterThan(0);
    expect(done.unscoredCustomers).toBe(0);
    const list = await t.admin.get('/api/v1/value/runs?customerType=contact');
    expect(list.json().data[0].id).toBe(run.id);
  });

  it('shows value on lists, which filter and sort by it', async () => {
    const byClv = await t.admin.get('/api/v1/contacts?sort=-clv&limit=5&filter[lastName]=Test');
    const rows = byClv.json().data as { id: string; value: ValueCard }[];
    expect(rows).toHaveLength(5);
    const clvs = rows.map((r) => r.value.clv!);
    expect([...clvs].sort((a, b) => b - a)).toEqual(clvs);
    expect(rows[0]!.value.tier).toBe('A');
    expect(rows[0]!.value).toMatchObject({ currency: 'EUR' });
    expect(Number.isInteger(rows[0]!.value.clv)).toBe(true);
    const tierA = await t.admin.get('/api/v1/contacts?filter[tier]=A&limit=200');
    expect(tierA.json().data.length).toBe(3); // 5 % of 60
    const prospects = await t.admin.get('/api/v1/contacts?filter[lifecycleState]=prospect&limit=200');
    expect(prospects.json().data.map((c: { id: string }) => c.id)).toContain(prospect);
    const alive = await t.admin.get('/api/v1/contacts?filter[pAlive][gte]=0.5&filter[rfmR][gte]=4&limit=200');
    for (const c of alive.json().data as { value: ValueCard }[])
      expect(c.value.pAlive).toBeGreaterThanOrEqual(0.5);
    // Paging by CLV runs through the customers with a value, then on into those without.
    const seen: { id: string; clv: number | null }[] = [];
    let cursor: string | null = null;
    do {
      const page = await t.admin.get(
        `/api/v1/contacts?sort=-clv&limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.statusCode).toBe(200);
      for (const c of page.json().data as { id: string; value: { clv: number | null } }[])
        seen.push({ id: c.id, clv: c.value.clv });
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(61);
    expect(new Set(seen.map((c) => c.id)).size).toBe(61);
    const valued = seen.filter((c) => c.clv !== null).map((c) => c.clv!);
    expect(valued).toHaveLength(60);
    expect([...valued].sort((a, b) => b - a)).toEqual(valued);
    expect(seen.at(-1)).toEqual({ id: prospect, clv: null });
    const bad = await t.admin.get('/api/v1/contacts?filter[clv][gt]=lots');
    expect(bad.statusCode).toBe(400);
  });

  it('puts value, orders and credit score in the 360° view, on cards and on the timeline', async () => {
    const top = (await t.admin.get('/api/v1/contacts?sort=-clv&limit=1')).json().data[0] as { id: string };
    const view = await t.admin.get(`/api/v1/contacts/${top.id}/360`);
    const body = view.data<{ value: ValueCard; orders: { number: string }[] }>();
    expect(body.value).toMatchObject({ tier: 'A', horizonMonths: 12, model: 'bgnbd' });
    expect(body.value.clv).toBeGreaterThan(0);
    expect(body.value.rfm.score).toMatch(/^[1-5]{3}$/);
    expect(body.orders.length).toBeGreaterThan(0);
    const timeline = await t.admin.get(`/api/v1/contacts/${top.id}/timeline?filter[kind][in]=order`);
    expect(timeline.json().data[0]).toMatchObject({ kind: 'order' });
    await t.admin.patch(`/api/v1/contacts/${top.id}`, { creditScore: 812 });
    const cards = (await t.admin.get('/api/v1/lookup?email=buyer0@example.com')).data<
      { tier: string | null; creditScore: number | null; currency: string }[]
    >();
    expect(cards[0]).toMatchObject({ currency: 'EUR' });
    const prospectView = (await t.admin.get(`/api/v1/contacts/${prospect}/360`)).data<{
      value: ValueCard;
      profile: { creditScore: number };
    }>();
    expect(prospectView.value.lifecycleState).toBe('prospect');
    expect(prospectView.profile.creditScore).toBe(640);
  });

  it('puts invoices on the timeline on their issue day, with amounts, payments and status', async () => {
    const buyer = contacts[5]!;
    const issuedOn = isoDay(new Date(today.getTime() - 3 * DAY));
    const dueOn = isoDay(new Date(today.getTime() - DAY));
    const inv = await t.admin.post('/api/v1/invoices', {
      contactId: buyer,
      currency: 'EUR',
      amount: 12_500,
      issuedOn,
      dueOn,
    });
    expect(inv.statusCode, inv.body).toBe(201);
    const id = inv.data<{ id: string }>().id;
    const paid = await t.admin.post(`/api/v1/invoices/${id}/payments`, {
      amount: 5000,
      paidAt: new Date().toISOString(),
    });
    expect(paid.statusCode, paid.body).toBe(201);
    const only = await t.admin.get(`/api/v1/contacts/${buyer}/timeline?filter[kind][in]=invoice`);
    expect(only.statusCode).toBe(200);
    expect(only.json().data).toEqual([
      expect.objectContaining({
        kind: 'invoice',
        id,
        occurredAt: `${issuedOn}T00:00:00.000Z`,
        amount: 12_500,
        paidAmount: 5000,
        outstanding: 7500,
        status: 'open',
        overdue: true,
      }),
    ]);
    // Among the orders, the invoice takes its place by its issue day.
    const mixed = (
      await t.admin.get(`/api/v1/contacts/${buyer}/timeline?filter[kind][in]=order,invoice&limit=100`)
    ).json().data as { kind: string; occurredAt: string }[];
    expect(mixed.filter((e) => e.kind === 'invoice')).toHaveLength(1);
    expect(mixed.some((e) => e.kind === 'order')).toBe(true);
    const times = mixed.map((e) => e.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    // The full timeline has it too; another customer's does not.
    const all = (await t.admin.get(`/api/v1/contacts/${buyer}/timeline?limit=100`)).json().data as {
      kind: string;
    }[];
    expect(all.filter((e) => e.kind === 'invoice')).toHaveLength(1);
    const other = await t.admin.get(`/api/v1/contacts/${contacts[6]}/timeline?filter[kind][in]=invoice`);
    expect(other.json().data).toEqual([]);
  });

  it('rescores a customer when an order arrives, with the stored model', async () => {
    const before = (await queued(VALUE_RESCORE_JOB)).length;
    const r = await t.admin.post('/api/v1/orders', {
      contactId: prospect,
      orderedAt: new Date().toISOString(),
      currency: 'EUR',
      lines: [{ unitPrice: 5000, quantity: 1 }],
    });
    expect(r.statusCode).toBe(201);
    const jobs = await queued(VALUE_RESCORE_JOB);
    expect(jobs.length).toBe(before + 1);
    const targets = jobs[jobs.length - 1]!.data.customers as { type: 'contact'; id: string }[];
    expect(targets).toEqual([{ type: 'contact', id: prospect }]);
    await t.services.value.rescore(targets);
    const v = (await t.admin.get(`/api/v1/contacts/${prospect}/360`)).data<{ value: ValueCard }>().value;
    expect(v.lifecycleState).toBe('new');
    expect(v.tier).not.toBeNull();
    expect(v.pAlive).toBe(1); // BG/NBD: no repeat purchase yet
    const history = await t.services.database.query<{ state: string; valid_to: string | null }>(
      `SELECT state, valid_to FROM lifecycle_history WHERE customer_id = $1`,
      [prospect],
    );
    expect(history).toEqual([{ state: 'new', valid_to: null }]);
  });
});

describe('flows, drivers and the value dashboard', () => {
  it('answers the flow matrix between two days with base flows', async () => {
    const from = isoDay(new Date(today.getTime() - 365 * DAY));
    const r = await t.admin.get(`/api/v1/flows?from=${from}&to=${isoDay(today)}`);
    expect(r.statusCode).toBe(200);
    const f = r.data<{
      cells: {
        from: string;
        to: string;
        customers: number;
        desired: boolean | null;
        baseFlow: string | null;
      }[];
      baseFlows: { baseFlow: string; desired: { customers: number } }[];
      customers: number;
    }>();
    expect(f.customers).toBe(61);
    const acquired = f.cells.filter(
      (c) => (c.from === 'prospect' || c.from === 'none') && c.to !== 'prospect',
    );
    expect(acquired.reduce((n, c) => n + c.customers, 0)).toBeGreaterThan(0);
    for (const c of acquired) expect(c.baseFlow).toBe('acquire');
    expect(f.baseFlows.map((b) => b.baseFlow)).toEqual(['acquire', 'retain_develop', 'win_back']);
    const bad = await t.admin.get(`/api/v1/flows?from=${isoDay(today)}&to=${from}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('to');
  });

  it('compares mean CLV by attribute with confidence intervals', async () => {
    const r = await t.admin.get('/api/v1/value/drivers?attribute=acquisitionChannel');
    const rows = r.data<{
      rows: { value: string; customers: number; meanClv: number; ciLow: number; ciHigh: number }[];
    }>().rows;
    // The prospect's first order came without a channel: its own group.
    expect(rows.map((x) => x.value)).toEqual(expect.arrayContaining(['store', 'web', null]));
    for (const row of rows.filter((x) => x.customers > 1)) {
      expect(row.ciLow).toBeLessThanOrEqual(row.meanClv);
      expect(row.ciHigh).toBeGreaterThanOrEqual(row.meanClv);
    }
    expect(rows.find((x) => x.value === null)).toMatchObject({ customers: 1, ciLow: null, ciHigh: null });
    expect((await t.admin.get('/api/v1/value/drivers?attribute=region')).statusCode).toBe(200);
    expect((await t.admin.get('/api/v1/value/drivers?attribute=shoeSize')).statusCode).toBe(400);
  });

  it('compares mean CLV by NPS category', async () => {
    // Every third buyer answered as a promoter, the next as a detractor; the rest never answered.
    const category = (i: number) => (i % 3 === 0 ? 'promoter' : i % 3 === 1 ? 'detractor' : null);
    for (const [i, id] of contacts.entries())
      if (category(i))
        await t.services.database.query('UPDATE contacts SET nps_category = $2 WHERE id = $1', [
          id,
          category(i),
        ]);
    const r = await t.admin.get('/api/v1/value/drivers?attribute=npsCategory');
    expect(r.statusCode).toBe(200);
    const rows = r.data<{
      attribute: string;
      rows: { value: string | null; customers: number; meanClv: number }[];
    }>();
    expect(rows.attribute).toBe('npsCategory');
    const clvs = await t.services.database.query<{ id: string; clv: number }>(
      `SELECT customer_id AS id, clv FROM customer_values WHERE customer_type = 'contact' AND clv IS NOT NULL`,
    );
    const expected = new Map<string | null, number[]>();
    for (const v of clvs) {
      const i = contacts.indexOf(v.id);
      const key = i < 0 ? null : category(i);
      expected.set(key, [...(expected.get(key) ?? []), Number(v.clv)]);
    }
    expect(rows.rows.map((x) => x.value).sort()).toEqual(['detractor', 'promoter', null].sort());
    for (const row of rows.rows) {
      const group = expected.get(row.value)!;
      expect(row.customers).toBe(group.length);
      expect(row.meanClv).toBe(Math.round(group.reduce((a, b) => a + b, 0) / group.length));
    }
  });

  it('summarises tiers, lifecycle states and the CLV distribution', async () => {
    const s = (await t.admin.get('/api/v1/value/summary')).data<{
      tiers: { key: string; customers: number }[];
      lifecycle: { state: string; customers: number }[];
      distribution: { customers: number; bins: { customers: number }[] };
      run: { status: string };
    }>();
    expect(s.run.status).toBe('succeeded');
    expect(s.tiers.map((x) => x.key)).toEqual(['A', 'B', 'C', 'D']);
    expect(s.tiers.reduce((n, x) => n + x.customers, 0)).toBe(61);
    expect(s.lifecycle.reduce((n, x) => n + x.customers, 0)).toBe(61);
    expect(s.distribution.bins.reduce((n, b) => n + b.customers, 0)).toBe(s.distribution.customers);
  });
});

describe('value settings and access', () => {
  it('lets the admin change tiers and refuses others and bad configurations', async () => {
    const got = await t.admin.get('/api/v1/value/settings');
    expect(got.data()).toMatchObject({ currency: 'EUR', model: 'bgnbd' });
    const etag = String(got.headers.etag);
    const first = await t.admin.patch('/api/v1/value/settings', { horizonMonths: 24 }, { 'if-match': etag });
    expect(first.statusCode).toBe(200);
    // A second admin saving over the first with the old version is told to reload.
    const stale = await t.admin.patch('/api/v1/value/settings', { horizonMonths: 6 }, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
    expect((await t.admin.get('/api/v1/value/settings')).data()).toMatchObject({ horizonMonths: 24 });
    await t.admin.patch('/api/v1/value/settings', { horizonMonths: 12 });
    const tiers = [
      { key: 'GOLD', label: 'Gold', topPercent: 10 },
      { key: 'REST', label: 'Everyone else', topPercent: null },
    ];
    const ok = await t.admin.patch('/api/v1/value/settings', { tiers, model: 'pnbd' });
    expect(ok.statusCode).toBe(200);
    expect(ok.data()).toMatchObject({ tiers, model: 'pnbd' });
    const bad = await t.admin.patch('/api/v1/value/settings', {
      tiers: [{ key: 'A', label: 'A', topPercent: 50 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('tiers.0.topPercent');
    const manager = await t.userClient('manager');
    expect((await manager.patch('/api/v1/value/settings', { holdoutDays: 30 })).statusCode).toBe(403);
    expect((await manager.get('/api/v1/value/summary')).statusCode).toBe(200);
    const ro = await t.userClient('read_only');
    expect((await ro.post('/api/v1/value/runs', {})).statusCode).toBe(403);
    expect((await t.admin.get('/api/v1/value/settings')).data()).toMatchObject({ holdoutDays: null });
  });

  it('runs the Pareto/NBD model when chosen and keeps tiers as configured', async () => {
    const run = await t.services.value.recomputeNow('contact', 'test');
    expect(run.status).toBe('succeeded');
    expect(run.model).toBe('pnbd');
    expect(Object.keys(run.params ?? {}).sort()).toEqual(['alpha', 'beta', 'r', 's']);
    const gold = await t.admin.get('/api/v1/contacts?filter[tier]=GOLD&limit=200');
    expect(gold.json().data.length).toBe(6); // 10 % of the 61 buyers, rounded
  });
});

describe('lifecycle history across runs', () => {
  it('closes a changed state and opens the new one on the run day; flows read it back', async () => {
    const later = (days: number) => new Date(today.getTime() + days * DAY);
    const at = (days: number) =>
      createValueService({ db: t.services.database.db, clock: () => later(days), jobs: t.services.jobs });
    const top = (await t.admin.get('/api/v1/contacts?sort=-clv&limit=1')).json().data[0] as { id: string };
    const rowsOf = () =>
      t.services.database.query<{ state: string; valid_from: string; valid_to: string | null }>(
        `SELECT state, valid_from::text, valid_to::text FROM lifecycle_history WHERE customer_id = $1 ORDER BY valid_from`,
        [top.id],
      );
    const before = await rowsOf();
    // Two years without a purchase: every buyer has lapsed.
    const run = await at(730).recomputeNow('contact', 'test');
    expect(run.status).toBe('succeeded');
    const after = await rowsOf();
    const lapseDay = isoDay(later(730));
    expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
    expect(after[before.length - 1]).toMatchObject({ state: before.at(-1)!.state, valid_to: lapseDay });
    expect(after.at(-1)).toEqual({ state: 'lapsed', valid_from: lapseDay, valid_to: null });
    const v = (await t.admin.get(`/api/v1/contacts/${top.id}/360`)).data<{
      value: ValueCard & { lifecycleSince: string };
    }>().value;
    expect(v).toMatchObject({ lifecycleState: 'lapsed', lifecycleSince: lapseDay });
    // Running again the same day changes nothing.
    await at(730).recomputeNow('contact', 'test');
    expect(await rowsOf()).toEqual(after);
    const flows = (await t.admin.get(`/api/v1/flows?from=${isoDay(today)}&to=${lapseDay}`)).data<{
      cells: { from: string; to: string; customers: number }[];
    }>();
    const toLapsed = flows.cells.filter((c) => c.to === 'lapsed').reduce((n, c) => n + c.customers, 0);
    expect(toLapsed).toBe(61);
    // A run for an earlier day (a clock set back) rewinds history to that day: one open row each.
    await at(0).recomputeNow('contact', 'test');
    expect(await rowsOf()).toEqual(before);
    const open = await t.services.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT customer_id FROM lifecycle_history WHERE valid_to IS NULL
       GROUP BY customer_id HAVING count(*) > 1) x`,
    );
    expect(open[0]!.n).toBe(0);
  });
});
