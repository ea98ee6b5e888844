import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/app.ts';
import { accountWithContact, scoreCustomer } from '../../test/customers.ts';

let t: TestApp;
let anna: Client;
let sales: string;
let keyQueue: string;
const sql = <T>(text: string, values?: unknown[]) => t.services.database.query<T>(text, values);

beforeAll(async () => {
  t = await createTestApp();
  sales = await t.team('Sales');
  anna = await t.userClient('agent', sales, 'Anna Berg');
  keyQueue = (await t.admin.post('/api/v1/queues', { name: 'Key accounts' })).data<{ id: string }>().id;
});
afterAll(async () => {
  await t?.close();
});

type Rule = { id: string; name: string; position: number; version: number };
const keyAccounts = () => ({
  name: 'Key accounts',
  kinds: ['case', 'lead'],
  conditions: [
    { field: 'tier', op: 'eq', value: 'A' },
    { field: 'clv', op: 'gt', value: 1_000_000 },
  ],
  actions: { queueId: keyQueue, priority: 'high', assign: { to: 'account_manager' } },
});

describe('routing rules', () => {
  it('keeps ordered rules, pages them, reorders and refuses a stale write', async () => {
    const a = await t.admin.post('/api/v1/routing-rules', keyAccounts());
    expect(a.statusCode).toBe(201);
    expect(a.headers.etag).toBe('"1"');
    const b = await t.admin.post('/api/v1/routing-rules', {
      name: 'Disputes',
      match: 'any',
      conditions: [
        { field: 'keywords', op: 'in', value: ['refund', 'chargeback'] },
        { field: 'npsCategory', op: 'eq', value: 'detractor' },
      ],
      actions: { priority: 'urgent', tags: ['dispute'] },
    });
    const first = a.data<Rule>();
    const second = b.data<Rule>();
    expect(second.position).toBeGreaterThan(first.position);

    const page = await t.admin.get('/api/v1/routing-rules?limit=1');
    expect(page.json().data.map((r: Rule) => r.name)).toEqual(['Key accounts']);
    const next = await t.admin.get(`/api/v1/routing-rules?limit=1&cursor=${page.json().nextCursor}`);
    expect(next.json().data.map((r: Rule) => r.name)).toEqual(['Disputes']);

    const order = await t.admin.put('/api/v1/routing-rules/order', { ids: [second.id, first.id] });
    expect(order.statusCode).toBe(200);
    expect(order.data<Rule[]>().map((r) => r.name)).toEqual(['Disputes', 'Key accounts']);
    const partial = await t.admin.put('/api/v1/routing-rules/order', { ids: [first.id] });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().errors[0]).toMatchObject({ field: 'ids' });
    await t.admin.put('/api/v1/routing-rules/order', { ids: [first.id, second.id] });

    const stale = await t.admin.patch(
      `/api/v1/routing-rules/${first.id}`,
      { active: false },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    const renamed = await t.admin.patch(`/api/v1/routing-rules/${first.id}`, { name: 'Key accounts (A)' });
    expect(renamed.data<Rule>().name).toBe('Key accounts (A)');
    const audit = await sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE record_type = 'routing_rule' ORDER BY at`,
    );
    expect(audit.map((r) => r.action)).toEqual(['create', 'create', 'reorder', 'reorder', 'update']);
  });

  it('refuses conditions that cannot work, naming the field', async () => {
    const bad = await t.admin.post('/api/v1/routing-rules', {
      name: 'Broken',
      conditions: [{ field: 'clv', op: 'gt', value: 'lots' }],
      actions: { priority: 'high' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    expect(bad.json().errors[0].field).toBe('conditions.0.value');
    const noAction = await t.admin.post('/api/v1/routing-rules', { name: 'Nothing', actions: {} });
    expect(noAction.statusCode).toBe(400);
    const unknownField = await t.admin.post('/api/v1/routing-rules', {
      name: 'Sneaky',
      conditions: [{ field: 'password_hash', op: 'eq', value: 'x' }],
      actions: { priority: 'high' },
    });
    expect(unknownField.statusCode).toBe(400);
  });

  it('evaluates on the test bench without changing anything, and says why', async () => {
    const { accountId, contactId } = await accountWithContact(t, {
      account: 'Nordkap AB',
      ownerId: anna.userId,
    });
    await scoreCustomer(t, 'account', accountId, { tier: 'A', clv: 2_500_000 });
    const before = await sql<{ n: number }>('SELECT count(*)::int AS n FROM routing_decisions');
    const res = await anna.post('/api/v1/routing-rules/evaluate', {
      contactId,
      inquiry: { kind: 'case', channel: 'phone', subject: 'Delivery', text: 'Where is my order?' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.data()).toMatchObject({
      ruleName: 'Key accounts (A)',
      actions: { queueId: keyQueue, priority: 'high', assign: { to: 'account_manager' } },
      reason: 'routed to Key accounts, assigned to Anna Berg (account manager): tier A and CLV > 10 000 EUR',
      resolved: {
        assigneeId: anna.userId,
        queueName: 'Key accounts',
        priority: 'high',
        slaPolicyName: 'Key accounts',
      },
      customer: { known: true, tier: 'A', clv: 2_500_000, openCases: 0 },
    });
    // The dispute rule is second: a tier-A refund request still goes to key accounts.
    const refund = await anna.post('/api/v1/routing-rules/evaluate', {
      accountId,
      inquiry: { kind: 'case', subject: 'Refund', text: 'I want a refund' },
    });
    expect(refund.data<{ ruleName: string }>().ruleName).toBe('Key accounts (A)');
    const stranger = await anna.post('/api/v1/routing-rules/evaluate', {
      inquiry: { kind: 'interaction', channel: 'email', subject: 'Chargeback', text: '' },
    });
    expect(stranger.data()).toMatchObject({ ruleName: 'Disputes', reason: 'Disputes: mentions chargeback' });
    const ghost = await anna.post('/api/v1/routing-rules/evaluate', {
      contactId: crypto.randomUUID(),
      inquiry: { kind: 'case' },
    });
    expect(ghost.statusCode).toBe(400);
    expect(ghost.json().errors[0]).toMatchObject({ field: 'contactId', code: 'not_found' });
    const none = await anna.post('/api/v1/routing-rules/evaluate', {
      inquiry: { kind: 'lead', text: 'hello' },
    });
    expect(none.data()).toMatchObject({ ruleId: null, reason: 'no routing rule applied' });
    expect(await sql('SELECT count(*)::int AS n FROM routing_decisions')).toEqual(before);
  });

  it('takes round-robin turns within a team and records each decision', async () => {
    const support = await t.team('Support');
    const one = await t.userClient('agent', support, 'Ola');
    const two = await t.userClient('agent', support, 'Pia');
    const rule = await t.admin.post('/api/v1/routing-rules', {
      name: 'Web leads',
      kinds: ['lead'],
      conditions: [{ field: 'known', op: 'eq', value: false }],
      actions: { assign: { to: 'round_robin', teamId: support } },
    });
    expect(rule.statusCode).toBe(201);
    const ids = [];
    for (let i = 0; i < 3; i++) {
      const subject = crypto.randomUUID();
      const outcome = await t.services.database.db.transaction((tx) =>
        t.services.routing.route(tx, {
          subject: { type: 'lead', id: subject },
          inquiry: { kind: 'lead', channel: 'web_form', text: 'hello' },
        }),
      );
      ids.push(outcome.assigneeId);
      const decision = await t.services.routing.decisionFor(t.services.database.db, 'lead', subject);
      expect(decision).toMatchObject({ ruleName: 'Web leads', assigneeId: outcome.assigneeId });
    }
    const sorted = [one.userId, two.userId].sort();
    expect(ids).toEqual([sorted[0], sorted[1], sorted[0]]);
    // The bench shows whose turn is next without taking it.
    const peek = await t.admin.post('/api/v1/routing-rules/evaluate', { inquiry: { kind: 'lead' } });
    expect(peek.data<{ resolved: { assigneeId: string } }>().resolved.assigneeId).toBe(sorted[1]);
    const again = await t.admin.post('/api/v1/routing-rules/evaluate', { inquiry: { kind: 'lead' } });
    expect(again.data<{ resolved: { assigneeId: string } }>().resolved.assigneeId).toBe(sorted[1]);
  });

  it('keeps no decision for an interaction no rule touched, but does for a case', async () => {
    const route = (type: 'interaction' | 'case') =>
      t.services.database.db.transaction(async (tx) => {
        const id = crypto.randomUUID();
        await t.services.routing.route(tx, {
          subject: { type, id },
          inquiry: { kind: type, channel: 'email', subject: 'Hello', text: 'Just saying hi' },
        });
        return t.services.routing.decisionFor(tx, type, id);
      });
    expect(await route('interaction')).toBeNull();
    expect(await route('case')).toMatchObject({ ruleId: null, reason: 'no routing rule applied' });
  });

  it('places an unknown sender by the country and language the inquiry gives (territories)', async () => {
    const rule = await t.admin.post('/api/v1/routing-rules', {
      name: 'Norway',
      position: 1,
      kinds: ['lead'],
      conditions: [
        { field: 'country', op: 'eq', value: 'NO' },
        { field: 'language', op: 'in', value: ['nb', 'nn'] },
      ],
      actions: { assign: { to: 'user', userId: anna.userId } },
    });
    const res = await t.admin.post('/api/v1/routing-rules/evaluate', {
      inquiry: { kind: 'lead', country: 'no', language: 'nb', text: 'Hei' },
    });
    expect(res.data()).toMatchObject({
      ruleName: 'Norway',
      customer: { known: false, country: 'NO', language: 'nb' },
    });
    const swede = await t.admin.post('/api/v1/routing-rules/evaluate', {
      inquiry: { kind: 'lead', country: 'SE', language: 'sv' },
    });
    expect(swede.data<{ ruleName: string }>().ruleName).not.toBe('Norway');
    await t.admin.del(`/api/v1/routing-rules/${rule.data<Rule>().id}`);
  });

  it('lets agents read and test but only admins change rules; denied calls change nothing', async () => {
    const [rule] = (await t.admin.get('/api/v1/routing-rules')).data<Rule[]>();
    expect((await anna.get('/api/v1/routing-rules')).statusCode).toBe(200);
    expect((await anna.post('/api/v1/routing-rules', keyAccounts())).statusCode).toBe(403);
    expect((await anna.patch(`/api/v1/routing-rules/${rule!.id}`, { active: false })).statusCode).toBe(403);
    expect((await anna.del(`/api/v1/routing-rules/${rule!.id}`)).statusCode).toBe(403);
    expect((await anna.put('/api/v1/routing-rules/order', { ids: [rule!.id] })).statusCode).toBe(403);
    const manager = await t.userClient('manager');
    expect((await manager.post('/api/v1/routing-rules', keyAccounts())).statusCode).toBe(403);
    const key = await t.apiKeyClient(t.admin, ['read']);
    expect((await key.get('/api/v1/routing-rules')).statusCode).toBe(200);
    expect((await key.post('/api/v1/routing-rules', keyAccounts())).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/v1/routing-rules')).statusCode).toBe(401);
    expect(
      (await t.anonymous.post('/api/v1/routing-rules/evaluate', { inquiry: { kind: 'case' } })).statusCode,
    ).toBe(401);
    const after = (await t.admin.get(`/api/v1/routing-rules/${rule!.id}`)).data<Rule>();
    expect(after).toMatchObject({ version: rule!.version, name: rule!.name });
    const removed = await t.admin.del(`/api/v1/routing-rules/${rule!.id}`, {
      'if-match': `"${rule!.version}"`,
    });
    expect(removed.statusCode).toBe(204);
    expect((await t.admin.get(`/api/v1/routing-rules/${rule!.id}`)).statusCode).toBe(404);
  });
});
