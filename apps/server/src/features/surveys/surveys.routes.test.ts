import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { signToken } from '../shared/signing.ts';

let t: TestApp;
let accountId: string;
let anna: string;
let bo: string;
let surveyId: string;
type Link = { id: string; contactId: string; token: string; url: string; emailed: boolean };

const contact = async (firstName: string, email: string, language = 'en') =>
  (
    await t.admin.post('/api/v1/contacts', {
      firstName,
      lastName: 'Survey',
      language,
      emails: [{ address: email }],
    })
  ).data<{ id: string }>().id;

beforeAll(async () => {
  t = await createTestApp();
  await t.admin.post('/api/v1/custom-fields', {
    entity: 'contact',
    key: 'favourite_colour',
    label: 'Colour',
    type: 'text',
  });
  accountId = (await t.admin.post('/api/v1/accounts', { name: 'Survey Corp' })).data<{ id: string }>().id;
  anna = await contact('Anna', 'anna@survey.test', 'sv');
  bo = await contact('Bo', 'bo@survey.test');
  for (const id of [anna, bo])
    await t.admin.post('/api/v1/relationships', {
      type: 'works_at',
      fromType: 'contact',
      fromId: id,
      toType: 'account',
      toId: accountId,
    });
  await t.admin.put(`/api/v1/contacts/${bo}/consents`, {
    consents: [{ purpose: 'surveys', channel: 'email', status: 'denied' }],
  });
});
afterAll(async () => {
  await t?.close();
});

const questions = [
  {
    key: 'nps',
    type: 'nps',
    text: 'How likely are you to recommend us?',
    texts: { sv: 'Hur troligt är det att du rekommenderar oss?' },
    required: true,
  },
  { key: 'service', type: 'rating', text: 'How was our service?' },
  {
    key: 'colour',
    type: 'single_choice',
    text: 'Favourite colour?',
    options: [
      { value: 'red', label: 'Red' },
      { value: 'blue', label: 'Blue' },
    ],
    mapsTo: 'custom.favourite_colour',
  },
  { key: 'comment', type: 'text', text: 'Anything else?', mapsTo: 'fact.comment' },
];

