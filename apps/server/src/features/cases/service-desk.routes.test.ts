import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../test/app.ts';
import { accountWithContact } from '../../test/customers.ts';

// Monday 7 December 2026, 09:00 in Stockholm.
let now = new Date('2026-12-07T08:00:00Z');
const at = (iso: string) => {
  now = new Date(iso);
};
let t: TestApp;
let anna: Client;
let lead: Client;
let queue: string;
const sql = <T>(text: string, values?: unknown[]) => t.services.database.query<T>(text, values);

type Case = {
  id: string;
  number: string;
  dispute: boolean;
  disputeReason: string | null;
  disputeId: string | null;
};
type Dispute = { id: string; status: string; reason: string; ownerId: string | null; version: number };

beforeAll(async () => {
  t = await createTestApp({ clock: () => now, publicUrl: 'https://crm.example.com' });
  const support = await t.team('Support');
  anna = await t.userClient('agent', support, 'Anna Berg');
  lead = await t.userClient('manager', support, 'Lea Lind');
  queue = (
    await t.admin.post('/api/v1/queues', { name: 'Support', teamId: support, escalationUserId: lead.userId })
  ).data<{ id: string }>().id;
  // Every case to the support queue, for Anna.
  await t.admin.post('/api/v1/routing-rules', {
    name: 'Support',
    actions: { queueId: queue, assign: { to: 'user', userId: anna.userId } },
  });
});
afterAll(async () => {
  await t?.close();
});

const inbound = (contactId: string, subject: string, notes = '') =>
  t.admin.post('/api/v1/interactions', { channel: 'email', direction: 'inbound', contactId, subject, notes });

