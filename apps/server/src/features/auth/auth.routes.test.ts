import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginMaxFailures: 3 });
});
afterAll(async () => {
  await t?.close();
});

describe('sessions', () => {
  it('logs in with an HttpOnly SameSite cookie, answers /me, and logs out', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'ADMIN@relata.local', password: ADMIN_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/relata_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const { csrfToken, user } = res.json().data;
    expect(user.email).toBe('admin@relata.local');
    expect(user.permissions.contacts.read).toBe('all');
    const session = cookie.split(';')[0]!;
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } });
    expect(me.json().data.csrfToken).toBe(csrfToken);
    expect(me.json().data.calendarFeedUrl).toMatch(/\/cal\/[A-Za-z0-9_-]{20,}\.ics$/);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session, 'x-csrf-token': csrfToken },
    });
    expect(out.statusCode).toBe(204);
    t.services.auth.forget();
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } });
    expect(after.statusCode).toBe(401);
  });

  it('refuses cookie writes without the CSRF token, and changes nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin@relata.local', password: ADMIN_PASSWORD },
    });
    const session = String(res.headers['set-cookie']).split(';')[0]!;
    const w = await t.app.inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: { cookie: session },
      payload: { name: 'CSRF team' },
    });
    expect(w.statusCode).toBe(403);
    expect(w.json().code).toBe('csrf_failed');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/teams',
      headers: { cookie: session, 'x-csrf-token': 'nope' },
      payload: { name: 'CSRF team' },
    });
    expect(bad.statusCode).toBe(403);
    const teams = await t.admin.get('/api/v1/teams');
    expect((teams.json().data as { name: string }[]).some((x) => x.name === 'CSRF team')).toBe(false);
  });

  it('answers wrong passwords with 401 and locks out after repeated failures with 429 and Retry-After', async () => {
    await t.userClient('agent');
    const attempt = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'agent.1@example.com', password },
        remoteAddress: '10.1.2.3',
      });
    for (let i = 0; i < 3; i++) {
      const r = await attempt('wrong-password');
      expect(r.statusCode).toBe(401);
      expect(r.json().code).toBe('invalid_credentials');
    }
    const locked = await attempt('user-password-1234');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'ghost@example.com', password: 'x' },
    });
    expect(unknown.statusCode).toBe(401);
  });

  it('rejects unknown, revoked and read-only API keys appropriately', async () => {
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/contacts',
      headers: { authorization: 'Bearer rk_nope' },
    });
    expect(bad.statusCode).toBe(401);
    const created = await t.admin.post('/api/v1/api-keys', { name: 'integration', scopes: ['read'] });
    expect(created.statusCode).toBe(201);
    const { id, secret, prefix } = created.data<{ id: string; secret: string; prefix: string }>();
    expect(secret.startsWith(prefix)).toBe(true);
    const listed = await t.admin.get('/api/v1/api-keys');
    expect(JSON.stringify(listed.json())).not.toContain(secret);
    const auth = { authorization: `Bearer ${secret}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: auth })).statusCode).toBe(
      200,
    );
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: auth,
      payload: { lastName: 'X' },
    });
    expect(write.statusCode).toBe(403);
    expect((await t.admin.del(`/api/v1/api-keys/${id}`)).statusCode).toBe(204);
    t.services.auth.forget();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/contacts', headers: auth })).statusCode).toBe(
      401,
    );
  });

  it('changing a password ends the user’s sessions', async () => {
    const agent = await t.userClient('agent');
    const r = await agent.patch(`/api/v1/users/${agent.userId}`, { password: 'another-password-99' });
    expect(r.statusCode).toBe(200);
    t.services.auth.forget();
    expect((await agent.get('/api/v1/me')).statusCode).toBe(401);
  });
});