describe('surveys', () => {
  it('builds a survey and refuses a bad one with field errors', async () => {
    const bad = await t.admin.post('/api/v1/surveys', {
      name: '',
      questions: [{ key: 'Bad Key', type: 'nps', text: '' }],
    });
    expect(bad.statusCode).toBe(400);
    const r = await t.admin.post('/api/v1/surveys', { name: 'After delivery', questions });
    expect(r.statusCode).toBe(201);
    surveyId = r.data<{ id: string }>().id;
    expect(r.data()).toMatchObject({
      status: 'draft',
      currentVersion: 1,
      questions: [{ key: 'nps' }, {}, {}, {}],
    });
    const ro = await t.userClient('read_only');
    expect((await ro.post('/api/v1/surveys', { name: 'x', questions })).statusCode).toBe(403);
  });

  it('invites by personal links and email, blocking a contact who denied surveys by email', async () => {
    const r = await t.admin.post(`/api/v1/surveys/${surveyId}/invitations`, {
      contactIds: [anna, bo],
      sendEmail: true,
    });
    expect(r.statusCode).toBe(201);
    const body = r.json() as { data: Link[]; blocked: { contactId: string; reason: string }[] };
    expect(body.data).toHaveLength(2);
    expect(body.data[0]!.url).toMatch(/\/s\/[\w-]+\.[\w-]+$/);
    expect(body.blocked).toEqual([{ contactId: bo, reason: 'consent_denied' }]);
    expect(body.data.find((d) => d.contactId === anna)?.emailed).toBe(true);
    const mails = await t.services.database.query<{
      to_addresses: string[];
      headers: Record<string, string>;
      text_body: string;
    }>(`SELECT to_addresses, headers, text_body FROM emails WHERE contact_id = ANY($1::uuid[])`, [
      [anna, bo],
    ]);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to_addresses).toEqual(['anna@survey.test']);
    expect(mails[0]!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mails[0]!.text_body).toContain(body.data[0]!.token.length ? '/s/' : '');
    expect((await t.admin.get(`/api/v1/surveys/${surveyId}`)).data()).toMatchObject({
      status: 'open',
      invitations: 2,
    });
  });

  it('serves the response page in the respondent’s language, and refuses tampered and expired links', async () => {
    const links = (await t.admin.get(`/api/v1/surveys/${surveyId}/invitations`)).json().data as {
      id: string;
      contactId: string;
    }[];
    const annaLink = links.find((l) => l.contactId === anna)!;
    const token = await signToken(t.services.database.db, {
      k: 'survey',
      i: annaLink.id,
      e: Math.floor(Date.now() / 1000) + 3600,
    });
    const view = await t.anonymous.get(`/s/${token}`);
    expect(view.statusCode).toBe(200);
    expect(view.data()).toMatchObject({
      survey: { name: 'After delivery', language: 'sv' },
      questions: [{ key: 'nps', text: 'Hur troligt är det att du rekommenderar oss?' }, {}, {}, {}],
      answers: {},
    });
    expect((await t.anonymous.get(`/s/${token.slice(0, -3)}abc`)).statusCode).toBe(404);
    const expired = await signToken(t.services.database.db, {
      k: 'survey',
      i: annaLink.id,
      e: Math.floor(Date.now() / 1000) - 60,
    });
    const gone = await t.anonymous.post(`/s/${expired}`, { answers: { nps: 9 } });
    expect(gone.statusCode).toBe(410);
    expect(gone.json().code).toBe('gone');
    const unsubscribe = await signToken(t.services.database.db, {
      k: 'unsubscribe',
      i: anna,
      e: Math.floor(Date.now() / 1000) + 60,
    });
    expect((await t.anonymous.get(`/s/${unsubscribe}`)).statusCode).toBe(404); // a token of another kind
  });

  it('turns answers into facts, a profile field, a timeline interaction and NPS; a detractor raises an event', async () => {
    const r = await t.admin.post(`/api/v1/surveys/${surveyId}/invitations`, { contactIds: [bo] });
    const link = (r.json().data as Link[])[0]!;
    const bad = await t.anonymous.post(`/s/${link.token}`, { answers: { nps: 12, colour: 'green' } });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['answers.colour', 'answers.nps']);
    const ok = await t.anonymous.post(`/s/${link.token}`, {
      answers: { nps: 3, service: 2, colour: 'blue', comment: '<b>Late</b> delivery' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.data()).toMatchObject({ nps: 'detractor', edits: 0 });
    const c = (await t.admin.get(`/api/v1/contacts/${bo}`)).data<{
      nps: { category: string; score: number };
      custom: Record<string, unknown>;
    }>();
    expect(c.nps).toMatchObject({ category: 'detractor', score: 3 });
    expect(c.custom.favourite_colour).toBe('blue');
    const a = (await t.admin.get(`/api/v1/accounts/${accountId}`)).data<{ nps: unknown }>();
    expect(a.nps).toEqual({ score: -100, promoters: 0, passives: 0, detractors: 1 });
    const timeline = (
      await t.admin.get(`/api/v1/contacts/${bo}/timeline?filter[kind][in]=interaction`)
    ).json().data as {
      channel: string;
      initiative: string;
      notes: string;
    }[];
    expect(timeline[0]).toMatchObject({ channel: 'web_form', initiative: 'customer' });
    expect(timeline[0]!.notes).toContain('&lt;b&gt;Late&lt;/b&gt;');
    const facts = await t.services.database.query<{ key: string; value: unknown; source: string }>(
      `SELECT key, value, source FROM facts WHERE contact_id = $1 ORDER BY key`,
      [bo],
    );
    expect(facts).toEqual([
      { key: 'comment', value: '<b>Late</b> delivery', source: 'survey' },
      { key: 'nps', value: 3, source: 'survey' },
    ]);
    const events = await t.services.database.query<{ record_id: string; data: { score: number } }>(
      `SELECT record_id, data FROM domain_events WHERE type = 'nps.detractor'`,
    );
    expect(events).toMatchObject([{ record_id: bo, data: { score: 3 } }]);

    // A second submission edits the one response; Anna's promoter answer moves the account NPS.
    const again = await t.anonymous.post(`/s/${link.token}`, { answers: { nps: 8 } });
    expect(again.data()).toMatchObject({ nps: 'passive', edits: 1 });
    const links = (await t.admin.get(`/api/v1/surveys/${surveyId}/invitations`)).json().data as {
      id: string;
      contactId: string;
    }[];
    const annaToken = await signToken(t.services.database.db, {
      k: 'survey',
      i: links.find((l) => l.contactId === anna)!.id,
      e: Math.floor(Date.now() / 1000) + 3600,
    });
    await t.anonymous.post(`/s/${annaToken}`, { answers: { nps: 10 } });
    expect((await t.admin.get(`/api/v1/accounts/${accountId}`)).data<{ nps: unknown }>().nps).toEqual({
      score: 50,
      promoters: 1,
      passives: 1,
      detractors: 0,
    });
    const responses = (await t.admin.get(`/api/v1/surveys/${surveyId}/responses`)).json().data as {
      contactId: string;
      edits: number;
    }[];
    expect(responses.filter((x) => x.contactId === bo)).toMatchObject([{ edits: 1 }]);
    const interactions = await t.services.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM interactions WHERE contact_id = $1 AND channel = 'web_form'`,
      [bo],
    );
    expect(interactions[0]!.n).toBe(1);
    const summary = (await t.admin.get(`/api/v1/surveys/${surveyId}/summary`)).data<{
      responses: number;
      questions: { key: string; counts: Record<string, number>; nps?: { score: number } }[];
    }>();
    expect(summary.responses).toBe(2);
    expect(summary.questions[0]).toMatchObject({
      key: 'nps',
      counts: { '10': 1, '8': 1 },
      nps: { score: 50 },
    });
    const contacts = await t.admin.get('/api/v1/contacts?filter[npsCategory]=promoter');
    expect(contacts.json().data.map((x: { id: string }) => x.id)).toEqual([anna]);
    const dashboard = (await t.admin.get('/api/v1/nps/summary')).data<{
      overall: { score: number; promoters: number; passives: number };
      byMonth: { month: string; promoters: number; passives: number; detractors: number }[];
      byLifecycleState: { state: string }[];
    }>();
    expect(dashboard.overall).toMatchObject({ score: 50, promoters: 1, passives: 1 });
    // This month: Bo's 3 (then 8, the same response's fact) and Anna's 10.
    expect(dashboard.byMonth.at(-1)).toMatchObject({ promoters: 1, passives: 1, detractors: 0 });
    expect(dashboard.byLifecycleState.map((s) => s.state)).toEqual(['prospect']);
  });

  it('versions the questions once sent, and takes no answers after closing', async () => {
    const r = await t.admin.patch(`/api/v1/surveys/${surveyId}`, {
      questions: [...questions, { key: 'extra', type: 'number', text: 'How many?' }],
    });
    expect(r.data()).toMatchObject({ currentVersion: 2 });
    const links = (
      await t.admin.post(`/api/v1/surveys/${surveyId}/invitations`, { contactIds: [anna] })
    ).json().data as Link[];
    expect(
      (await t.anonymous.get(`/s/${links[0]!.token}`)).data<{ questions: unknown[] }>().questions,
    ).toHaveLength(5);
    await t.admin.patch(`/api/v1/surveys/${surveyId}`, { status: 'closed' });
    const late = await t.anonymous.post(`/s/${links[0]!.token}`, { answers: { nps: 5 } });
    expect(late.statusCode).toBe(409);
    expect((await t.admin.get(`/api/v1/contacts/${anna}`)).data<{ nps: { score: number } }>().nps.score).toBe(
      10,
    );
  });
});
