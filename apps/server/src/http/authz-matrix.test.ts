/**
 * The authorisation matrix: for customer records, each kind of caller × each action,
 * asserting the status and that denied calls change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { type Callers, everyone, matrixCallers, type Who } from '../test/callers.ts';

let t: TestApp;
let c: Callers;

beforeAll(async () => {
  t = await createTestApp();
  c = await matrixCallers(t);
});
afterAll(async () => {
  await t?.close();
});

for (const resource of ['contacts', 'accounts'] as const) {
  const body =
    resource === 'contacts' ? { firstName: 'Matrix', lastName: 'Record' } : { name: 'Matrix Record AB' };
  const create = async () => {
    const r = await c.owner.post(`/api/v1/${resource}`, body);
    expect(r.statusCode).toBe(201);
    return r.data<{ id: string; version: number }>();
  };
  const versionOf = async (id: string) =>
    (await t.admin.get(`/api/v1/${resource}/${id}`)).data<{ version: number }>()?.version;

  describe(`${resource} authorisation`, () => {
    const expected: Record<string, Record<Who, number>> = {
      read: {
        owner: 200,
        sameTeam: 200,
        otherTeam: 200,
        readOnly: 200,
        manager: 200,
        admin: 200,
        keyRead: 200,
        keyWrite: 200,
        anonymous: 401,
      },
      update: {
        owner: 200,
        sameTeam: 200,
        otherTeam: 403,
        readOnly: 403,
        manager: 200,
        admin: 200,
        keyRead: 403,
        keyWrite: 200,
        anonymous: 401,
      },
      delete: {
        owner: 204,
        sameTeam: 403,
        otherTeam: 403,
        readOnly: 403,
        manager: 204,
        admin: 204,
        keyRead: 403,
        keyWrite: 204,
        anonymous: 401,
      },
      duplicates: {
        owner: 200,
        sameTeam: 200,
        otherTeam: 200,
        readOnly: 200,
        manager: 200,
        admin: 200,
        keyRead: 200,
        keyWrite: 200,
        anonymous: 401,
      },
      merge: {
        owner: 200,
        sameTeam: 200,
        otherTeam: 403,
        readOnly: 403,
        manager: 200,
        admin: 200,
        keyRead: 403,
        keyWrite: 200,
        anonymous: 401,
      },
    };

    it.each(everyone)('read, list and filter as %s', async (who) => {
      const rec = await create();
      const res = await c[who].get(`/api/v1/${resource}/${rec.id}`);
      expect(res.statusCode).toBe(expected.read![who]);
      const list = await c[who].get(`/api/v1/${resource}?filter[ownerId][eq]=${c.owner.userId}&limit=200`);
      expect(list.statusCode).toBe(expected.read![who]);
      if (list.statusCode === 200)
        expect((list.json().data as { id: string }[]).map((r) => r.id)).toContain(rec.id);
      const dups = await c[who].get(`/api/v1/${resource}/${rec.id}/duplicates`);
      expect(dups.statusCode).toBe(expected.duplicates![who]);
    });

    it.each(everyone)('update as %s; denied calls change nothing', async (who) => {
      const rec = await create();
      const patch = resource === 'contacts' ? { jobTitle: `by ${who}` } : { industry: `by ${who}` };
      const res = await c[who].patch(`/api/v1/${resource}/${rec.id}`, patch);
      expect(res.statusCode).toBe(expected.update![who]);
      expect(await versionOf(rec.id)).toBe(res.statusCode === 200 ? 2 : 1);
    });

    it.each(everyone)('delete as %s; denied calls change nothing', async (who) => {
      const rec = await create();
      const res = await c[who].del(`/api/v1/${resource}/${rec.id}`);
      expect(res.statusCode).toBe(expected.delete![who]);
      const after = await t.admin.get(`/api/v1/${resource}/${rec.id}`);
      expect(after.statusCode).toBe(res.statusCode === 204 ? 404 : 200);
    });

    it.each(everyone)('merge as %s', async (who) => {
      const a = await create();
      const b = await create();
      const res = await c[who].post(`/api/v1/${resource}/${a.id}/merge`, { mergeId: b.id });
      expect(res.statusCode).toBe(expected.merge![who]);
      expect((await t.admin.get(`/api/v1/${resource}/${b.id}`)).statusCode).toBe(
        res.statusCode === 200 ? 404 : 200,
      );
    });

    it('agents cannot create records owned by someone else, nor reassign them', async () => {
      const other = await c.owner.post(`/api/v1/${resource}`, { ...body, ownerId: c.manager.userId });
      expect(other.statusCode).toBe(403);
      const rec = await create();
      const reassign = await c.owner.patch(`/api/v1/${resource}/${rec.id}`, { ownerId: c.sameTeam.userId });
      expect(reassign.statusCode).toBe(403);
      expect(await versionOf(rec.id)).toBe(1);
      const byManager = await c.manager.patch(`/api/v1/${resource}/${rec.id}`, {
        ownerId: c.sameTeam.userId,
      });
      expect(byManager.statusCode).toBe(200);
    });

    it('ignores mass-assignment of protected fields', async () => {
      const res = await c.owner.post(`/api/v1/${resource}`, {
        ...body,
        version: 99,
        id: '00000000-0000-4000-8000-000000000000',
      });
      expect(res.statusCode).toBe(400);
    });
  });
}

describe('administration authorisation', () => {
  it('only admins manage users, teams, roles and custom fields', async () => {
    const cases: [string, unknown][] = [
      [
        '/api/v1/users',
        { email: 'new.user@example.com', name: 'New', role: 'agent', password: 'a-long-password-1' },
      ],
      ['/api/v1/teams', { name: 'Forbidden team' }],
      ['/api/v1/roles', { key: 'custom_x', name: 'X', permissions: {} }],
      ['/api/v1/custom-fields', { entity: 'contact', key: 'forbidden', label: 'F', type: 'text' }],
    ];
    for (const [url, payload] of cases) {
      for (const who of ['owner', 'manager', 'readOnly', 'keyWrite'] as const) {
        expect((await c[who].post(url, payload)).statusCode, `${who} POST ${url}`).toBe(403);
      }
      expect((await c.anonymous.post(url, payload)).statusCode).toBe(401);
      expect((await c.admin.post(url, payload)).statusCode, `admin POST ${url}`).toBe(201);
    }
    for (const who of ['owner', 'manager', 'readOnly', 'keyRead'] as const) {
      for (const url of [
        '/api/v1/users',
        '/api/v1/teams',
        '/api/v1/roles',
        '/api/v1/custom-fields',
        '/api/v1/audit',
      ]) {
        expect((await c[who].get(url)).statusCode, `${who} GET ${url}`).toBe(200);
      }
    }
  });

  it('users cannot change their own role; API keys cannot mint keys; keys are private to their owner', async () => {
    const self = await c.owner.patch(`/api/v1/users/${c.owner.userId}`, { role: 'admin' });
    expect(self.statusCode).toBe(403);
    const me = await c.owner.get('/api/v1/me');
    expect(me.data<{ role: string }>().role).toBe('agent');
    expect((await c.keyWrite.post('/api/v1/api-keys', { name: 'x', scopes: ['read'] })).statusCode).toBe(403);
    const mine = await c.owner.get('/api/v1/api-keys');
    expect((mine.json().data as { userId: string }[]).every((k) => k.userId === c.owner.userId)).toBe(true);
    const others = await c.sameTeam.get('/api/v1/api-keys');
    expect(others.json().data).toEqual([]);
  });
});

describe('relationships authorisation', () => {
  it('follows the record a relationship starts from; denied calls change nothing', async () => {
    const contact = (await c.owner.post('/api/v1/contacts', { firstName: 'Rel', lastName: 'From' })).data<{
      id: string;
    }>();
    const account = (await c.manager.post('/api/v1/accounts', { name: 'Rel To AB' })).data<{ id: string }>();
    const body = {
      type: 'works_at',
      fromType: 'contact',
      fromId: contact.id,
      toType: 'account',
      toId: account.id,
    };
    for (const who of ['otherTeam', 'readOnly', 'keyRead'] as const) {
      expect((await c[who].post('/api/v1/relationships', body)).statusCode, who).toBe(403);
    }
    expect((await c.anonymous.post('/api/v1/relationships', body)).statusCode).toBe(401);
    const none = await t.admin.get(`/api/v1/relationships?filter[recordId][eq]=${contact.id}`);
    expect(none.json().data).toEqual([]);
    const made = await c.sameTeam.post('/api/v1/relationships', body);
    expect(made.statusCode).toBe(201);
    const id = made.data<{ id: string }>().id;
    expect((await c.otherTeam.del(`/api/v1/relationships/${id}`)).statusCode).toBe(403);
    expect((await c.readOnly.get(`/api/v1/relationships/${id}`)).statusCode).toBe(200);
    expect((await c.owner.del(`/api/v1/relationships/${id}`)).statusCode).toBe(204);
  });
});
