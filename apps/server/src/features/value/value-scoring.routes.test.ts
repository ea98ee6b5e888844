import { defaultLifecycleConfig, type LifecycleConfig } from '@relata/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { VALUE_RESCORE_JOB } from './value-job-names.ts';

let t: TestApp;
const DAY = 86_400_000;
const today = new Date();
const ago = (days: number) => new Date(today.getTime() - days * DAY).toISOString();
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

type Value = {
  tier: string | null;
  clv: number | null;
  pAlive: number | null;
  historicalValue: number;
  lifecycleState: string;
  lifecycleSince: string;
};
const ids: Record<string, string> = {};
const order = (externalId: string, contact: string, daysAgo: number, unitPrice: number, quantity = 1) => ({
  externalId,
  contactId: ids[contact],
  orderedAt: ago(daysAgo),
  currency: 'EUR',
  status: 'fulfilled',
  lines: [{ description: 'Beans', quantity, unitPrice }],
});
const customerValue = async (contact: string) =>
  (await t.admin.get(`/api/v1/contacts/${ids[contact]}/360`)).data<{ value: Value }>().value;
const rescoreJobs = () =>
  t.services.database.query<{ data: { customers: { type: 'contact' | 'account'; id: string }[] } }>(
    `SELECT data FROM pgboss.job WHERE name = $1 ORDER BY created_on`,
    [VALUE_RESCORE_JOB],
  );

/**
 * Twelve buyers whose first purchase lies within 90 days (so the default rules call them all
 * `new`), with 1–4 purchases each, and a prospect.
 */
beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['ann', 'bo', 'cy', 'prospect', ...Array.from({ length: 9 }, (_, i) => `x${i}`)])
    ids[name] = (await t.admin.post('/api/v1/contacts', { firstName: name, lastName: 'Rules' })).data<{
      id: string;
    }>().id;
  const records = [
    order('ann-1', 'ann', 80, 3000),
    order('ann-2', 'ann', 50, 3500),
    order('ann-3', 'ann', 20, 4000),
    order('bo-1', 'bo', 85, 2000),
    order('bo-2', 'bo', 45, 2500),
    order('cy-1', 'cy', 10, 5000),
    ...Array.from({ length: 9 }, (_, i) =>
      Array.from({ length: 1 + (i % 4) }, (_, k) =>
        order(`x${i}-${k}`, `x${i}`, 88 - i - 25 * k, 1000 + 700 * i),
      ),
    ).flat(),
  ];
  const r = await t.admin.post('/api/v1/orders/bulk', { records });
  expect(r.statusCode, r.body).toBe(200);
  const run = await t.services.value.recomputeNow('contact', 'test');
  expect(run.status).toBe('succeeded');
  expect(run.unscoredCustomers).toBe(0);
});
afterAll(async () => {
  await t?.close();
});

