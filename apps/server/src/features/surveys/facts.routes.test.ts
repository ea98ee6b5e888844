import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';

let t: TestApp;
let contactId: string;
let otherId: string;
let surveyId: string;

type Fact = {
  id: string;
  key: string;
  value: unknown;
  source: string;
  survey: { id: string; name: string | null } | null;
  question: { key: string; text: string | null } | null;
  responseId: string | null;
  recordedAt: string;
};

const answer = async (survey: string, contact: string, answers: Record<string, unknown>) => {
  const r = await t.admin.post(`/api/v1/surveys/${survey}/invitations`, { contactIds: [contact] });
  const [link] = r.json().data as { token: string }[];
  const ok = await t.anonymous.post(`/s/${link!.token}`, { answers });
  expect(ok.statusCode, ok.body).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp();
  contactId = (await t.admin.post('/api/v1/contacts', { firstName: 'Frida', lastName: 'Fakta' })).data<{
    id: string;
  }>().id;
  otherId = (await t.admin.post('/api/v1/contacts', { firstName: 'Olof', lastName: 'Annan' })).data<{
    id: string;
  }>().id;
  surveyId = (
    await t.admin.post('/api/v1/surveys', {
      name: 'Onboarding',
      questions: [
        { key: 'nps', type: 'nps', text: 'Recommend us?' },
        { key: 'pets', type: 'number', text: 'How many pets?', mapsTo: 'fact.pet_count' },
        { key: 'note', type: 'text', text: 'Not kept as a fact' },
      ],
    })
  ).data<{ id: string }>().id;
  await answer(surveyId, contactId, { nps: 9, pets: 2, note: 'hello' });
  await answer(surveyId, contactId, { nps: 4 });
  await answer(surveyId, otherId, { nps: 10, pets: 7 });
  // The questions change after sending: the first facts keep the wording they were asked in.
  await t.admin.patch(`/api/v1/surveys/${surveyId}`, {
    questions: [
      { key: 'nps', type: 'nps', text: 'Would you recommend us to a friend?' },
      { key: 'pets', type: 'number', text: 'Pets at home?', mapsTo: 'fact.pet_count' },
    ],
  });
  await answer(surveyId, contactId, { pets: 3 });
});
afterAll(async () => {
  await t?.close();
});

describe('facts of a contact', () => {
  it('lists the facts newest first, each with its source survey, question and time', async () => {
    const r = await t.admin.get(`/api/v1/contacts/${contactId}/facts`);
    expect(r.statusCode, r.body).toBe(200);
    const facts = r.json().data as Fact[];
    const pairs = facts.map((f) => [f.key, f.value]);
    expect(pairs.slice(0, 2)).toEqual([
      ['pet_count', 3],
      ['nps', 4],
    ]);
    // The first response's two facts share their time; either may come first.
    expect(pairs.slice(2)).toEqual(
      expect.arrayContaining([
        ['nps', 9],
        ['pet_count', 2],
      ]),
    );
    expect(facts[0]).toMatchObject({
      source: 'survey',
      survey: { id: surveyId, name: 'Onboarding' },
      question: { key: 'pets', text: 'Pets at home?' },
    });
    const first = facts.find((f) => f.key === 'pet_count' && f.value === 2);
    expect(first).toMatchObject({ question: { key: 'pets', text: 'How many pets?' } });
    expect(facts[1]!.responseId).not.toBe(first!.responseId);
    expect(Date.parse(facts[0]!.recordedAt)).toBeGreaterThanOrEqual(Date.parse(facts[3]!.recordedAt));
    expect(r.json().nextCursor).toBeNull();
  });

  it('pages with a cursor and narrows to one key', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/contacts/${contactId}/facts?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.admin.get(url)).json() as { data: Fact[]; nextCursor: string | null };
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((f) => f.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
    const nps = (await t.admin.get(`/api/v1/contacts/${contactId}/facts?key=nps`)).json().data as Fact[];
    expect(nps.map((f) => f.value)).toEqual([4, 9]);
  });

  it('refuses a bad cursor or key with problem+json, an unknown contact with 404', async () => {
    const bad = await t.admin.get(`/api/v1/contacts/${contactId}/facts?cursor=nonsense`);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0]).toMatchObject({ field: 'cursor' });
    expect((await t.admin.get(`/api/v1/contacts/${contactId}/facts?key=Bad-Key`)).statusCode).toBe(400);
    expect((await t.admin.get(`/api/v1/contacts/${contactId}/facts?limit=500`)).statusCode).toBe(400);
    const missing = await t.admin.get('/api/v1/contacts/00000000-0000-4000-8000-000000000000/facts');
    expect(missing.statusCode).toBe(404);
  });

  it('is read with the right to read the contact', async () => {
    const readOnly = await t.userClient('read_only');
    expect((await readOnly.get(`/api/v1/contacts/${contactId}/facts`)).json().data).toHaveLength(4);
    const writeKey = await t.apiKeyClient(t.admin, ['write']);
    expect((await writeKey.get(`/api/v1/contacts/${contactId}/facts`)).statusCode).toBe(403);
    expect((await t.anonymous.get(`/api/v1/contacts/${contactId}/facts`)).statusCode).toBe(401);
  });
});
