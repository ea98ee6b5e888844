import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const publicRoutes = new Set([
  'POST /api/v1/auth/login',
  'GET /healthz',
  'GET /readyz',
  'GET /api/v1/openapi.json',
  'GET /cal/:file', // email/calendar: the iCalendar feed; its unguessable token is the secret
  'GET /u/:token', // one-click unsubscribe: the signed token is the secret
  'POST /u/:token',
  'GET /s/:token', // survey response page: the signed link is the key
  'POST /s/:token',
  'POST /f/:formKey', // lead web forms: the form's random key; rate-limited, honeypot
  'OPTIONS /f/:formKey', // CORS preflight for forms embedded on other sites
]);

describe('route table', () => {
  it('every route declares its auth, and only the known ones are public', () => {
    const routes = t.app.routeTable.filter((r) => !r.url.startsWith('/api/docs') && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(40);
    for (const r of routes) {
      expect(['public', 'user'], `${r.method} ${r.url}`).toContain(r.auth);
      if (r.auth === 'public')
        expect(publicRoutes.has(`${r.method} ${r.url}`) || r.url === '/*', `${r.method} ${r.url}`).toBe(true);
    }
  });

  it('every non-public route refuses an anonymous caller with 401 problem+json', async () => {
    const routes = t.app.routeTable.filter((r) => r.auth === 'user' && r.method !== 'HEAD');
    for (const r of routes) {
      const url = r.url.replace(':id', '00000000-0000-4000-8000-000000000000').replace(':key', 'admin');
      const res = await t.anonymous.request(
        r.method as 'GET',
        url,
        r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      );
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses to register a route that does not declare its auth', async () => {
    const { default: Fastify } = await import('fastify');
    const { registerAuth } = await import('./auth.plugin.ts');
    const app = Fastify();
    registerAuth(app, t.services.auth);
    expect(() => app.get('/x', async () => 'x')).toThrow(/does not declare its auth/);
    await app.close();
  });

  it('serves the OpenAPI document and the docs page publicly', async () => {
    const doc = await t.anonymous.get('/api/v1/openapi.json');
    expect(doc.statusCode).toBe(200);
    const body = doc.json();
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toContain('/api/v1/contacts/{id}');
    const docs = await t.anonymous.get('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect((await t.anonymous.get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.anonymous.get('/readyz')).statusCode).toBe(200);
  });
});