describe('rescoring after an ERP feed', () => {
  it('queues one rescore for the customers a bulk upsert changed, which rescores them', async () => {
    expect(await customerValue('prospect')).toMatchObject({ lifecycleState: 'prospect', clv: null });
    expect((await customerValue('cy')).historicalValue).toBe(5000);
    const before = (await rescoreJobs()).length;
    const batch = [
      order('p-1', 'prospect', 2, 4200), // new
      order('cy-1', 'cy', 10, 5000, 3), // three instead of one
      order('ann-3', 'ann', 20, 4000), // as before
    ];
    const r = await t.admin.post('/api/v1/orders/bulk', { records: batch });
    expect(r.data()).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    const jobs = await rescoreJobs();
    expect(jobs).toHaveLength(before + 1);
    const targets = jobs.at(-1)!.data.customers;
    expect(targets).toHaveLength(2);
    expect(targets).toEqual(
      expect.arrayContaining([
        { type: 'contact', id: ids.prospect },
        { type: 'contact', id: ids.cy },
      ]),
    );
    expect(await t.services.value.rescore(targets)).toBe(2);
    const p = await customerValue('prospect');
    expect(p).toMatchObject({ lifecycleState: 'new', historicalValue: 4200 });
    expect(p.tier).not.toBeNull();
    expect(p.clv).toBeGreaterThan(0);
    expect((await customerValue('cy')).historicalValue).toBe(15_000);
    // The same feed again changes nothing and rescores no one.
    const again = await t.admin.post('/api/v1/orders/bulk', { records: batch });
    expect(again.data()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await rescoreJobs()).toHaveLength(before + 1);
  });

  it('leaves a customer unscored when the stored model cannot predict it, instead of failing', async () => {
    // A Pareto/NBD model with β/α = 10^8: a single purchase a few days old is out of the reach
    // of its series (see docs/clv.md), while the customer keeps a lifecycle state.
    await t.services.database.query(
      `UPDATE value_model_runs SET model = 'pnbd', params = '{"r":1,"alpha":0.001,"s":1,"beta":100000}'
       WHERE id = (SELECT id FROM value_model_runs WHERE status = 'succeeded' ORDER BY created_at DESC LIMIT 1)`,
    );
    ids.dee = (await t.admin.post('/api/v1/contacts', { firstName: 'Dee', lastName: 'Rules' })).data<{
      id: string;
    }>().id;
    const r = await t.admin.post('/api/v1/orders', order('dee-1', 'dee', 3, 2500));
    expect(r.statusCode, r.body).toBe(201);
    expect(await t.services.value.rescore([{ type: 'contact', id: ids.dee! }])).toBe(1);
    expect(await customerValue('dee')).toMatchObject({
      clv: null,
      pAlive: null,
      tier: null,
      lifecycleState: 'new',
      historicalValue: 2500,
    });
    const listed = (await t.admin.get(`/api/v1/contacts?filter[lastName]=Rules&sort=-clv&limit=50`)).json()
      .data as { id: string; value: Value | null }[];
    expect(listed.find((c) => c.id === ids.dee)!.value).toMatchObject({ clv: null, tier: null });
  });
});

describe('lifecycle rules from the settings', () => {
  const rules: LifecycleConfig = {
    windowDays: 90,
    fallback: 'new',
    rules: [
      { state: 'prospect', when: [{ metric: 'purchases', op: 'eq', value: 0 }] },
      { state: 'developing', when: [{ metric: 'purchases', op: 'gte', value: 3 }] },
      { state: 'at_risk', when: [{ metric: 'daysSinceLastPurchase', op: 'gt', value: 30 }] },
    ],
  };

  it('saves rules with If-Match, refuses bad ones, and the next recompute applies them', async () => {
    const states = async () =>
      Object.fromEntries(
        await Promise.all(['ann', 'bo', 'cy'].map(async (k) => [k, (await customerValue(k)).lifecycleState])),
      );
    expect(await states()).toEqual({ ann: 'new', bo: 'new', cy: 'new' });
    const got = await t.admin.get('/api/v1/value/settings');
    const etag = String(got.headers.etag);
    const bad = await t.admin.patch(
      '/api/v1/value/settings',
      { lifecycle: { ...rules, rules: [{ state: 'vip', when: [] }] } },
      { 'if-match': etag },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0].field).toBe('lifecycle.rules.0.state');
    const saved = await t.admin.patch('/api/v1/value/settings', { lifecycle: rules }, { 'if-match': etag });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.data()).toMatchObject({ lifecycle: rules });
    expect(saved.headers.etag).not.toBe(etag);
    // Saved, but nothing changes until the next run.
    expect((await t.admin.get('/api/v1/value/settings')).data()).toMatchObject({ lifecycle: rules });
    expect(await states()).toEqual({ ann: 'new', bo: 'new', cy: 'new' });

    const queued = await t.admin.post('/api/v1/value/runs', { customerType: 'contact' });
    expect(queued.statusCode).toBe(202);
    const run = await t.services.value.executeQueued(queued.data<{ id: string }>().id);
    expect(run.status).toBe('succeeded');
    // Ann: 3 purchases → developing. Bo: last purchase 45 days ago → at risk. Cy: neither → fallback.
    expect(await states()).toEqual({ ann: 'developing', bo: 'at_risk', cy: 'new' });
    const ann = await customerValue('ann');
    expect(ann.lifecycleSince).toBe(isoDay(today));
    const yesterday = isoDay(new Date(today.getTime() - DAY));
    const flows = (await t.admin.get(`/api/v1/flows?from=${yesterday}&to=${isoDay(today)}`)).data<{
      cells: { from: string; to: string; customers: number }[];
    }>();
    const cell = (from: string, to: string) =>
      flows.cells.find((c) => c.from === from && c.to === to)?.customers ?? 0;
    expect(cell('new', 'developing')).toBeGreaterThanOrEqual(1);
    expect(cell('new', 'at_risk')).toBeGreaterThanOrEqual(1);

    // Back to the default rules: the next run puts them back.
    const current = String((await t.admin.get('/api/v1/value/settings')).headers.etag);
    const reset = await t.admin.patch(
      '/api/v1/value/settings',
      { lifecycle: defaultLifecycleConfig },
      { 'if-match': current },
    );
    expect(reset.statusCode).toBe(200);
    await t.services.value.recomputeNow('contact', 'test');
    expect(await states()).toEqual({ ann: 'new', bo: 'new', cy: 'new' });
  });
});

