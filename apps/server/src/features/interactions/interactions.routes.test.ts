import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/app.ts';

type Interaction = {
  id: string;
  channel: string;
  initiative: string;
  outcome: string | null;
  accountId: string | null;
  notes: string;
  callbackTaskId?: string;
  version: number;
};
type Task = {
  id: string;
  title: string;
  type: string;
  dueAt: string;
  assigneeId: string;
  status: string;
  overdue: boolean;
  contactId: string;
};

let t: TestApp;
let agent: Client;
let contactId: string;
let accountId: string;
beforeAll(async () => {
  t = await createTestApp();
  const team = await t.team('Service');
  agent = await t.userClient('agent', team, 'Agent Smith');
  const contact = await agent.post('/api/v1/contacts', {
    firstName: 'Karin',
    lastName: 'Johansson',
    emails: [{ address: 'karin@kund.se' }],
    phones: [{ number: '+46 70 111 22 33' }],
  });
  contactId = contact.data<{ id: string }>().id;
  const account = await agent.post('/api/v1/accounts', { name: 'Kund AB', domain: 'kund.se' });
  accountId = account.data<{ id: string }>().id;
  await agent.post('/api/v1/relationships', {
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

describe('interactions', () => {
  it('logs an interaction with its outcome, inheriting the account and the initiative', async () => {
    const r = await agent.post('/api/v1/interactions', {
      channel: 'phone',
      direction: 'inbound',
      contactId,
      subject: 'Question about invoice',
      notes: '<p>Asked about <b>invoice 42</b><script>alert(1)</script><img src=x onerror=alert(1)></p>',
      outcome: 'reached',
      durationSeconds: 240,
      cost: 1500,
    });
    expect(r.statusCode).toBe(201);
    const i = r.data<Interaction>();
    expect(i.initiative).toBe('customer');
    expect(i.accountId).toBe(accountId);
    expect(i.notes).toBe('<p>Asked about <b>invoice 42</b></p>');
    const bad = await agent.post('/api/v1/interactions', {
      channel: 'email',
      direction: 'outbound',
      contactId,
      outcome: 'no_answer',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('outcome');
    const orphan = await agent.post('/api/v1/interactions', { channel: 'visit', direction: 'outbound' });
    expect(orphan.statusCode).toBe(400);
    const list = await agent.get(
      `/api/v1/interactions?filter[contactId][eq]=${contactId}&filter[channel][eq]=phone`,
    );
    expect((list.json().data as Interaction[]).map((x) => x.id)).toEqual([i.id]);
  });

  it('“callback requested” creates a callback task for the contact owner at the requested time', async () => {
    const callbackAt = '2030-05-01T09:30:00.000Z';
    const r = await agent.post('/api/v1/interactions', {
      channel: 'phone',
      direction: 'inbound',
      contactId,
      subject: 'Wants a call back',
      outcome: 'callback_requested',
      outcomeNote: 'after lunch',
      callbackAt,
    });
    expect(r.statusCode).toBe(201);
    const taskId = r.data<Interaction>().callbackTaskId!;
    const task = (await agent.get(`/api/v1/tasks/${taskId}`)).data<Task>();
    expect(task).toMatchObject({
      type: 'callback',
      dueAt: callbackAt,
      assigneeId: agent.userId,
      contactId,
      status: 'open',
    });
    expect(task.title).toContain('Karin Johansson');
    const mine = await agent.get('/api/v1/tasks?filter[assigneeId][eq]=me&filter[status][eq]=open');
    expect((mine.json().data as Task[]).map((x) => x.id)).toContain(taskId);
  });

  it('lists tasks: mine, overdue, completing sets completedAt', async () => {
    const past = await agent.post('/api/v1/tasks', {
      title: 'Send brochure',
      dueAt: '2020-01-01T10:00:00Z',
      contactId,
    });
    expect(past.statusCode).toBe(201);
    const id = past.data<Task>().id;
    expect(past.data<Task>().overdue).toBe(true);
    const overdue = await agent.get('/api/v1/tasks?filter[overdue][eq]=true');
    expect((overdue.json().data as Task[]).map((x) => x.id)).toEqual([id]);
    const done = await agent.patch(`/api/v1/tasks/${id}`, { status: 'done' }, { 'if-match': '"1"' });
    expect(done.data<Task & { completedAt: string }>().completedAt).not.toBeNull();
    expect((await agent.get('/api/v1/tasks?filter[overdue][eq]=true')).json().data).toEqual([]);
    const other = await t.userClient('agent', await t.team('Other'));
    expect((await other.patch(`/api/v1/tasks/${id}`, { title: 'x' })).statusCode).toBe(403);
  });

  it('keeps notes sanitised and shows everything on a keyset-paged timeline, newest first', async () => {
    const n = await agent.post('/api/v1/notes', {
      recordType: 'contact',
      recordId: contactId,
      body: '<a href="javascript:alert(1)">x</a> <a href="https://relata.dev">ok</a>',
    });
    expect(n.statusCode).toBe(201);
    const body = n.data<{ body: string }>().body;
    expect(body).not.toContain('javascript');
    expect(body).toContain(
      '<a href="https://relata.dev" rel="noopener noreferrer nofollow" target="_blank">ok</a>',
    );
    expect(
      (
        await agent.post('/api/v1/notes', {
          recordType: 'contact',
          recordId: contactId,
          body: '<script>x</script>',
        })
      ).statusCode,
    ).toBe(400);

    const all: { kind: string; occurredAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const res = await agent.get(
        `/api/v1/contacts/${contactId}/timeline?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.statusCode).toBe(200);
      const body = res.json() as { data: { kind: string; occurredAt: string }[]; nextCursor: string | null };
      all.push(...body.data);
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(all.map((x) => x.kind))).toEqual(new Set(['interaction', 'task', 'note', 'audit']));
    const times = all.map((x) => x.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    const interactionsOnly = await agent.get(
      `/api/v1/contacts/${contactId}/timeline?filter[outcome][in]=callback_requested`,
    );
    const items = interactionsOnly.json().data as (Interaction & { kind: string })[];
    expect(items.map((x) => [x.kind, x.outcome])).toEqual([['interaction', 'callback_requested']]);
    const acc = await agent.get(`/api/v1/accounts/${accountId}/timeline?filter[kind][in]=interaction`);
    expect((acc.json().data as unknown[]).length).toBe(2);
    expect(
      (await agent.get(`/api/v1/contacts/${contactId}/timeline?filter[kind][in]=email`)).statusCode,
    ).toBe(400);
  });

  it('returns the 360° view in one request', async () => {
    const r = await agent.get(`/api/v1/contacts/${contactId}/360`);
    expect(r.statusCode).toBe(200);
    const v = r.data<{
      profile: { id: string };
      relationships: { other: { name: string } }[];
      interactions: unknown[];
      openTasks: unknown[];
      value: { lifecycleState: string; tier: string | null };
      orders: unknown[];
      deals: unknown[];
    }>();
    expect(v.profile.id).toBe(contactId);
    expect(v.relationships.map((x) => x.other.name)).toEqual(['Kund AB']);
    expect(v.interactions.length).toBe(2);
    expect(v.openTasks.length).toBe(1);
    // No purchases yet: a prospect without a tier.
    expect(v.value).toMatchObject({ lifecycleState: 'prospect', tier: null });
    expect(v.orders).toEqual([]);
    expect(v.deals).toEqual([]);
    const a = await agent.get(`/api/v1/accounts/${accountId}/360`);
    expect(a.data<{ relationships: unknown[] }>().relationships.length).toBe(1);
  });

  it('looks customers up by phone in any format and by email', async () => {
    for (const phone of ['0701112233', '+46701112233', '070-111 22 33', '+46 (0)70 111 22 33']) {
      const r = await agent.get(`/api/v1/lookup?phone=${encodeURIComponent(phone)}`);
      expect(r.statusCode, phone).toBe(200);
      const cards = r.json().data as {
        type: string;
        id: string;
        title: string;
        accounts: { name: string }[];
        openTasks: number;
      }[];
      expect(
        cards.map((c) => c.id),
        phone,
      ).toEqual([contactId]);
      expect(cards[0]).toMatchObject({
        type: 'contact',
        title: 'Karin Johansson',
        accounts: [{ name: 'Kund AB' }],
        openTasks: 1,
      });
    }
    expect((await agent.get('/api/v1/lookup?email=KARIN@kund.se')).json().data.length).toBe(1);
    expect((await agent.get('/api/v1/lookup?phone=banana')).statusCode).toBe(400);
    expect((await agent.get('/api/v1/lookup')).statusCode).toBe(400);
  });

  it('searches contacts, accounts and interaction subjects, tolerating typos', async () => {
    const find = async (q: string) =>
      (await agent.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json().data as {
        type: string;
        title: string;
      }[];
    expect((await find('johanson')).map((h) => h.title)).toContain('Karin Johansson');
    expect((await find('070 111 2233')).map((h) => h.title)).toContain('Karin Johansson');
    expect((await find('+46 70 111 22 33')).map((h) => h.title)).toContain('Karin Johansson');
    const byPhone = await agent.get(`/api/v1/contacts?q=${encodeURIComponent('+46701112233')}`);
    expect((byPhone.json().data as { id: string }[]).map((c) => c.id)).toEqual([contactId]);
    expect((await find('kund.se')).map((h) => `${h.type}:${h.title}`)).toEqual(
      expect.arrayContaining(['account:Kund AB', 'contact:Karin Johansson']),
    );
    expect((await find('invoice')).map((h) => `${h.type}:${h.title}`)).toContain(
      'interaction:Question about invoice',
    );
    expect((await agent.get('/api/v1/search?q=a')).statusCode).toBe(400);
  });

  it('outcomes are admin-configurable', async () => {
    const list = await agent.get('/api/v1/outcomes');
    expect((list.json().data as { key: string }[]).map((o) => o.key)).toContain('callback_requested');
    expect((await agent.post('/api/v1/outcomes', { key: 'quoted', label: 'Quote sent' })).statusCode).toBe(
      403,
    );
    const made = await t.admin.post('/api/v1/outcomes', {
      key: 'quoted',
      label: 'Quote sent',
      channels: ['email', 'meeting'],
    });
    expect(made.statusCode).toBe(201);
    expect(
      (
        await agent.post('/api/v1/interactions', {
          channel: 'meeting',
          direction: 'outbound',
          contactId,
          outcome: 'quoted',
        })
      ).statusCode,
    ).toBe(201);
    expect((await t.admin.patch('/api/v1/outcomes/quoted', { active: false })).statusCode).toBe(200);
    expect(
      (
        await agent.post('/api/v1/interactions', {
          channel: 'meeting',
          direction: 'outbound',
          contactId,
          outcome: 'quoted',
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('task reminders', () => {
  it('the reminder job claims due reminders once and tells the assignee', async () => {
    const seen: string[] = [];
    const stop = t.services.events.subscribe(agent.userId, (e) =>
      seen.push(`${e.type}:${(e.data as { title: string }).title}`),
    );
    const r = await agent.post('/api/v1/tasks', {
      title: 'Ring Karin',
      dueAt: new Date(Date.now() + 600_000).toISOString(),
      reminderAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect(r.statusCode).toBe(201);
    expect(await t.services.tasks.sendDueReminders()).toBeGreaterThanOrEqual(1);
    expect(await t.services.tasks.sendDueReminders()).toBe(0);
    for (let i = 0; i < 50 && !seen.includes('task.reminder:Ring Karin'); i++)
      await new Promise((res) => setTimeout(res, 50));
    stop();
    expect(seen).toContain('task.reminder:Ring Karin');
    const late = await agent.post('/api/v1/tasks', {
      title: 'x',
      dueAt: '2030-01-01T00:00:00Z',
      reminderAt: '2030-02-01T00:00:00Z',
    });
    expect(late.statusCode).toBe(400);
  });
});
