import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';

type Stage = { id: string; name: string; kind: string; probability: number };
type Pipeline = { id: string; name: string; isDefault: boolean; stages: Stage[]; version: number };
type Deal = {
  id: string;
  name: string;
  stageId: string;
  pipelineId: string;
  status: string;
  amount: number;
  amountBase: number;
  currency: string;
  version: number;
  wonAt: string | null;
  lostAt: string | null;
  lostReasonId: string | null;
  account: { id: string; name: string } | null;
  owner: { id: string; name: string } | null;
  lines?: { lineTotal: number; description: string }[];
};

let t: TestApp;
let pipeline: Pipeline;
let accountId: string;
let contactId: string;
let reasonId: string;
const stage = (name: string) => pipeline.stages.find((s) => s.name === name)!;
const count = async (sql: string) => Number((await t.services.database.query<{ n: number }>(sql))[0]!.n);

beforeAll(async () => {
  t = await createTestApp();
  const list = await t.admin.get('/api/v1/pipelines');
  pipeline = list.json().data.find((p: Pipeline) => p.isDefault);
  accountId = (await t.admin.post('/api/v1/accounts', { name: 'Fjällräven Handel AB' })).data<{
    id: string;
  }>().id;
  contactId = (await t.admin.post('/api/v1/contacts', { firstName: 'Åsa', lastName: 'Öberg' })).data<{
    id: string;
  }>().id;
  reasonId = (await t.admin.get('/api/v1/lost-reasons'))
    .json()
    .data.find((r: { label: string }) => r.label === 'Price').id;
});
afterAll(async () => {
  await t?.close();
});

const newDeal = async (body: Record<string, unknown> = {}) => {
  const r = await t.admin.post('/api/v1/deals', { name: 'Coffee machines', amount: 100_000, ...body });
  expect(r.statusCode, r.body).toBe(201);
  return r.data<Deal>();
};