describe('LTV drivers of accounts', () => {
  it('groups accounts by the NPS category most of their contacts gave, a tie as passive', async () => {
    const accounts: string[] = [];
    const records: unknown[] = [];
    for (let i = 0; i < 8; i++) {
      const a = await t.admin.post('/api/v1/accounts', { name: `Account ${i}` });
      expect(a.statusCode, a.body).toBe(201);
      accounts.push(a.data<{ id: string }>().id);
      for (let k = 0; k <= i % 4; k++)
        records.push({
          externalId: `acc-${i}-${k}`,
          accountId: accounts[i],
          orderedAt: ago(300 - 40 * i - 60 * k),
          currency: 'EUR',
          status: 'fulfilled',
          lines: [{ description: 'Service', quantity: 1, unitPrice: 10_000 + 1000 * i }],
        });
    }
    expect((await t.admin.post('/api/v1/orders/bulk', { records })).statusCode).toBe(200);
    const run = await t.services.value.recomputeNow('account', 'test');
    expect(run.status).toBe('succeeded');
    // [promoters, passives, detractors] of each account's contacts, as survey answers count them.
    const counts: [number, number, number][] = [
      [2, 0, 0], // promoter
      [3, 1, 1], // promoter
      [1, 1, 1], // passive: a tie
      [1, 0, 1], // passive: a tie
      [0, 2, 1], // passive
      [0, 0, 1], // detractor
      [0, 0, 0], // no answers
      [0, 0, 0],
    ];
    for (const [i, [p, n, d]] of counts.entries())
      await t.services.database.query(
        'UPDATE accounts SET nps_promoters = $2, nps_passives = $3, nps_detractors = $4 WHERE id = $1',
        [accounts[i], p, n, d],
      );
    const r = await t.admin.get('/api/v1/value/drivers?attribute=npsCategory&customerType=account');
    expect(r.statusCode).toBe(200);
    const rows = r.data<{ rows: { value: string | null; customers: number }[] }>().rows;
    const valued = await t.services.database.query<{ id: string }>(
      `SELECT customer_id AS id FROM customer_values WHERE customer_type = 'account' AND clv IS NOT NULL`,
    );
    expect(valued).toHaveLength(8);
    expect(Object.fromEntries(rows.map((x) => [String(x.value), x.customers]))).toEqual({
      promoter: 2,
      passive: 3,
      detractor: 1,
      null: 2,
    });
    const bad = await t.admin.get('/api/v1/value/drivers?attribute=npsScore&customerType=account');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
  });
});
