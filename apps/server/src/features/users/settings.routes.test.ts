import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('users, teams, roles and custom fields', () => {
  it('manages teams and users; deactivating a user ends their access', async () => {
    const team = await t.admin.post('/api/v1/teams', { name: 'Nordics', description: 'SE/NO' });
    expect(team.statusCode).toBe(201);
    const teamId = team.data<{ id: string }>().id;
    expect((await t.admin.post('/api/v1/teams', { name: 'nordics' })).statusCode).toBe(409);

    const u = await t.admin.post('/api/v1/users', {
      email: 'Sara@Example.com',
      name: 'Sara',
      role: 'agent',
      teamId,
      password: 'sara-password-123',
    });
    expect(u.statusCode).toBe(201);
    const user = u.data<{ id: string; email: string; version: number }>();
    expect(user.email).toBe('sara@example.com');
    expect(JSON.stringify(u.json())).not.toContain('password');
    expect(
      (
        await t.admin.post('/api/v1/users', {
          email: 'sara@example.com',
          name: 'Dup',
          role: 'agent',
          password: 'sara-password-123',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await t.admin.post('/api/v1/users', {
          email: 'x@example.com',
          name: 'X',
          role: 'emperor',
          password: 'sara-password-123',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await t.admin.post('/api/v1/users', {
          email: 'y@example.com',
          name: 'Y',
          role: 'agent',
          password: 'short',
        })
      ).statusCode,
    ).toBe(400);

    const sara = await t.login('sara@example.com', 'sara-password-123');
    expect((await sara.get('/api/v1/me')).data<{ teamId: string }>().teamId).toBe(teamId);
    expect((await t.admin.del(`/api/v1/teams/${teamId}`)).statusCode).toBe(409);

    const off = await t.admin.patch(`/api/v1/users/${user.id}`, { active: false });
    expect(off.statusCode).toBe(200);
    t.services.auth.forget();
    expect((await sara.get('/api/v1/me')).statusCode).toBe(401);
    await expect(t.login('sara@example.com', 'sara-password-123')).rejects.toThrow(/401/);

    const list = await t.admin.get('/api/v1/users?filter[active][eq]=true&sort=email');
    expect((list.json().data as { email: string }[]).map((x) => x.email)).toEqual(['admin@relata.local']);
  });

  it('creates custom roles that grant exactly what they list', async () => {
    const r = await t.admin.post('/api/v1/roles', {
      key: 'auditor',
      name: 'Auditor',
      permissions: { audit: { read: 'all' }, contacts: { read: 'own' } },
    });
    expect(r.statusCode).toBe(201);
    expect(
      (
        await t.admin.post('/api/v1/roles', {
          key: 'bad',
          name: 'Bad',
          permissions: { contacts: { fly: 'all' } },
        })
      ).statusCode,
    ).toBe(400);
    expect((await t.admin.patch('/api/v1/roles/admin', { name: 'Root' })).statusCode).toBe(409);
    expect((await t.admin.del('/api/v1/roles/admin')).statusCode).toBe(409);
    const auditor = await t.userClient('auditor');
    const mine = await auditor.post('/api/v1/contacts', { lastName: 'Nope' });
    expect(mine.statusCode).toBe(403);
    await t.admin.post('/api/v1/contacts', { lastName: 'Hidden' });
    const visible = await auditor.get('/api/v1/contacts');
    expect(visible.statusCode).toBe(200);
    expect(visible.json().data).toEqual([]);
    expect((await auditor.get('/api/v1/accounts')).statusCode).toBe(403);
    expect((await t.admin.del('/api/v1/roles/auditor')).statusCode).toBe(409);
  });

  it('defines custom fields per entity with unique keys, and edits and removes them', async () => {
    const f = await t.admin.post('/api/v1/custom-fields', {
      entity: 'account',
      key: 'tier',
      label: 'Tier',
      type: 'select',
      options: [{ value: 'a', label: 'A' }],
    });
    expect(f.statusCode).toBe(201);
    const id = f.data<{ id: string }>().id;
    expect(
      (
        await t.admin.post('/api/v1/custom-fields', {
          entity: 'account',
          key: 'tier',
          label: 'Again',
          type: 'text',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await t.admin.post('/api/v1/custom-fields', {
          entity: 'contact',
          key: 'tier',
          label: 'Contact tier',
          type: 'text',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await t.admin.post('/api/v1/custom-fields', {
          entity: 'contact',
          key: 'Bad Key',
          label: 'x',
          type: 'text',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await t.admin.post('/api/v1/custom-fields', {
          entity: 'contact',
          key: 'pick',
          label: 'x',
          type: 'select',
        })
      ).statusCode,
    ).toBe(400);
    const upd = await t.admin.patch(
      `/api/v1/custom-fields/${id}`,
      { label: 'Value tier', required: true },
      { 'if-match': '"1"' },
    );
    expect(upd.statusCode).toBe(200);
    const missing = await t.admin.post('/api/v1/accounts', { name: 'No tier' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('custom.tier');
    expect((await t.admin.get('/api/v1/custom-fields?filter[entity][eq]=planet')).statusCode).toBe(400);
    const list = await t.admin.get('/api/v1/custom-fields?filter[entity][eq]=account');
    expect((list.json().data as { key: string }[]).map((d) => d.key)).toEqual(['tier']);
    expect((await t.admin.del(`/api/v1/custom-fields/${id}`)).statusCode).toBe(204);
    expect((await t.admin.post('/api/v1/accounts', { name: 'No tier' })).statusCode).toBe(201);
  });

  it('lists the audit log newest first with cursor paging', async () => {
    const first = await t.admin.get('/api/v1/audit?limit=2');
    const body = first.json() as { data: { at: string }[]; nextCursor: string };
    expect(body.data.length).toBe(2);
    const next = await t.admin.get(`/api/v1/audit?limit=2&cursor=${body.nextCursor}`);
    expect(next.statusCode).toBe(200);
    expect(next.json().data[0].at <= body.data[1]!.at).toBe(true);
    expect((await t.admin.get('/api/v1/audit?cursor=%%%')).statusCode).toBe(400);
    // Well-formed JSON whose id is not a UUID must be a 400, not a database error.
    const forged = Buffer.from(JSON.stringify({ at: new Date().toISOString(), id: 'x' })).toString(
      'base64url',
    );
    expect((await t.admin.get(`/api/v1/audit?cursor=${forged}`)).statusCode).toBe(400);
    const users = await t.admin.get('/api/v1/users?q=%25');
    expect(users.json().data).toEqual([]);
    const dash = await t.admin.get('/api/v1/dashboard');
    expect(dash.data<{ users: number; recent: unknown[] }>().recent.length).toBeGreaterThan(0);
    const counts = dash.data<{ contacts: number; accounts: number; users: number }>();
    const [c] = await t.services.database.query<{ n: number }>('SELECT count(*)::int AS n FROM contacts');
    expect(counts.contacts).toBe(c!.n);
    expect(counts.users).toBeGreaterThan(0);
  });
});