describe('disputes', () => {
  it('flags a case that mentions a refund, with its reason, status and owner', async () => {
    const { contactId } = await accountWithContact(t, { account: 'Arga Bolaget' });
    const c = (
      await anna.post('/api/v1/cases', {
        subject: 'Broken on arrival',
        description: 'I want my money back or I file a chargeback',
        contactId,
      })
    ).data<Case>();
    expect(c).toMatchObject({ dispute: true, disputeReason: 'mentions chargeback, money back' });
    const list = await anna.get('/api/v1/cases?filter[dispute][eq]=true');
    expect(list.json().data.map((x: Case) => x.id)).toEqual([c.id]);
    const d = (await anna.get(`/api/v1/disputes/${c.disputeId}`)).data<Dispute>();
    expect(d).toMatchObject({
      status: 'open',
      ownerId: anna.userId,
      customer: { type: 'contact', id: contactId },
    });
    const moved = await anna.patch(
      `/api/v1/disputes/${d.id}`,
      { status: 'resolved', resolution: 'Refunded in full' },
      { 'if-match': `"${d.version}"` },
    );
    expect(moved.data<Dispute & { resolvedAt: string }>()).toMatchObject({
      status: 'resolved',
      resolvedAt: now.toISOString(),
    });
    const nobody = await t.admin.patch(`/api/v1/disputes/${d.id}`, { ownerId: crypto.randomUUID() });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().errors[0]).toMatchObject({ field: 'ownerId', code: 'not_found' });
    const stale = await anna.patch(
      `/api/v1/disputes/${d.id}`,
      { status: 'open' },
      { 'if-match': `"${d.version}"` },
    );
    expect(stale.statusCode).toBe(412);
    const bad = await anna.patch(`/api/v1/disputes/${d.id}`, { status: 'closed' });
    expect(bad.statusCode).toBe(400);
    // A reply logged on the case alone is with the case's customer.
    const reply = await anna.post('/api/v1/interactions', {
      channel: 'phone',
      direction: 'outbound',
      caseId: c.id,
      subject: 'Called back',
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.data()).toMatchObject({ contactId, caseId: c.id });
    const nowhere = await anna.post('/api/v1/interactions', { channel: 'phone', direction: 'outbound' });
    expect(nowhere.statusCode).toBe(400);
    const noCase = await anna.post('/api/v1/interactions', {
      channel: 'phone',
      direction: 'outbound',
      caseId: crypto.randomUUID(),
    });
    expect(noCase.statusCode).toBe(400);
    expect(noCase.json().errors[0]).toMatchObject({ field: 'caseId', code: 'not_found' });
    // An inbound mail on the same case does not raise a second dispute.
    await t.admin.post('/api/v1/interactions', {
      channel: 'email',
      direction: 'inbound',
      contactId,
      caseId: c.id,
      subject: 'Refund?',
    });
    expect(await sql('SELECT count(*)::int AS n FROM disputes WHERE case_id = $1', [c.id])).toEqual([
      { n: 1 },
    ]);
  });

  it('flags inbound interactions: keywords in any language, recent detractors, repeated contact', async () => {
    const { contactId } = await accountWithContact(t, { account: 'Kund AB' });
    const quiet = (await inbound(contactId, 'Leveranstid?', '<p>När kommer min order?</p>')).data<{
      id: string;
    }>();
    expect(await sql('SELECT reason FROM disputes WHERE interaction_id = $1', [quiet.id])).toEqual([]);
    const angry = (await inbound(contactId, 'Reklamation', '<p>Jag vill ha återbetalning</p>')).data<{
      id: string;
    }>();
    expect(await sql('SELECT reason FROM disputes WHERE interaction_id = $1', [angry.id])).toEqual([
      { reason: 'mentions återbetalning, reklamation' },
    ]);
    const third = (await inbound(contactId, 'Hej igen')).data<{ id: string }>();
    expect(await sql('SELECT reason FROM disputes WHERE interaction_id = $1', [third.id])).toEqual([
      { reason: '3 contacts in 7 days' },
    ]);
    const other = await accountWithContact(t, { account: 'Missnöjd AB' });
    await sql(
      `UPDATE contacts SET nps_score = 2, nps_category = 'detractor', nps_answered_at = $2 WHERE id = $1`,
      [other.contactId, new Date(now.getTime() - 3 * 86_400_000)],
    );
    const fromDetractor = (await inbound(other.contactId, 'Question')).data<{ id: string }>();
    expect(await sql('SELECT reason FROM disputes WHERE interaction_id = $1', [fromDetractor.id])).toEqual([
      { reason: 'NPS detractor (2)' },
    ]);
    // The inbound interaction was routed too, and given an owner.
    const decision = await sql<{ rule_name: string; reason: string }>(
      `SELECT rule_name, reason FROM routing_decisions WHERE subject_type = 'interaction' AND subject_id = $1`,
      [fromDetractor.id],
    );
    expect(decision).toEqual([
      { rule_name: 'Support', reason: 'routed to Support, assigned to Anna Berg: every inquiry' },
    ]);
    const list = await anna.get('/api/v1/disputes?filter[status][eq]=open&limit=2');
    expect(list.json().data).toHaveLength(2);
    expect(list.json().nextCursor).not.toBeNull();
  });

  it('can be switched off and tuned in the service settings (admin, If-Match)', async () => {
    const s = await t.admin.get('/api/v1/service-settings');
    expect(s.data()).toMatchObject({ csatSurveyId: null, disputes: { enabled: true, repeatCount: 3 } });
    expect((await anna.patch('/api/v1/service-settings', { disputes: { enabled: false } })).statusCode).toBe(
      403,
    );
    const off = await t.admin.patch(
      '/api/v1/service-settings',
      { disputes: { keywords: ['fraud'], repeatCount: 0 } },
      { 'if-match': s.headers.etag as string },
    );
    expect(off.statusCode).toBe(200);
    expect(off.data()).toMatchObject({ disputes: { keywords: ['fraud'], repeatCount: 0, enabled: true } });
    const stale = await t.admin.patch(
      '/api/v1/service-settings',
      { csatSurveyId: null },
      { 'if-match': s.headers.etag as string },
    );
    expect(stale.statusCode).toBe(412);
    const noSurvey = await t.admin.patch('/api/v1/service-settings', { csatSurveyId: crypto.randomUUID() });
    expect(noSurvey.statusCode).toBe(400);
    const { contactId } = await accountWithContact(t, { account: 'Lugn AB' });
    const calm = (await inbound(contactId, 'refund', 'refund refund')).data<{ id: string }>();
    expect(await sql('SELECT 1 FROM disputes WHERE interaction_id = $1', [calm.id])).toEqual([]);
    await t.admin.patch('/api/v1/service-settings', { disputes: { keywords: ['refund'], repeatCount: 3 } });
  });
});

