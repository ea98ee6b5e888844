/**
 * The authorisation matrix of leads, lead forms and scoring rules: each kind of caller × each
 * action, asserting the status and that denied calls change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { type Callers, everyone, matrixCallers, type Who } from '../../test/callers.ts';

let t: TestApp;
let c: Callers;

beforeAll(async () => {
  t = await createTestApp();
  c = await matrixCallers(t);
});
afterAll(async () => {
  await t?.close();
});

let n = 0;
const newLead = async () => {
  const r = await c.owner.post('/api/v1/leads', {
    email: `matrix${++n}@firma.se`,
    company: `Matrix ${n} AB`,
  });
  expect(r.statusCode).toBe(201);
  return r.data<{ id: string; version: number }>();
};
const leadOf = async (id: string) =>
  (await t.admin.get(`/api/v1/leads/${id}`)).data<{ version: number; status: string } | undefined>();

const row = (
  owner: number,
  sameTeam: number,
  otherTeam: number,
  readOnly: number,
  manager: number,
  admin: number,
  keyRead: number,
  keyWrite: number,
): Record<Who, number> => ({
  owner,
  sameTeam,
  otherTeam,
  readOnly,
  manager,
  admin,
  keyRead,
  keyWrite,
  anonymous: 401,
});

describe('leads authorisation', () => {
  const expected = {
    read: row(200, 200, 200, 200, 200, 200, 200, 200),
    update: row(200, 200, 403, 403, 200, 200, 403, 200),
    delete: row(204, 403, 403, 403, 204, 204, 403, 204),
    convert: row(200, 200, 403, 403, 200, 200, 403, 200),
    note: row(201, 201, 201, 403, 201, 201, 403, 201),
    create: row(201, 201, 201, 403, 201, 201, 403, 201),
  };

  it.each(everyone)('read, list, duplicates and history as %s', async (who) => {
    const lead = await newLead();
    expect((await c[who].get(`/api/v1/leads/${lead.id}`)).statusCode).toBe(expected.read[who]);
    const list = await c[who].get(`/api/v1/leads?filter[ownerId][eq]=${c.owner.userId}&limit=200`);
    expect(list.statusCode).toBe(expected.read[who]);
    if (list.statusCode === 200)
      expect((list.json().data as { id: string }[]).map((r) => r.id)).toContain(lead.id);
    expect((await c[who].get(`/api/v1/leads/${lead.id}/duplicates`)).statusCode).toBe(expected.read[who]);
    expect((await c[who].get(`/api/v1/leads/${lead.id}/activities`)).statusCode).toBe(expected.read[who]);
  });

  it.each(everyone)('create as %s; denied calls store nothing', async (who) => {
    const email = `created.by.${who.toLowerCase()}@firma.se`;
    const r = await c[who].post('/api/v1/leads', { email });
    expect(r.statusCode).toBe(expected.create[who]);
    const rows = await t.services.database.query('SELECT 1 FROM leads WHERE email = $1', [email]);
    expect(rows.length).toBe(r.statusCode === 201 ? 1 : 0);
  });

  it.each(everyone)('update as %s; denied calls change nothing', async (who) => {
    const lead = await newLead();
    const r = await c[who].patch(`/api/v1/leads/${lead.id}`, { status: 'working' });
    expect(r.statusCode).toBe(expected.update[who]);
    expect((await leadOf(lead.id))?.version).toBe(r.statusCode === 200 ? 2 : 1);
  });

  it.each(everyone)('delete as %s; denied calls change nothing', async (who) => {
    const lead = await newLead();
    const r = await c[who].del(`/api/v1/leads/${lead.id}`);
    expect(r.statusCode).toBe(expected.delete[who]);
    expect((await t.admin.get(`/api/v1/leads/${lead.id}`)).statusCode).toBe(r.statusCode === 204 ? 404 : 200);
  });

  it.each(everyone)('convert as %s; denied calls change nothing', async (who) => {
    const lead = await newLead();
    const contacts = (await t.services.database.query('SELECT id FROM contacts')).length;
    const r = await c[who].post(`/api/v1/leads/${lead.id}/convert`, {});
    expect(r.statusCode).toBe(expected.convert[who]);
    expect((await leadOf(lead.id))?.status).toBe(r.statusCode === 200 ? 'converted' : 'new');
    expect((await t.services.database.query('SELECT id FROM contacts')).length).toBe(
      contacts + (r.statusCode === 200 ? 1 : 0),
    );
  });

  it.each(everyone)('log a note as %s; denied calls change nothing', async (who) => {
    const lead = await newLead();
    const r = await c[who].post(`/api/v1/leads/${lead.id}/activities`, { kind: 'note', body: `by ${who}` });
    expect(r.statusCode).toBe(expected.note[who]);
    const notes = await t.services.database.query('SELECT 1 FROM lead_activities WHERE lead_id = $1', [
      lead.id,
    ]);
    expect(notes.length).toBe(r.statusCode === 201 ? 1 : 0);
  });

  it('agents cannot create leads owned by someone else, nor reassign them; managers can', async () => {
    const other = await c.owner.post('/api/v1/leads', {
      email: 'foreign@firma.se',
      ownerId: c.manager.userId,
    });
    expect(other.statusCode).toBe(403);
    const lead = await newLead();
    expect((await c.owner.patch(`/api/v1/leads/${lead.id}`, { ownerId: c.sameTeam.userId })).statusCode).toBe(
      403,
    );
    expect((await leadOf(lead.id))?.version).toBe(1);
    expect(
      (await c.manager.patch(`/api/v1/leads/${lead.id}`, { ownerId: c.sameTeam.userId })).statusCode,
    ).toBe(200);
  });
});

describe('lead forms and scoring rules authorisation', () => {
  it('only admins create, change and delete forms and rules; everyone signed in reads them', async () => {
    const body = { name: 'Matrix form', fields: [{ key: 'email', required: true }] };
    for (const who of ['owner', 'manager', 'readOnly', 'keyWrite'] as const) {
      expect((await c[who].post('/api/v1/lead-forms', body)).statusCode, who).toBe(403);
      expect((await c[who].put('/api/v1/lead-scoring', { attributeRules: [] })).statusCode, who).toBe(403);
    }
    expect((await c.anonymous.post('/api/v1/lead-forms', body)).statusCode).toBe(401);
    expect((await t.admin.get('/api/v1/lead-forms')).data<unknown[]>()).toEqual([]);
    const form = await t.admin.post('/api/v1/lead-forms', body);
    expect(form.statusCode).toBe(201);
    const id = form.data<{ id: string }>().id;
    for (const who of ['owner', 'manager', 'readOnly', 'keyRead'] as const) {
      expect((await c[who].get(`/api/v1/lead-forms/${id}`)).statusCode, who).toBe(200);
      expect((await c[who].get('/api/v1/lead-scoring')).statusCode, who).toBe(200);
      expect((await c[who].patch(`/api/v1/lead-forms/${id}`, { name: 'x' })).statusCode, who).toBe(403);
      expect((await c[who].post(`/api/v1/lead-forms/${id}/rotate-key`, {})).statusCode, who).toBe(403);
      expect((await c[who].del(`/api/v1/lead-forms/${id}`)).statusCode, who).toBe(403);
    }
    const after = (await t.admin.get(`/api/v1/lead-forms/${id}`)).data<{ name: string; version: number }>();
    expect(after).toMatchObject({ name: 'Matrix form', version: 1 });
    expect((await t.admin.get('/api/v1/lead-scoring')).headers.etag).toBe('"1"');
    expect((await c.anonymous.get('/api/v1/lead-scoring')).statusCode).toBe(401);
  });
});
