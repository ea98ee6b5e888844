/** Survey lists and deletion, translations on the response page, detractor events, NPS by tier, the 360° view. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';

let t: TestApp;
let accountId: string;
let sven: string;
let emma: string;

type Res = Awaited<ReturnType<TestApp['admin']['post']>>;
const ok = <T = { id: string }>(r: Res) => {
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.data<T>();
};
const survey = async (name: string, extra: Record<string, unknown> = {}) =>
  ok(
    await t.admin.post('/api/v1/surveys', {
      name,
      questions: [{ key: 'nps', type: 'nps', text: 'Recommend us?' }],
      ...extra,
    }),
  ).id;
const linkFor = async (surveyId: string, contactId: string) =>
  (
    (await t.admin.post(`/api/v1/surveys/${surveyId}/invitations`, { contactIds: [contactId] })).json()
      .data as { token: string }[]
  )[0]!.token;
const detractorEvents = (contactId: string) =>
  t.services.database.query<{ record_type: string; data: Record<string, unknown> }>(
    `SELECT record_type, data FROM domain_events WHERE type = 'nps.detractor' AND record_id = $1 ORDER BY created_at, id`,
    [contactId],
  );

beforeAll(async () => {
  t = await createTestApp();
  accountId = ok(await t.admin.post('/api/v1/accounts', { name: 'Tier Corp' })).id;
  sven = ok(
    await t.admin.post('/api/v1/contacts', { firstName: 'Sven', lastName: 'Svensk', language: 'sv' }),
  ).id;
  emma = ok(
    await t.admin.post('/api/v1/contacts', { firstName: 'Emma', lastName: 'English', language: 'en' }),
  ).id;
  ok(
    await t.admin.post('/api/v1/relationships', {
      type: 'works_at',
      fromType: 'contact',
      fromId: sven,
      toType: 'account',
      toId: accountId,
    }),
  );
});
afterAll(async () => {
  await t?.close();
});

describe('survey list and deletion', () => {
  it('lists surveys a page at a time, newest first, with their current questions', async () => {
    for (const n of ['List one', 'List two', 'List three']) await survey(n);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/surveys?limit=2&q=List${cursor ? `&cursor=${cursor}` : ''}`;
      const r = await t.admin.get(url);
      expect(r.statusCode, r.body).toBe(200);
      const page = r.json() as { data: { name: string; questions: unknown[] }[]; nextCursor: string | null };
      expect(page.data.length).toBeLessThanOrEqual(2);
      for (const s of page.data) expect(s.questions).toMatchObject([{ key: 'nps' }]);
      seen.push(...page.data.map((s) => s.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['List three', 'List two', 'List one']);
    const sorted = (await t.admin.get('/api/v1/surveys?q=List&sort=name')).json().data as { name: string }[];
    expect(sorted.map((s) => s.name)).toEqual(['List one', 'List three', 'List two']);
    expect((await t.admin.get('/api/v1/surveys?sort=nope')).statusCode).toBe(400);
    expect((await t.anonymous.get('/api/v1/surveys')).statusCode).toBe(401);
  });

  it('deletes a survey with its links; its facts stay on the profile without the survey', async () => {
    const id = await survey('To delete');
    const token = await linkFor(id, emma);
    ok(await t.anonymous.post(`/s/${token}`, { answers: { nps: 8 } }));
    const readOnly = await t.userClient('read_only');
    expect((await readOnly.del(`/api/v1/surveys/${id}`)).statusCode).toBe(403);
    expect((await t.admin.del(`/api/v1/surveys/${id}`, { 'if-match': '"999"' })).statusCode).toBe(412);
    expect((await t.admin.del(`/api/v1/surveys/${id}`)).statusCode).toBe(204);
    expect((await t.admin.get(`/api/v1/surveys/${id}`)).statusCode).toBe(404);
    expect((await t.admin.del(`/api/v1/surveys/${id}`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/s/${token}`)).statusCode).toBe(404);
    const facts = (await t.admin.get(`/api/v1/contacts/${emma}/facts`)).json().data as {
      value: number;
      survey: unknown;
    }[];
    expect(facts).toMatchObject([{ value: 8, survey: null }]);
    const [entry] = await t.services.database.query<{ action: string; changes: { name: { from: string } } }>(
      `SELECT action, changes FROM audit_log WHERE record_type = 'survey' AND record_id = $1 AND action = 'delete'`,
      [id],
    );
    expect(entry?.changes.name.from).toBe('To delete');
  });
});

describe('translations on the response page', () => {
  it('shows the name, description and choice labels in the respondent’s language', async () => {
    const id = ok(
      await t.admin.post('/api/v1/surveys', {
        name: 'After delivery',
        names: { sv: 'Efter leveransen' },
        description: 'Two quick questions.',
        descriptions: { sv: 'Två snabba frågor.' },
        questions: [
          {
            key: 'speed',
            type: 'single_choice',
            text: 'How fast was it?',
            texts: { sv: 'Hur snabbt gick det?' },
            options: [
              { value: 'fast', label: 'Fast', labels: { sv: 'Snabbt', nb: 'Raskt' } },
              { value: 'slow', label: 'Slow' },
            ],
          },
        ],
      }),
    ).id;
    const sv = (await t.anonymous.get(`/s/${await linkFor(id, sven)}`)).data();
    expect(sv).toEqual(
      expect.objectContaining({
        survey: { name: 'Efter leveransen', description: 'Två snabba frågor.', language: 'sv' },
        questions: [
          {
            key: 'speed',
            type: 'single_choice',
            text: 'Hur snabbt gick det?',
            options: [
              { value: 'fast', label: 'Snabbt' },
              { value: 'slow', label: 'Slow' }, // not translated: the default
            ],
            required: false,
          },
        ],
      }),
    );
    const en = (await t.anonymous.get(`/s/${await linkFor(id, emma)}`)).data<{
      survey: { name: string };
      questions: { options: { label: string }[] }[];
    }>();
    expect(en.survey.name).toBe('After delivery');
    expect(en.questions[0]!.options.map((o) => o.label)).toEqual(['Fast', 'Slow']);
    const patched = ok<{ names: Record<string, string> }>(
      await t.admin.patch(`/api/v1/surveys/${id}`, { names: { sv: 'Efter leverans', ru: 'После доставки' } }),
    );
    expect(patched.names).toEqual({ sv: 'Efter leverans', ru: 'После доставки' });
    const bad = await t.admin.patch(`/api/v1/surveys/${id}`, { names: { de: 'Nach der Lieferung' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});

describe('nps.detractor', () => {
  it('fires for every detractor answer, also from a contact who already was a detractor, once per response and score', async () => {
    const first = await survey('Detractor one');
    const second = await survey('Detractor two');
    ok(await t.anonymous.post(`/s/${await linkFor(first, sven)}`, { answers: { nps: 3 } }));
    const token = await linkFor(second, sven);
    ok(await t.anonymous.post(`/s/${token}`, { answers: { nps: 5 } })); // already a detractor
    let events = await detractorEvents(sven);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({
      record_type: 'contact',
      data: { contactId: sven, accountIds: [accountId], surveyId: second, score: 5, edited: false },
    });
    const responseId = events[1]!.data.responseId;
    ok(await t.anonymous.post(`/s/${token}`, { answers: { nps: 5 } })); // the same score again
    ok(await t.anonymous.post(`/s/${token}`, { answers: { nps: 8 } })); // not a detractor
    ok(await t.anonymous.post(`/s/${token}`, { answers: { nps: 5 } })); // 5 was raised already
    expect(await detractorEvents(sven)).toHaveLength(2);
    ok(await t.anonymous.post(`/s/${token}`, { answers: { nps: 0 } })); // an edit to a new detractor score
    events = await detractorEvents(sven);
    expect(events).toHaveLength(3);
    expect(events[2]).toMatchObject({ data: { responseId, score: 0, edited: true, surveyId: second } });
    // A promoter never raises it.
    ok(await t.anonymous.post(`/s/${await linkFor(first, emma)}`, { answers: { nps: 10 } }));
    expect(await detractorEvents(emma)).toEqual([]);
  });
});

describe('NPS by value tier and the 360° view', () => {
  it('splits the dashboard by tier, customers without a value last', async () => {
    const value = (id: string, tier: string) =>
      t.services.database.query(
        `INSERT INTO customer_values (customer_type, customer_id, first_purchase_on, last_purchase_on, purchases,
           frequency, recency_days, age_days, monetary, historical_value, lifecycle_state, lifecycle_since, clv, tier)
         VALUES ('contact', $1, '2026-01-01', '2026-02-01', 2, 1, 10, 60, 100, 200, 'active', '2026-01-01', 900, $2)`,
        [id, tier],
      );
    await value(sven, 'A'); // detractor (0)
    await value(emma, 'B'); // promoter (10)
    const other = ok(await t.admin.post('/api/v1/contacts', { firstName: 'Pia', lastName: 'Passiv' })).id;
    ok(
      await t.anonymous.post(`/s/${await linkFor(await survey('Tierless'), other)}`, { answers: { nps: 7 } }),
    );
    const d = (await t.admin.get('/api/v1/nps/summary')).data<{
      byTier: {
        tier: string | null;
        promoters: number;
        passives: number;
        detractors: number;
        score: number;
      }[];
      byLifecycleState: { state: string; promoters: number; passives: number; detractors: number }[];
    }>();
    expect(d.byTier).toEqual([
      { tier: 'A', promoters: 0, passives: 0, detractors: 1, score: -100 },
      { tier: 'B', promoters: 1, passives: 0, detractors: 0, score: 100 },
      { tier: null, promoters: 0, passives: 1, detractors: 0, score: 0 },
    ]);
    expect(d.byLifecycleState).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ state: 'active', promoters: 1, detractors: 1 }),
        expect.objectContaining({ state: 'prospect', passives: 1 }),
      ]),
    );
  });

  it('carries the NPS and consent in the 360° views', async () => {
    ok(
      await t.admin.put(`/api/v1/contacts/${sven}/consents`, {
        consents: [{ purpose: 'marketing', channel: 'email', status: 'denied', evidence: 'Phoned in' }],
      }),
    );
    const c = (await t.admin.get(`/api/v1/contacts/${sven}/360`)).data<{
      nps: { category: string; score: number; answeredAt: string } | null;
      consent: { purpose: string; channel: string; status: string; evidence: string }[];
    }>();
    expect(c.nps).toMatchObject({ category: 'detractor', score: 0 });
    expect(Date.parse(c.nps!.answeredAt)).not.toBeNaN();
    expect(c.consent).toEqual([
      expect.objectContaining({
        purpose: 'marketing',
        channel: 'email',
        status: 'denied',
        evidence: 'Phoned in',
      }),
    ]);
    const nobody = ok(await t.admin.post('/api/v1/contacts', { firstName: 'Ny', lastName: 'Kund' })).id;
    expect((await t.admin.get(`/api/v1/contacts/${nobody}/360`)).data()).toMatchObject({
      nps: null,
      consent: [],
    });
    const a = (await t.admin.get(`/api/v1/accounts/${accountId}/360`)).data<{
      nps: unknown;
      consent: unknown[];
    }>();
    expect(a.nps).toEqual({ score: -100, promoters: 0, passives: 0, detractors: 1 });
    expect(a.consent).toEqual([]);
  });
});