describe('SLA escalation', () => {
  it('warns the assignee before the breach and escalates to the queue at the breach, once each', async () => {
    at('2026-12-08T07:00:00Z'); // Tuesday 08:00
    const { contactId } = await accountWithContact(t, { account: 'Väntande AB' });
    const c = (
      await anna.post('/api/v1/cases', { subject: 'No heat', contactId, priority: 'urgent' })
    ).data<Case>();
    // Standard policy, urgent: first response in 60 business minutes, warning at 75 %.
    const tasks = () =>
      sql<{ type: string; assignee_id: string; title: string }>(
        `SELECT type, assignee_id, title FROM tasks WHERE case_id = $1 ORDER BY created_at, type`,
        [c.id],
      );
    const types = async () => (await tasks()).map((x) => x.type);
    at('2026-12-08T07:30:00Z');
    await t.services.caseJobs.escalate();
    expect(await tasks()).toEqual([]);
    at('2026-12-08T07:46:00Z');
    await t.services.caseJobs.escalate();
    await t.services.caseJobs.escalate();
    expect(await tasks()).toEqual([
      { type: 'sla_warning', assignee_id: anna.userId, title: `SLA at risk: ${c.number} first response due` },
    ]);
    at('2026-12-08T08:01:00Z');
    const run = await t.services.caseJobs.escalate();
    expect(run.breached).toBeGreaterThanOrEqual(1);
    await t.services.caseJobs.escalate();
    expect(await types()).toEqual(['sla_warning', 'sla_breach', 'sla_breach']);
    const after = await tasks();
    expect(
      after
        .filter((x) => x.type === 'sla_breach')
        .map((x) => x.assignee_id)
        .sort(),
    ).toEqual([anna.userId, lead.userId].sort());
    const view = (await anna.get(`/api/v1/cases/${c.id}`)).data<{
      sla: { firstResponse: { state: string }; escalationLevel: number };
    }>();
    expect(view.sla).toMatchObject({ firstResponse: { state: 'breached' }, escalationLevel: 1 });
    const audit = await sql<{ action: string; actor_name: string }>(
      `SELECT action, actor_name FROM audit_log WHERE record_id = $1 AND action = 'escalate'`,
      [c.id],
    );
    expect(audit).toEqual([{ action: 'escalate', actor_name: 'SLA escalation' }]);
    const breached = await anna.get('/api/v1/cases?filter[breached][eq]=true');
    expect(breached.json().data.map((x: Case) => x.id)).toContain(c.id);
  });

  it('does not count the time a case waits on the customer', async () => {
    at('2026-12-09T07:00:00Z'); // Wednesday 08:00
    const { contactId } = await accountWithContact(t, { account: 'Pausad AB' });
    const c = (
      await anna.post('/api/v1/cases', { subject: 'Paused', contactId, priority: 'urgent' })
    ).data<Case>();
    await anna.post('/api/v1/interactions', {
      channel: 'email',
      direction: 'outbound',
      contactId,
      caseId: c.id,
      subject: 'Could you send a photo?',
    });
    await anna.patch(`/api/v1/cases/${c.id}`, { status: 'pending' });
    at('2026-12-10T15:00:00Z'); // far past the 540-minute resolution target
    await t.services.caseJobs.escalate();
    expect(await sql(`SELECT 1 FROM tasks WHERE case_id = $1`, [c.id])).toEqual([]);
  });
});

describe('CSAT', () => {
  it('sends the configured survey when a case is solved, once, through the job', async () => {
    const survey = (
      await t.admin.post('/api/v1/surveys', {
        name: 'How did we do?',
        questions: [{ key: 'csat', type: 'rating', text: 'How satisfied are you?' }],
      })
    ).data<{ id: string }>();
    await t.admin.patch('/api/v1/service-settings', { csatSurveyId: survey.id });
    const { contactId } = await accountWithContact(t, { account: 'Nöjd AB', email: 'nojd@example.com' });
    const c = (await anna.post('/api/v1/cases', { subject: 'Thanks', contactId })).data<Case>();
    await anna.patch(`/api/v1/cases/${c.id}`, { status: 'solved' });
    const jobs = await sql<{ data: { caseId: string } }>(
      `SELECT data FROM pgboss.job WHERE name = 'cases.csat' AND data->>'caseId' = $1`,
      [c.id],
    );
    expect(jobs).toHaveLength(1);
    const invitation = await t.services.caseJobs.sendCsat(c.id);
    expect(invitation).not.toBeNull();
    expect(await t.services.caseJobs.sendCsat(c.id)).toBeNull();
    const view = (await anna.get(`/api/v1/cases/${c.id}`)).data<{ csatInvitationId: string }>();
    expect(view.csatInvitationId).toBe(invitation);
    const invited = await sql<{ contact_id: string }>(
      'SELECT contact_id FROM survey_invitations WHERE id = $1',
      [invitation],
    );
    expect(invited).toEqual([{ contact_id: contactId }]);
  });
});
