/**
 * The authorisation matrix of deals, quotes and pipelines: each kind of caller × each action,
 * asserting the status and that denied calls change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { type Callers, everyone, matrixCallers } from '../../test/callers.ts';

let t: TestApp;
let c: Callers;
let contactId: string;
let stages: { id: string; name: string }[];

beforeAll(async () => {
  t = await createTestApp();
  c = await matrixCallers(t);
  const owner = c.owner;
  contactId = (await owner.post('/api/v1/contacts', { firstName: 'Matrix', lastName: 'Buyer' })).data<{
    id: string;
  }>().id;
  stages = (await t.admin.get('/api/v1/pipelines')).json().data[0].stages;
});
afterAll(async () => {
  await t?.close();
});

const read = {
  owner: 200,
  sameTeam: 200,
  otherTeam: 200,
  readOnly: 200,
  manager: 200,
  admin: 200,
  keyRead: 200,
  keyWrite: 200,
  anonymous: 401,
};
const write = {
  owner: 200,
  sameTeam: 200,
  otherTeam: 403,
  readOnly: 403,
  manager: 200,
  admin: 200,
  keyRead: 403,
  keyWrite: 200,
  anonymous: 401,
};
const remove = {
  owner: 204,
  sameTeam: 403,
  otherTeam: 403,
  readOnly: 403,
  manager: 204,
  admin: 204,
  keyRead: 403,
  keyWrite: 204,
  anonymous: 401,
};

const newDeal = async () => {
  const r = await c.owner.post('/api/v1/deals', { name: 'Matrix deal', amount: 1000, contactId });
  expect(r.statusCode).toBe(201);
  return r.data<{ id: string; version: number }>();
};
const newQuote = async () => {
  const r = await c.owner.post('/api/v1/quotes', {
    contactId,
    lines: [{ description: 'Service', quantity: 1, unitPrice: 1000 }],
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.data<{ id: string; version: number }>();
};
const versionOf = async (kind: 'deals' | 'quotes', id: string) =>
  (await t.admin.get(`/api/v1/${kind}/${id}`)).data<{ version: number }>()?.version;

describe('deals authorisation', () => {
  it.each(everyone)('read and list as %s', async (who) => {
    const d = await newDeal();
    expect((await c[who].get(`/api/v1/deals/${d.id}`)).statusCode).toBe(read[who]);
    const list = await c[who].get(`/api/v1/deals?filter[ownerId]=${c.owner.userId}&limit=200`);
    expect(list.statusCode).toBe(read[who]);
    if (list.statusCode === 200) expect(list.json().data.map((x: { id: string }) => x.id)).toContain(d.id);
    expect((await c[who].get(`/api/v1/deals/${d.id}/stage-history`)).statusCode).toBe(read[who]);
  });

  it.each(everyone)('update and move as %s; denied calls change nothing', async (who) => {
    const d = await newDeal();
    const res = await c[who].patch(`/api/v1/deals/${d.id}`, { amount: 2000 });
    expect(res.statusCode).toBe(write[who]);
    expect(await versionOf('deals', d.id)).toBe(res.statusCode === 200 ? 2 : 1);
    const moved = await c[who].post(`/api/v1/deals/${d.id}/move`, { stageId: stages[2]!.id });
    expect(moved.statusCode).toBe(write[who]);
    const history = await t.admin.get(`/api/v1/deals/${d.id}/stage-history`);
    expect(history.json().data).toHaveLength(moved.statusCode === 200 ? 2 : 1);
  });

  it.each(everyone)('delete as %s; denied calls change nothing', async (who) => {
    const d = await newDeal();
    const res = await c[who].del(`/api/v1/deals/${d.id}`);
    expect(res.statusCode).toBe(remove[who]);
    expect((await t.admin.get(`/api/v1/deals/${d.id}`)).statusCode).toBe(res.statusCode === 204 ? 404 : 200);
  });

  it('agents cannot create deals for someone else nor reassign them; managers can', async () => {
    const other = await c.owner.post('/api/v1/deals', { name: 'X', ownerId: c.manager.userId });
    expect(other.statusCode).toBe(403);
    const d = await newDeal();
    expect((await c.owner.patch(`/api/v1/deals/${d.id}`, { ownerId: c.sameTeam.userId })).statusCode).toBe(
      403,
    );
    expect(await versionOf('deals', d.id)).toBe(1);
    const byManager = await c.manager.patch(`/api/v1/deals/${d.id}`, { ownerId: c.sameTeam.userId });
    expect(byManager.statusCode).toBe(200);
    expect((await c.readOnly.post('/api/v1/deals', { name: 'Y' })).statusCode).toBe(403);
    expect((await c.keyRead.post('/api/v1/deals', { name: 'Y' })).statusCode).toBe(403);
  });

  it('rejects mass-assignment of protected fields', async () => {
    const r = await c.owner.post('/api/v1/deals', { name: 'Z', version: 5, status: 'won', id: contactId });
    expect(r.statusCode).toBe(400);
  });
});

describe('quotes authorisation', () => {
  it.each(everyone)('read, list and print as %s', async (who) => {
    const q = await newQuote();
    expect((await c[who].get(`/api/v1/quotes/${q.id}`)).statusCode).toBe(read[who]);
    expect((await c[who].get('/api/v1/quotes?limit=5')).statusCode).toBe(read[who]);
    expect((await c[who].get(`/api/v1/quotes/${q.id}/pdf`)).statusCode).toBe(read[who]);
  });

  it.each(everyone)('update and send as %s; denied calls change nothing', async (who) => {
    const q = await newQuote();
    const res = await c[who].patch(`/api/v1/quotes/${q.id}`, { notes: `by ${who}` });
    expect(res.statusCode).toBe(write[who]);
    expect(await versionOf('quotes', q.id)).toBe(res.statusCode === 200 ? 2 : 1);
    const sent = await c[who].post(`/api/v1/quotes/${q.id}/status`, { status: 'sent' });
    expect(sent.statusCode).toBe(write[who]);
    const after = (await t.admin.get(`/api/v1/quotes/${q.id}`)).data<{ status: string }>();
    expect(after.status).toBe(sent.statusCode === 200 ? 'sent' : 'draft');
  });

  it.each(everyone)('delete as %s; denied calls change nothing', async (who) => {
    const q = await newQuote();
    const res = await c[who].del(`/api/v1/quotes/${q.id}`);
    expect(res.statusCode).toBe(remove[who]);
    expect((await t.admin.get(`/api/v1/quotes/${q.id}`)).statusCode).toBe(res.statusCode === 204 ? 404 : 200);
  });
});

describe('pipelines authorisation', () => {
  it('everyone signed in reads pipelines, lost reasons and the board; only admins change them', async () => {
    const body = {
      name: 'Forbidden pipeline',
      stages: [
        { name: 'A', probability: 10 },
        { name: 'W', probability: 100, kind: 'won' },
        { name: 'L', probability: 0, kind: 'lost' },
      ],
    };
    const pipelineId = (await t.admin.get('/api/v1/pipelines')).json().data[0].id;
    for (const who of everyone) {
      expect((await c[who].get('/api/v1/pipelines')).statusCode, who).toBe(read[who]);
      expect((await c[who].get(`/api/v1/pipelines/${pipelineId}/board`)).statusCode, who).toBe(read[who]);
      expect((await c[who].get('/api/v1/lost-reasons')).statusCode, who).toBe(read[who]);
      if (who === 'admin') continue;
      const r = await c[who].post('/api/v1/pipelines', body);
      expect(r.statusCode, who).toBe(who === 'anonymous' ? 401 : 403);
      const p = await c[who].patch(`/api/v1/pipelines/${pipelineId}`, { name: 'Renamed' });
      expect(p.statusCode, who).toBe(who === 'anonymous' ? 401 : 403);
    }
    const names = (await t.admin.get('/api/v1/pipelines')).json().data.map((p: { name: string }) => p.name);
    expect(names).not.toContain('Forbidden pipeline');
    expect(names).not.toContain('Renamed');
  });
});
