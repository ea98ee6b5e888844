/** Account NPS stays right when people join, leave, are deleted or merged; a merge moves the profile data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';

let t: TestApp;
let surveyId: string;
let acme: string;

type Nps = { score: number | null; promoters: number; passives: number; detractors: number };
const ok = <T = { id: string }>(r: Awaited<ReturnType<TestApp['admin']['post']>>) => {
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.data<T>();
};
const accountNps = async (id: string) =>
  (await t.admin.get(`/api/v1/accounts/${id}`)).data<{ nps: Nps }>().nps;
const contact = async (body: Record<string, unknown>) =>
  ok(await t.admin.post('/api/v1/contacts', { lastName: 'Rollup', ...body })).id;
const worksAt = async (contactId: string, accountId: string) =>
  ok(
    await t.admin.post('/api/v1/relationships', {
      type: 'works_at',
      fromType: 'contact',
      fromId: contactId,
      toType: 'account',
      toId: accountId,
    }),
  ).id;
const answer = async (contactId: string, answers: Record<string, unknown>) => {
  const [link] = (
    await t.admin.post(`/api/v1/surveys/${surveyId}/invitations`, { contactIds: [contactId] })
  ).json().data as { token: string }[];
  ok(await t.anonymous.post(`/s/${link!.token}`, { answers }));
};

beforeAll(async () => {
  t = await createTestApp();
  surveyId = ok(
    await t.admin.post('/api/v1/surveys', {
      name: 'Relationship NPS',
      questions: [
        { key: 'nps', type: 'nps', text: 'Recommend us?' },
        { key: 'why', type: 'text', text: 'Why?', mapsTo: 'fact.reason' },
      ],
    }),
  ).id;
  acme = ok(await t.admin.post('/api/v1/accounts', { name: 'Acme Rollup' })).id;
});
afterAll(async () => {
  await t?.close();
});

describe('account NPS follows employment', () => {
  it('recounts when a works_at relationship is added, ended, resumed and deleted, and when a contact is deleted', async () => {
    const anna = await contact({ firstName: 'Anna' });
    const bo = await contact({ firstName: 'Bo' });
    await answer(anna, { nps: 10 });
    await answer(bo, { nps: 2 });
    expect(await accountNps(acme)).toEqual({ score: null, promoters: 0, passives: 0, detractors: 0 });

    await worksAt(anna, acme);
    expect(await accountNps(acme)).toEqual({ score: 100, promoters: 1, passives: 0, detractors: 0 });
    const boAtAcme = await worksAt(bo, acme);
    expect(await accountNps(acme)).toEqual({ score: 0, promoters: 1, passives: 0, detractors: 1 });

    ok(await t.admin.patch(`/api/v1/relationships/${boAtAcme}`, { until: '2026-01-31' }));
    expect(await accountNps(acme)).toMatchObject({ score: 100, detractors: 0 });
    ok(await t.admin.patch(`/api/v1/relationships/${boAtAcme}`, { until: null }));
    expect(await accountNps(acme)).toMatchObject({ score: 0, detractors: 1 });

    expect((await t.admin.del(`/api/v1/relationships/${boAtAcme}`)).statusCode).toBe(204);
    expect(await accountNps(acme)).toMatchObject({ score: 100, detractors: 0 });

    await worksAt(bo, acme);
    expect(await accountNps(acme)).toMatchObject({ detractors: 1 });
    expect((await t.admin.del(`/api/v1/contacts/${bo}`)).statusCode).toBe(204);
    expect(await accountNps(acme)).toEqual({ score: 100, promoters: 1, passives: 0, detractors: 0 });
  });
});

describe('merging two contacts of one person', () => {
  type Consent = { purpose: string; channel: string; status: string; evidence: string; recordedAt: string };
  let survivor: string;
  let merged: string;
  let cedar: string;
  let dune: string;

  beforeAll(async () => {
    cedar = ok(await t.admin.post('/api/v1/accounts', { name: 'Cedar Rollup' })).id;
    dune = ok(await t.admin.post('/api/v1/accounts', { name: 'Dune Rollup' })).id;
    survivor = await contact({
      firstName: 'Siv',
      jobTitle: 'Buyer',
      withheldFields: ['phones'],
      emails: [{ address: 'siv@rollup.test' }],
    });
    merged = await contact({
      firstName: 'Siv',
      phones: [{ number: '+46 70 555 12 12' }],
      withheldFields: ['jobTitle'],
      emails: [{ address: 'siv.private@rollup.test' }],
    });
    await worksAt(survivor, dune);
    await worksAt(merged, cedar);
    await answer(merged, { nps: 3, why: 'Slow support' });
    const put = (id: string, consents: Record<string, string>[]) =>
      t.admin.put(`/api/v1/contacts/${id}/consents`, { consents });
    ok(
      await put(survivor, [
        { purpose: 'marketing', channel: 'email', status: 'granted', recordedAt: '2025-06-01T00:00:00Z' },
        { purpose: 'surveys', channel: 'email', status: 'denied', recordedAt: '2024-01-01T00:00:00Z' },
      ]),
    );
    ok(
      await put(merged, [
        {
          purpose: 'marketing',
          channel: 'email',
          status: 'denied',
          evidence: 'Said no on the phone',
          recordedAt: '2025-01-01T00:00:00Z',
        },
        { purpose: 'surveys', channel: 'email', status: 'granted', recordedAt: '2025-09-01T00:00:00Z' },
        { purpose: 'profiling', channel: 'sms', status: 'denied', recordedAt: '2023-01-01T00:00:00Z' },
      ]),
    );
    expect(await accountNps(cedar)).toMatchObject({ detractors: 1 });
    expect(await accountNps(dune)).toMatchObject({ detractors: 0, score: null });
  });

  it('moves facts, responses, consent with its history and withheld fields, and recounts NPS', async () => {
    const r = await t.admin.post(`/api/v1/contacts/${survivor}/merge`, { mergeId: merged });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.data()).toMatchObject({
      withheldFields: expect.arrayContaining(['phones', 'jobTitle']),
      phones: [],
      jobTitle: null,
      nps: { category: 'detractor', score: 3 },
    });
    expect(r.data<{ withheldFields: string[] }>().withheldFields).toHaveLength(2);

    const facts = (await t.admin.get(`/api/v1/contacts/${survivor}/facts`)).json().data as {
      key: string;
      value: unknown;
    }[];
    expect(facts.map((f) => [f.key, f.value])).toEqual(
      expect.arrayContaining([
        ['nps', 3],
        ['reason', 'Slow support'],
      ]),
    );
    const responses = (await t.admin.get(`/api/v1/surveys/${surveyId}/responses`)).json().data as {
      contactId: string;
      answers: { nps?: number };
    }[];
    expect(responses.find((x) => x.answers.nps === 3)?.contactId).toBe(survivor);

    const consents = (await t.admin.get(`/api/v1/contacts/${survivor}/consents`)).data<Consent[]>();
    const of = (p: string, c: string) => consents.find((x) => x.purpose === p && x.channel === c);
    expect(of('marketing', 'email')).toMatchObject({ status: 'granted' }); // the later decision
    expect(of('surveys', 'email')).toMatchObject({ status: 'granted' }); // the merged one's, later
    expect(of('profiling', 'sms')).toMatchObject({ status: 'denied' }); // only the merged one had it
    const history = (await t.admin.get(`/api/v1/contacts/${survivor}/consents/history`)).json()
      .data as Consent[];
    expect(history).toHaveLength(5);
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: 'marketing', status: 'denied', evidence: 'Said no on the phone' }),
        expect.objectContaining({ purpose: 'surveys', status: 'denied' }),
      ]),
    );

    // Both accounts now count the survivor's detractor answer, once.
    expect(await accountNps(cedar)).toEqual({ score: -100, promoters: 0, passives: 0, detractors: 1 });
    expect(await accountNps(dune)).toEqual({ score: -100, promoters: 0, passives: 0, detractors: 1 });
    const left = await t.services.database.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM facts WHERE contact_id = $1) + (SELECT count(*) FROM consent_history WHERE contact_id = $1)
         + (SELECT count(*) FROM survey_invitations WHERE contact_id = $1) AS n`,
      [merged],
    );
    expect(Number(left[0]!.n)).toBe(0);
    const audit = (await t.admin.get(`/api/v1/audit?recordId=${survivor}`)).json().data as {
      action: string;
      meta: Record<string, unknown>;
    }[];
    expect(audit.find((a) => a.action === 'merge')?.meta).toMatchObject({
      mergedId: merged,
      factsMoved: 2,
      consentHistoryMoved: 3,
    });
  });

  it('keeps a recorded denial when the merged contact denied last', async () => {
    const a = await contact({ firstName: 'Tor' });
    const b = await contact({ firstName: 'Tor' });
    ok(
      await t.admin.put(`/api/v1/contacts/${a}/consents`, {
        consents: [
          { purpose: 'marketing', channel: 'sms', status: 'granted', recordedAt: '2025-01-01T00:00:00Z' },
        ],
      }),
    );
    ok(
      await t.admin.put(`/api/v1/contacts/${b}/consents`, {
        consents: [
          { purpose: 'marketing', channel: 'sms', status: 'denied', recordedAt: '2025-02-01T00:00:00Z' },
        ],
      }),
    );
    ok(await t.admin.post(`/api/v1/contacts/${a}/merge`, { mergeId: b }));
    const consents = (await t.admin.get(`/api/v1/contacts/${a}/consents`)).data<Consent[]>();
    expect(consents.find((x) => x.purpose === 'marketing' && x.channel === 'sms')?.status).toBe('denied');
    const history = (await t.admin.get(`/api/v1/contacts/${a}/consents/history`)).json().data as Consent[];
    expect(history.map((h) => h.status)).toEqual(['denied', 'granted']);
  });
});