describe('pipelines', () => {
  it('has a default pipeline with ordered stages after migration', () => {
    expect(pipeline.stages.map((s) => [s.name, s.probability, s.kind])).toEqual([
      ['Qualification', 10, 'open'],
      ['Needs analysis', 25, 'open'],
      ['Proposal', 50, 'open'],
      ['Negotiation', 75, 'open'],
      ['Won', 100, 'won'],
      ['Lost', 0, 'lost'],
    ]);
  });

  it('creates a pipeline, renames, reorders, adds stages and refuses a bad one with field errors', async () => {
    const bad = await t.admin.post('/api/v1/pipelines', {
      name: 'Partners',
      stages: [
        { name: 'Talk', probability: 20 },
        { name: 'Won', probability: 90, kind: 'won' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'stages.1.probability',
      'stages',
    ]);
    const r = await t.admin.post('/api/v1/pipelines', {
      name: 'Partners',
      stages: [
        { name: 'Talk', probability: 20 },
        { name: 'Pilot', probability: 60 },
        { name: 'Signed', probability: 100, kind: 'won' },
        { name: 'Dropped', probability: 0, kind: 'lost' },
      ],
    });
    expect(r.statusCode).toBe(201);
    const p = r.data<Pipeline>();
    const [talk, pilot, signed, dropped] = p.stages;
    const patched = await t.admin.patch(
      `/api/v1/pipelines/${p.id}`,
      {
        name: 'Partner deals',
        stages: [
          { id: pilot!.id, name: 'Pilot run', probability: 60 },
          { id: talk!.id, name: 'Talk', probability: 20 },
          { name: 'Contract', probability: 80 },
          { id: signed!.id, name: 'Signed', probability: 100, kind: 'won' },
          { id: dropped!.id, name: 'Dropped', probability: 0, kind: 'lost' },
        ],
      },
      { 'if-match': '"1"' },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.data<Pipeline>().stages.map((s) => s.name)).toEqual([
      'Pilot run',
      'Talk',
      'Contract',
      'Signed',
      'Dropped',
    ]);
    const stale = await t.admin.patch(`/api/v1/pipelines/${p.id}`, { name: 'x' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    const dup = await t.admin.post('/api/v1/pipelines', {
      name: 'partner deals',
      stages: p.stages.map(({ name, probability, kind }) => ({ name, probability, kind })),
    });
    expect(dup.statusCode).toBe(409);
  });

  it('removes a stage only when its deals are moved, recording the move in their history', async () => {
    const p = (
      await t.admin.post('/api/v1/pipelines', {
        name: 'Renewals',
        stages: [
          { name: 'Due', probability: 30 },
          { name: 'Quoted', probability: 60 },
          { name: 'Renewed', probability: 100, kind: 'won' },
          { name: 'Churned', probability: 0, kind: 'lost' },
        ],
      })
    ).data<Pipeline>();
    const [due, quoted, renewed, churned] = p.stages;
    const deal = await newDeal({ pipelineId: p.id, stageId: quoted!.id, name: 'Renewal 2026' });
    const keep = [due, renewed, churned].map((s) => ({
      id: s!.id,
      name: s!.name,
      probability: s!.probability,
      kind: s!.kind,
    }));
    const blocked = await t.admin.patch(`/api/v1/pipelines/${p.id}`, { stages: keep });
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json().errors[0]).toMatchObject({ field: `stageMoves.${quoted!.id}`, code: 'required' });
    expect((await t.admin.get(`/api/v1/pipelines/${p.id}`)).data<Pipeline>().stages).toHaveLength(4);
    const ok = await t.admin.patch(`/api/v1/pipelines/${p.id}`, {
      stages: keep,
      stageMoves: { [quoted!.id]: due!.id },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const moved = (await t.admin.get(`/api/v1/deals/${deal.id}`)).data<Deal>();
    expect(moved.stageId).toBe(due!.id);
    const history = (await t.admin.get(`/api/v1/deals/${deal.id}/stage-history`)).json().data;
    expect(history.map((h: { toStageName: string }) => h.toStageName)).toEqual(['Quoted', 'Due']);
    const del = await t.admin.del(`/api/v1/pipelines/${p.id}`);
    expect(del.statusCode).toBe(409);
    expect((await t.admin.del(`/api/v1/pipelines/${pipeline.id}`)).statusCode).toBe(409);
  });

  it('keeps an admin-editable list of lost reasons', async () => {
    const r = await t.admin.post('/api/v1/lost-reasons', { label: 'Went with a partner', position: 9 });
    expect(r.statusCode).toBe(201);
    expect((await t.admin.post('/api/v1/lost-reasons', { label: 'went with a PARTNER' })).statusCode).toBe(
      409,
    );
    const agent = await t.userClient('agent');
    expect((await agent.post('/api/v1/lost-reasons', { label: 'Nope' })).statusCode).toBe(403);
    expect((await agent.get('/api/v1/lost-reasons')).statusCode).toBe(200);
    const id = r.data<{ id: string }>().id;
    const off = await t.admin.patch(`/api/v1/lost-reasons/${id}`, { active: false }, { 'if-match': '"1"' });
    expect(off.data()).toMatchObject({ active: false, version: 2 });
  });
});

describe('deals', () => {
  it('creates a deal in the first stage of the default pipeline with lines from the catalogue', async () => {
    const product = (
      await t.admin.post('/api/v1/products', {
        sku: 'ESP-1',
        name: 'Espresso machine',
        price: 49_900,
        currency: 'EUR',
      })
    ).data<{ id: string }>();
    const r = await t.admin.post('/api/v1/deals', {
      name: 'Office espresso',
      contactId,
      expectedCloseDate: '2026-05-20',
      lines: [
        { productId: product.id, quantity: 2, discountPercent: 10 },
        { description: 'Installation', quantity: 1, unitPrice: 15_000 },
      ],
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.headers.etag).toBe('"1"');
    const d = r.data<Deal>();
    expect(d).toMatchObject({
      pipelineId: pipeline.id,
      stageId: stage('Qualification').id,
      status: 'open',
      amount: 89_820 + 15_000,
      currency: 'EUR',
      amountBase: 104_820,
    });
    expect(d.lines!.map((l) => [l.description, l.lineTotal])).toEqual([
      ['Espresso machine', 89_820],
      ['Installation', 15_000],
    ]);
    const audit = await count(
      `SELECT count(*)::int AS n FROM audit_log WHERE record_id = '${d.id}' AND action = 'create'`,
    );
    expect(audit).toBe(1);
  });

  it('refuses bad input with per-field problems, never a 500', async () => {
    const r = await t.admin.post('/api/v1/deals', {
      name: '',
      amount: 12.5,
      stageId: 'nope',
      expectedCloseDate: '2026-13-40',
    });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(
      r
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['amount', 'expectedCloseDate', 'name', 'stageId']);
    const foreign = await t.admin.post('/api/v1/deals', { name: 'X', currency: 'SEK', amount: 100 });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0]).toMatchObject({ field: 'exchangeRate', code: 'required' });
    const sek = await newDeal({ name: 'Swedish', currency: 'SEK', amount: 100_000, exchangeRate: 0.0875 });
    expect(sek.amountBase).toBe(8_750);
    const missing = await t.admin.post('/api/v1/deals', {
      name: 'X',
      accountId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.json().errors[0]).toMatchObject({ field: 'accountId', code: 'not_found' });
  });

  it('lists with filters, sorts and keyset pages', async () => {
    const tag = `page-${Date.now()}`;
    for (let i = 0; i < 5; i++) await newDeal({ name: `${tag} ${i}`, amount: 1000 * (i + 1), accountId });
    const first = await t.admin.get(`/api/v1/deals?q=${tag}&sort=-amount&limit=2`);
    expect(first.statusCode).toBe(200);
    const a = first.json();
    expect(a.data.map((d: Deal) => d.amount)).toEqual([5000, 4000]);
    expect(a.data[0].account).toEqual({ id: accountId, name: 'Fjällräven Handel AB' });
    const second = await t.admin.get(`/api/v1/deals?q=${tag}&sort=-amount&limit=2&cursor=${a.nextCursor}`);
    expect(second.json().data.map((d: Deal) => d.amount)).toEqual([3000, 2000]);
    const filtered = await t.admin.get(
      `/api/v1/deals?q=${tag}&filter[amount][gte]=3000&filter[accountId]=${accountId}&filter[status]=open`,
    );
    expect(filtered.json().data).toHaveLength(3);
    const bad = await t.admin.get('/api/v1/deals?filter[secret][eq]=1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_filter');
  });

  it('moves a deal: history with who and when, lost reason required on a lost stage, won/lost dates', async () => {
    const d = await newDeal({ name: 'Movable' });
    const moved = await t.admin.post(`/api/v1/deals/${d.id}/move`, { stageId: stage('Proposal').id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.data<Deal>()).toMatchObject({ stageId: stage('Proposal').id, version: 2 });
    const noReason = await t.admin.post(`/api/v1/deals/${d.id}/move`, { stageId: stage('Lost').id });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ field: 'lostReasonId', code: 'required' });
    const lost = await t.admin.post(
      `/api/v1/deals/${d.id}/move`,
      { stageId: stage('Lost').id, lostReasonId: reasonId, lostNote: 'Cheaper elsewhere' },
      { 'if-match': '"2"' },
    );
    expect(lost.statusCode).toBe(200);
    expect(lost.data<Deal>()).toMatchObject({ status: 'lost', lostReasonId: reasonId });
    expect(lost.data<Deal>().lostAt).not.toBeNull();
    const stale = await t.admin.post(
      `/api/v1/deals/${d.id}/move`,
      { stageId: stage('Won').id },
      { 'if-match': '"2"' },
    );
    expect(stale.statusCode).toBe(412);
    expect((await t.admin.get(`/api/v1/deals/${d.id}`)).data<Deal>().status).toBe('lost');
    const won = await t.admin.post(`/api/v1/deals/${d.id}/move`, { stageId: stage('Won').id });
    expect(won.data<Deal>()).toMatchObject({ status: 'won', lostAt: null, lostReasonId: null });
    const h = (await t.admin.get(`/api/v1/deals/${d.id}/stage-history?limit=2`)).json();
    expect(h.data.map((x: { toStageName: string }) => x.toStageName)).toEqual(['Qualification', 'Proposal']);
    expect(h.data[0]).toMatchObject({ fromStageName: null, movedBy: { id: t.admin.userId } });
    expect(h.data[0].leftAt).toBe(h.data[1].movedAt);
    const rest = (
      await t.admin.get(`/api/v1/deals/${d.id}/stage-history?limit=2&cursor=${h.nextCursor}`)
    ).json();
    expect(rest.data.map((x: { toStageName: string }) => x.toStageName)).toEqual(['Lost', 'Won']);
    expect(rest.nextCursor).toBeNull();
  });

  it('places a card at a position within a column', async () => {
    const col = stage('Needs analysis').id;
    const ids: string[] = [];
    for (const n of ['A', 'B', 'C']) {
      const x = await newDeal({ name: `Order ${n}`, stageId: col });
      ids.unshift(x.id); // new deals go on top
    }
    const mover = await newDeal({ name: 'Order D' });
    await t.admin.post(`/api/v1/deals/${mover.id}/move`, { stageId: col, position: 2 });
    const column = await t.admin.get(`/api/v1/deals?filter[stageId]=${col}&sort=rank&limit=10`);
    expect(column.json().data.map((x: Deal) => x.name)).toEqual(['Order C', 'Order B', 'Order D', 'Order A']);
  });

  it('concurrent moves of one deal apply one after the other', async () => {
    const d = await newDeal({ name: 'Contested' });
    const [a, b] = await Promise.all([
      t.admin.post(`/api/v1/deals/${d.id}/move`, { stageId: stage('Proposal').id }, { 'if-match': '"1"' }),
      t.admin.post(`/api/v1/deals/${d.id}/move`, { stageId: stage('Negotiation').id }, { 'if-match': '"1"' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
    const history = (await t.admin.get(`/api/v1/deals/${d.id}/stage-history`)).json().data;
    expect(history).toHaveLength(2);
  });

  it('updates and deletes with If-Match, writing audit rows', async () => {
    const d = await newDeal({ name: 'Editable' });
    const ok = await t.admin.patch(
      `/api/v1/deals/${d.id}`,
      { amount: 250_000, accountId },
      { 'if-match': '"1"' },
    );
    expect(ok.data<Deal>()).toMatchObject({ amount: 250_000, amountBase: 250_000, version: 2 });
    const stale = await t.admin.patch(`/api/v1/deals/${d.id}`, { amount: 1 }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect((await t.admin.get(`/api/v1/deals/${d.id}`)).data<Deal>().amount).toBe(250_000);
    expect((await t.admin.del(`/api/v1/deals/${d.id}`, { 'if-match': '"2"' })).statusCode).toBe(204);
    expect((await t.admin.get(`/api/v1/deals/${d.id}`)).statusCode).toBe(404);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE record_id = '${d.id}'`)).toBe(3);
  });
});
