import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/app.ts';
import { accountWithContact, scoreCustomer } from '../../test/customers.ts';

// Monday 7 December 2026, 09:00 in Stockholm: the default calendar is open 08–17 on weekdays.
let now = new Date('2026-12-07T08:00:00Z');
const at = (iso: string) => {
  now = new Date(iso);
};
let t: TestApp;
let anna: Client;
let bo: Client;
let keyQueue: string;
let customer: { accountId: string; contactId: string };
const sql = <T>(text: string, values?: unknown[]) => t.services.database.query<T>(text, values);

type Case = {
  id: string;
  teamId: string | null;
  number: string;
  status: string;
  priority: string;
  queueId: string | null;
  assigneeId: string | null;
  version: number;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  sla: {
    firstResponse: { state: string; dueAt: string | null; metAt: string | null };
    resolution: { state: string; dueAt: string | null; pausedMinutes: number };
  };
  routing?: { ruleName: string; reason: string } | null;
};

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  const support = await t.team('Support');
  anna = await t.userClient('agent', support, 'Anna Berg');
  bo = await t.userClient('agent', await t.team('Field'), 'Bo Ek');
  keyQueue = (await t.admin.post('/api/v1/queues', { name: 'Key accounts', teamId: support })).data<{
    id: string;
  }>().id;
  await t.admin.post('/api/v1/routing-rules', {
    name: 'Key accounts',
    kinds: ['case'],
    conditions: [
      { field: 'tier', op: 'eq', value: 'A' },
      { field: 'clv', op: 'gt', value: 1_000_000 },
    ],
    actions: { queueId: keyQueue, priority: 'high', assign: { to: 'account_manager' } },
  });
  customer = await accountWithContact(t, { account: 'Nordkap AB', ownerId: anna.userId });
  await scoreCustomer(t, 'account', customer.accountId, { tier: 'A', clv: 4_800_000 });
});
afterAll(async () => {
  await t?.close();
});

