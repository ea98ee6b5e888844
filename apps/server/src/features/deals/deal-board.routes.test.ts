/** The board, the forecast, activity on a deal, and open deals on the 360° view and screen pop. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';

type Stage = { id: string; name: string; kind: string; probability: number };
type Column = Stage & {
  count: number;
  amount: number;
  weighted: number;
  deals: {
    id: string;
    name: string;
    daysInStage: number;
    account: { name: string } | null;
    owner: { name: string } | null;
  }[];
  nextCursor: string | null;
};

let t: TestApp;
let pipelineId: string;
let stages: Stage[];
let accountId: string;
let contactId: string;
const stage = (name: string) => stages.find((s) => s.name === name)!;

beforeAll(async () => {
  t = await createTestApp();
  // A pipeline of its own, so other tests' deals do not count.
  const p = (
    await t.admin.post('/api/v1/pipelines', {
      name: 'Board test',
      stages: [
        { name: 'Lead', probability: 10 },
        { name: 'Offer', probability: 50 },
        { name: 'Closing', probability: 75 },
        { name: 'Won', probability: 100, kind: 'won' },
        { name: 'Lost', probability: 0, kind: 'lost' },
      ],
    })
  ).data<{ id: string; stages: Stage[] }>();
  pipelineId = p.id;
  stages = p.stages;
  accountId = (await t.admin.post('/api/v1/accounts', { name: 'Nordlys Kaffe AS' })).data<{ id: string }>()
    .id;
  contactId = (
    await t.admin.post('/api/v1/contacts', {
      firstName: 'Ola',
      lastName: 'Nordmann',
      phones: [{ number: '+4791234567', primary: true }],
    })
  ).data<{ id: string }>().id;
});
afterAll(async () => {
  await t?.close();
});

const deal = async (name: string, stageName: string, amount: number, extra: Record<string, unknown> = {}) => {
  const r = await t.admin.post('/api/v1/deals', { name, stageId: stage(stageName).id, amount, ...extra });
  expect(r.statusCode, r.body).toBe(201);
  return r.data<{ id: string; version: number }>();
};

describe('board', () => {
  it('sums count, amount and weighted amount per stage and pages the cards of each column', async () => {
    for (let i = 0; i < 3; i++) await deal(`Lead ${i}`, 'Lead', 10_001, { accountId });
    await deal('Offer A', 'Offer', 40_000, { contactId });
    await deal('Offer B', 'Offer', 20_000, { currency: 'NOK', exchangeRate: 0.5 }); // 10 000 base
    const res = await t.admin.get(`/api/v1/pipelines/${pipelineId}/board?limit=2`);
    expect(res.statusCode, res.body).toBe(200);
    const board = res.data<{
      stages: Column[];
      totals: { open: { count: number; amount: number; weighted: number } };
    }>();
    const lead = board.stages.find((s) => s.name === 'Lead')!;
    expect(lead).toMatchObject({ count: 3, amount: 30_003, weighted: 3_000 }); // 3 000.3 → 3 000
    expect(lead.deals).toHaveLength(2);
    expect(lead.deals[0]).toMatchObject({
      account: { name: 'Nordlys Kaffe AS' },
      owner: { name: expect.any(String) },
      daysInStage: 0,
    });
    expect(lead.nextCursor).not.toBeNull();
    const offer = board.stages.find((s) => s.name === 'Offer')!;
    expect(offer).toMatchObject({ count: 2, amount: 50_000, weighted: 25_000, nextCursor: null });
    expect(board.totals.open).toEqual({ count: 5, amount: 80_003, weighted: 28_000 });
    expect(board.stages.find((s) => s.name === 'Won')).toMatchObject({ count: 0, amount: 0, deals: [] });
    // The column's cursor continues in the deals list.
    const more = await t.admin.get(
      `/api/v1/deals?filter[stageId]=${lead.id}&sort=rank&limit=2&cursor=${lead.nextCursor}`,
    );
    expect(more.statusCode, more.body).toBe(200);
    const rest = more.json().data.map((d: { id: string }) => d.id);
    expect(rest).toHaveLength(1);
    expect(lead.deals.map((d) => d.id)).not.toContain(rest[0]);
  });

  it('keeps the sums right through moves, amount changes and deletes', async () => {
    const d = await deal('Mover', 'Lead', 5_000);
    await t.admin.post(`/api/v1/deals/${d.id}/move`, { stageId: stage('Closing').id });
    await t.admin.patch(`/api/v1/deals/${d.id}`, { amount: 8_000 });
    let board = (await t.admin.get(`/api/v1/pipelines/${pipelineId}/board`)).data<{ stages: Column[] }>();
    expect(board.stages.find((s) => s.name === 'Closing')).toMatchObject({
      count: 1,
      amount: 8_000,
      weighted: 6_000,
    });
    await t.admin.del(`/api/v1/deals/${d.id}`);
    board = (await t.admin.get(`/api/v1/pipelines/${pipelineId}/board`)).data<{ stages: Column[] }>();
    expect(board.stages.find((s) => s.name === 'Closing')).toMatchObject({ count: 0, amount: 0 });
    // The kept totals equal a fresh count.
    const fresh = await t.services.database.query<{ stage_id: string; n: number; amount: string }>(
      `SELECT stage_id, count(*)::int AS n, sum(amount_base)::text AS amount FROM deals GROUP BY stage_id`,
    );
    const kept = await t.services.database.query<{ stage_id: string; deals: number; amount_base: number }>(
      'SELECT stage_id, deals::int AS deals, amount_base::text AS amount_base FROM deal_stage_totals WHERE deals <> 0',
    );
    expect(kept.map((k) => [k.stage_id, Number(k.deals), Number(k.amount_base)]).sort()).toEqual(
      fresh.map((f) => [f.stage_id, Number(f.n), Number(f.amount)]).sort(),
    );
  });

  it('filters the board to an owner; agents only see deals their role lets them read', async () => {
    const agent = await t.userClient('agent');
    const own = await agent.post('/api/v1/deals', {
      name: 'Mine',
      stageId: stage('Offer').id,
      amount: 1_000,
    });
    expect(own.statusCode).toBe(201);
    const mine = (await agent.get(`/api/v1/pipelines/${pipelineId}/board?ownerId=me`)).data<{
      stages: Column[];
    }>();
    expect(mine.stages.flatMap((s) => s.deals.map((d) => d.name))).toEqual(['Mine']);
    expect(mine.stages.find((s) => s.name === 'Offer')).toMatchObject({
      count: 1,
      amount: 1_000,
      weighted: 500,
    });
    expect((await t.anonymous.get(`/api/v1/pipelines/${pipelineId}/board`)).statusCode).toBe(401);
    expect(
      (await t.admin.get('/api/v1/pipelines/00000000-0000-4000-8000-000000000000/board')).statusCode,
    ).toBe(404);
  });
});

describe('forecast', () => {
  it('weights open deals by stage probability, by close month and owner, in the company currency', async () => {
    const p = (
      await t.admin.post('/api/v1/pipelines', {
        name: 'Forecast test',
        stages: [
          { name: 'Early', probability: 20 },
          { name: 'Late', probability: 80 },
          { name: 'Won', probability: 100, kind: 'won' },
          { name: 'Lost', probability: 0, kind: 'lost' },
        ],
      })
    ).data<{ id: string; stages: Stage[] }>();
    const [early, late, won] = p.stages;
    const agent = await t.userClient('agent', null, 'Forecast Agent');
    const mk = (
      c: typeof t.admin,
      stageId: string,
      amount: number,
      expectedCloseDate: string | null,
      extra = {},
    ) => c.post('/api/v1/deals', { name: 'F', stageId, amount, expectedCloseDate, ...extra });
    await mk(t.admin, early!.id, 100_000, '2031-01-15');
    await mk(t.admin, late!.id, 50_000, '2031-01-31');
    await mk(t.admin, late!.id, 20_000, '2031-03-01', { currency: 'SEK', exchangeRate: 0.1 }); // 2 000 base
    await mk(agent, early!.id, 30_000, '2031-02-10');
    await mk(t.admin, won!.id, 999_999, '2031-01-20'); // won: not forecast
    await mk(t.admin, early!.id, 70_000, null); // undated
    await mk(t.admin, early!.id, 70_000, '2032-01-01'); // outside the range
    const r = await t.admin.get(`/api/v1/deals/forecast?pipelineId=${p.id}&from=2031-01&to=2031-03`);
    expect(r.statusCode, r.body).toBe(200);
    const f = r.data<{
      currency: string;
      months: { month: string; count: number; amount: number; weighted: number }[];
      owners: { ownerId: string; ownerName: string; weighted: number }[];
      totals: { count: number; amount: number; weighted: number };
      undated: { count: number; weighted: number };
    }>();
    expect(f.currency).toBe('EUR');
    expect(f.months).toEqual([
      { month: '2031-01', count: 2, amount: 150_000, weighted: 20_000 + 40_000 },
      { month: '2031-02', count: 1, amount: 30_000, weighted: 6_000 },
      { month: '2031-03', count: 1, amount: 2_000, weighted: 1_600 },
    ]);
    expect(f.totals).toEqual({ count: 4, amount: 182_000, weighted: 67_600 });
    expect(f.undated).toMatchObject({ count: 1, weighted: 14_000 });
    expect(f.owners.map((o) => [o.ownerName, o.weighted])).toEqual(
      [
        ['Administrator', 61_600],
        ['Forecast Agent', 6_000],
      ].map(([n, w]) => [n === 'Administrator' ? expect.any(String) : n, w]),
    );
    const mine = (
      await agent.get(`/api/v1/deals/forecast?pipelineId=${p.id}&from=2031-01&to=2031-03&ownerId=me`)
    ).data<{
      totals: { weighted: number };
    }>();
    expect(mine.totals.weighted).toBe(6_000);
    const bad = await t.admin.get('/api/v1/deals/forecast?from=2031-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('from');
  });
});

describe('activity on deals', () => {
  it('logs a call on a deal; a callback outcome creates a callback task linked to the deal', async () => {
    const d = await deal('Callback deal', 'Offer', 10_000, { contactId });
    const r = await t.admin.post('/api/v1/interactions', {
      channel: 'phone',
      direction: 'outbound',
      contactId,
      dealId: d.id,
      subject: 'Pricing call',
      outcome: 'callback_requested',
      callbackAt: '2031-05-02T09:00:00Z',
    });
    expect(r.statusCode, r.body).toBe(201);
    const call = r.data<{ id: string; dealId: string; callbackTaskId: string }>();
    expect(call.dealId).toBe(d.id);
    const task = (await t.admin.get(`/api/v1/tasks/${call.callbackTaskId}`)).data<{
      type: string;
      dealId: string;
      dueAt: string;
    }>();
    expect(task).toMatchObject({ type: 'callback', dealId: d.id, dueAt: '2031-05-02T09:00:00.000Z' });
    const onDeal = await t.admin.get(`/api/v1/interactions?filter[dealId]=${d.id}`);
    expect(onDeal.json().data.map((i: { id: string }) => i.id)).toEqual([call.id]);
    const tasks = await t.admin.get(`/api/v1/tasks?filter[dealId]=${d.id}`);
    expect(tasks.json().data.map((x: { id: string }) => x.id)).toEqual([call.callbackTaskId]);
    const missing = await t.admin.post('/api/v1/interactions', {
      channel: 'phone',
      direction: 'outbound',
      contactId,
      dealId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toMatchObject({ field: 'dealId', code: 'not_found' });
  });

  it('shows open deals on the 360° view of the contact and the account, and on the screen pop card', async () => {
    const d = await deal('Visible deal', 'Closing', 12_345, {
      contactId,
      accountId,
      expectedCloseDate: '2031-06-30',
    });
    const closed = await deal('Closed deal', 'Won', 1, { contactId });
    const view = (await t.admin.get(`/api/v1/contacts/${contactId}/360`)).data<{
      deals: { id: string; name: string; stage: { name: string }; amount: number }[];
    }>();
    const ids = view.deals.map((x) => x.id);
    expect(ids).toContain(d.id);
    expect(ids).not.toContain(closed.id);
    expect(view.deals.find((x) => x.id === d.id)).toMatchObject({
      stage: { name: 'Closing' },
      amount: 12_345,
    });
    const acc = (await t.admin.get(`/api/v1/accounts/${accountId}/360`)).data<{ deals: { id: string }[] }>();
    expect(acc.deals.map((x) => x.id)).toContain(d.id);
    const cards = (await t.admin.get('/api/v1/lookup?phone=%2B4791234567')).data<
      { openDeals: { id: string }[] }[]
    >();
    expect(cards[0]!.openDeals.map((x) => x.id)).toContain(d.id);
  });
});