describe('cases', () => {
  it('routes a new case by the customer value and times it on business hours', async () => {
    at('2026-12-07T15:30:00Z'); // Monday 16:30, half an hour before closing
    const res = await bo.post('/api/v1/cases', {
      subject: 'Fridge stopped cooling',
      description: 'Since this morning',
      channel: 'phone',
      contactId: customer.contactId,
    });
    expect(res.statusCode).toBe(201);
    const c = res.data<Case>();
    expect(c).toMatchObject({
      number: 'CS-000001',
      status: 'new',
      priority: 'high',
      queueId: keyQueue,
      assigneeId: anna.userId,
      // Key accounts policy (tier A): high = 60 min first response, 540 min resolution.
      firstResponseDueAt: '2026-12-08T07:30:00.000Z', // Tuesday 08:30
      resolutionDueAt: '2026-12-08T15:30:00.000Z', // Tuesday 16:30
      routing: {
        ruleName: 'Key accounts',
        reason:
          'routed to Key accounts, assigned to Anna Berg (account manager): tier A and CLV > 10 000 EUR',
      },
      dispute: false,
    });
    expect(c.sla.firstResponse.state).toBe('running');
    const policy = await sql<{ name: string }>(
      `SELECT p.name FROM cases k JOIN sla_policies p ON p.id = k.sla_policy_id WHERE k.id = $1`,
      [c.id],
    );
    expect(policy).toEqual([{ name: 'Key accounts' }]);
    // A customer without value gets the standard policy and normal priority.
    const other = await accountWithContact(t, { account: 'Småföretaget' });
    const plain = (
      await bo.post('/api/v1/cases', { subject: 'Manual', contactId: other.contactId, priority: 'low' })
    ).data<Case>();
    expect(plain).toMatchObject({ priority: 'low', queueId: null, assigneeId: null });
    expect(plain.routing).toMatchObject({ ruleName: null, reason: 'no routing rule applied' });
    expect(plain.resolutionDueAt).not.toBeNull();
  });

  it('stops the first-response clock at the first reply, pauses resolution while waiting on the customer', async () => {
    at('2026-12-08T07:00:00Z'); // Tuesday 08:00
    const c = (await anna.get('/api/v1/cases?filter[number][eq]=CS-000001')).json().data[0] as Case;
    const reply = await anna.post('/api/v1/interactions', {
      channel: 'email',
      direction: 'outbound',
      subject: 'Re: Fridge stopped cooling',
      contactId: customer.contactId,
      caseId: c.id,
    });
    expect(reply.statusCode).toBe(201);
    const replied = (await anna.get(`/api/v1/cases/${c.id}`)).data<Case>();
    expect(replied.status).toBe('open');
    expect(replied.sla.firstResponse).toMatchObject({ state: 'met', metAt: '2026-12-08T07:00:00.000Z' });
    const onCase = await anna.get(`/api/v1/interactions?filter[caseId][eq]=${c.id}`);
    expect(onCase.json().data).toHaveLength(1);

    const pending = await anna.patch(
      `/api/v1/cases/${c.id}`,
      { status: 'pending' },
      { 'if-match': `"${replied.version}"` },
    );
    expect(pending.data<Case>().sla.resolution.state).toBe('paused');
    at('2026-12-09T07:00:00Z'); // Wednesday 08:00: waited 9 business hours (Tue 08–17)
    const back = (await anna.patch(`/api/v1/cases/${c.id}`, { status: 'open' })).data<Case>();
    expect(back.sla.resolution.pausedMinutes).toBe(540);
    expect(back.resolutionDueAt).toBe('2026-12-09T15:30:00.000Z'); // a business day later
    // Raising the priority recomputes the clocks from when the case was opened.
    const urgent = (await anna.patch(`/api/v1/cases/${c.id}`, { priority: 'urgent' })).data<Case>();
    // urgent: 240 min resolution + 540 waited, from Monday 16:30.
    expect(urgent.resolutionDueAt).toBe('2026-12-09T10:30:00.000Z');
    expect(urgent.sla.resolution.state).toBe('running');
  });

  it('moves through statuses: solved may reopen, closed is final', async () => {
    const c = (await anna.get('/api/v1/cases?filter[number][eq]=CS-000001')).json().data[0] as Case;
    const solved = (await anna.patch(`/api/v1/cases/${c.id}`, { status: 'solved' })).data<Case>();
    expect(solved.sla.resolution.state).toBe('met');
    const reopened = (await anna.patch(`/api/v1/cases/${c.id}`, { status: 'open' })).data<Case>();
    expect(reopened.sla.resolution.state).toBe('running');
    const wrong = await anna.patch(`/api/v1/cases/${c.id}`, { status: 'new' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().errors[0]).toMatchObject({ field: 'status', code: 'invalid_transition' });
    await anna.patch(`/api/v1/cases/${c.id}`, { status: 'closed' });
    const after = await anna.patch(`/api/v1/cases/${c.id}`, { subject: 'changed' });
    expect(after.statusCode).toBe(409);
    const audit = await sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE record_id = $1 ORDER BY at`,
      [c.id],
    );
    expect(audit.length).toBeGreaterThanOrEqual(6);
  });

  it('lists the queue by the next deadline, filters and pages', async () => {
    at('2026-12-10T08:00:00Z');
    for (const [i, priority] of (['low', 'urgent', 'normal'] as const).entries()) {
      const r = await anna.post('/api/v1/cases', {
        subject: `Queue case ${i}`,
        accountId: customer.accountId,
        priority,
        queueId: keyQueue,
      });
      expect(r.statusCode).toBe(201);
    }
    const queue = await anna.get(
      `/api/v1/cases?filter[queueId][eq]=${keyQueue}&filter[open][eq]=true&limit=2`,
    );
    const first = queue.json().data as Case[];
    expect(first.map((c) => c.priority)).toEqual(['urgent', 'normal']);
    const rest = await anna.get(
      `/api/v1/cases?filter[queueId][eq]=${keyQueue}&filter[open][eq]=true&limit=2&cursor=${queue.json().nextCursor}`,
    );
    expect((rest.json().data as Case[]).map((c) => c.priority)).toEqual(['low']);
    const byPriority = await anna.get('/api/v1/cases?sort=-priorityRank&filter[open][eq]=true');
    expect((byPriority.json().data as Case[])[0]!.priority).toBe('urgent');
    const mine = await anna.get('/api/v1/cases?filter[assigneeId][eq]=me');
    expect(mine.statusCode).toBe(200);
    const search = await anna.get('/api/v1/cases?q=queue case 2');
    expect((search.json().data as Case[]).map((c) => c.priority)).toEqual(['normal']);
    const bad = await anna.get('/api/v1/cases?filter[password][eq]=x');
    expect(bad.statusCode).toBe(400);
  });

  it('shows open cases in the 360° view and on screen-pop cards', async () => {
    const view = (await anna.get(`/api/v1/accounts/${customer.accountId}/360`)).data<{
      cases: { number: string; priority: string; slaState: string }[];
    }>();
    expect(view.cases.map((c) => c.priority)).toEqual(['urgent', 'normal', 'low']);
    expect(view.cases[0]!.slaState).toBe('running');
    const person = (await anna.get(`/api/v1/contacts/${customer.contactId}/360`)).data<{
      cases: unknown[];
    }>();
    expect(person.cases).toEqual([]); // CS-000001, the contact's case, is closed
    const caller = await accountWithContact(t, { account: 'Pop AB', email: 'pop@example.com' });
    await anna.post('/api/v1/cases', { subject: 'Another', contactId: caller.contactId });
    const cards = (await anna.get('/api/v1/lookup?email=pop@example.com')).data<{ openCases: number }[]>();
    expect(cards.map((c) => c.openCases)).toEqual([1]);
    const readOnly = await t.userClient('read_only');
    const seen = (await readOnly.get(`/api/v1/contacts/${caller.contactId}/360`)).data<{
      cases: { subject: string }[];
    }>();
    expect(seen.cases.map((c) => c.subject)).toEqual(['Another']);
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const before = await sql<{ n: number }>('SELECT count(*)::int AS n FROM cases');
    const cases = [
      [{ subject: '' }, 'subject'],
      [{ subject: 'x', contactId: crypto.randomUUID() }, 'contactId'],
      [{ subject: 'x', queueId: crypto.randomUUID() }, 'queueId'],
      [{ subject: 'x', priority: 'critical' }, 'priority'],
      [{ subject: 'x', status: 'closed' }, 'status'],
      [{ subject: 'x', assigneeId: 'nobody' }, 'assigneeId'],
    ] as const;
    for (const [body, field] of cases) {
      const r = await anna.post('/api/v1/cases', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await sql('SELECT count(*)::int AS n FROM cases')).toEqual(before);
  });

  it('measures SLA compliance per priority and queue', async () => {
    at('2026-12-14T08:00:00Z');
    const report = await anna.get('/api/v1/cases/sla-report?from=2026-12-01&to=2026-12-31&groupBy=queue');
    expect(report.statusCode).toBe(200);
    const data = report.data<{
      groups: { label: string | null; cases: number; firstResponse: { met: number; missed: number } }[];
      total: { cases: number; firstResponse: { met: number; missed: number; compliance: number } };
    }>();
    const key = data.groups.find((g) => g.label === 'Key accounts')!;
    expect(key.cases).toBe(4);
    // CS-000001 was answered in time; the three queue cases have had no reply and are past due.
    expect(key.firstResponse).toMatchObject({ met: 1, missed: 3 });
    expect(data.total.cases).toBe(6);
    const bad = await anna.get('/api/v1/cases/sla-report?from=2026-12-31&to=2026-12-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('to');
  });

  it('authorises every call: other teams read, do not change; denied calls change nothing', async () => {
    const c = (await anna.get(`/api/v1/cases?filter[queueId][eq]=${keyQueue}&limit=1`)).json()
      .data[0] as Case;
    expect((await bo.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(200);
    expect((await bo.patch(`/api/v1/cases/${c.id}`, { priority: 'low' })).statusCode).toBe(403);
    expect((await bo.del(`/api/v1/cases/${c.id}`)).statusCode).toBe(403);
    expect((await anna.patch(`/api/v1/cases/${c.id}`, { assigneeId: bo.userId })).statusCode).toBe(403);
    const viewer = await t.userClient('read_only');
    expect((await viewer.post('/api/v1/cases', { subject: 'x' })).statusCode).toBe(403);
    const key = await t.apiKeyClient(t.admin, ['read']);
    expect((await key.get('/api/v1/cases')).statusCode).toBe(200);
    expect((await key.post('/api/v1/cases', { subject: 'x' })).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/v1/cases')).statusCode).toBe(401);
    expect((await t.anonymous.get('/api/v1/cases/sla-report?from=2026-12-01&to=2026-12-31')).statusCode).toBe(
      401,
    );
    const unchanged = (await anna.get(`/api/v1/cases/${c.id}`)).data<Case>();
    expect(unchanged).toMatchObject({ version: c.version, priority: c.priority });
    // A teammate in the queue's team may work it.
    const teammate = await t.userClient('agent', c.teamId, 'Cai');
    const worked = await teammate.patch(`/api/v1/cases/${c.id}`, { tags: ['called'] });
    expect(worked.statusCode).toBe(200);
    // A manager may hand a case to someone else.
    const manager = await t.userClient('manager');
    const moved = await manager.patch(`/api/v1/cases/${c.id}`, { assigneeId: bo.userId });
    expect(moved.data<Case>().assigneeId).toBe(bo.userId);
  });
});
