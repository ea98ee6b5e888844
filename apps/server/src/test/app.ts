/** A real app on a real database for route tests, with signed-in clients per role. */
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { ensureAdmin } from '../bootstrap.ts';
import { hashPassword } from '../features/auth/passwords.ts';
import { insertTeam } from '../features/teams/teams.repository.ts';
import { insertUser } from '../features/users/users.repository.ts';
import type { App } from '../http/app-types.ts';
import { createJobs } from '../jobs/jobs.ts';
import { registerSystemJobs } from '../jobs/system.jobs.ts';
import { createServices, type Services } from '../services.ts';
import { createTestDatabase } from './db.ts';

export const ADMIN_PASSWORD = 'admin-password-123';
const USER_PASSWORD = 'user-password-1234';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Res = LightMyRequestResponse & { body: string; data: <T = Record<string, unknown>>() => T };

export type Client = {
  userId: string;
  teamId: string | null;
  request(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<Res>;
  get(url: string, headers?: Record<string, string>): Promise<Res>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<Res>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<Res>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<Res>;
  del(url: string, headers?: Record<string, string>): Promise<Res>;
};

export type TestApp = {
  app: App;
  services: Services;
  admin: Client;
  anonymous: Client;
  login(email: string, password: string): Promise<Client>;
  userClient(role: string, teamId?: string | null, name?: string): Promise<Client>;
  apiKeyClient(owner: Client, scopes: ('read' | 'write')[]): Promise<Client>;
  team(name: string): Promise<string>;
  close(): Promise<void>;
};

function wrap(res: LightMyRequestResponse): Res {
  const r = res as Res;
  r.data = <T>() => (res.json() as { data: T }).data;
  return r;
}

function makeClient(
  app: App,
  auth: { cookie?: string; csrf?: string; bearer?: string },
  userId: string,
  teamId: string | null,
): Client {
  const request = async (
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const h: Record<string, string> = { ...headers };
    if (auth.cookie) h.cookie = auth.cookie;
    if (auth.csrf && method !== 'GET') h['x-csrf-token'] = auth.csrf;
    if (auth.bearer) h.authorization = `Bearer ${auth.bearer}`;
    const res = await app.inject({
      method,
      url,
      headers: h,
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    return wrap(res);
  };
  return {
    userId,
    teamId,
    request,
    get: (url, headers) => request('GET', url, undefined, headers),
    post: (url, body, headers) => request('POST', url, body ?? {}, headers),
    patch: (url, body, headers) => request('PATCH', url, body ?? {}, headers),
    put: (url, body, headers) => request('PUT', url, body ?? {}, headers),
    del: (url, headers) => request('DELETE', url, undefined, headers),
  };
}

export async function createTestApp(
  opts: {
    loginMaxFailures?: number;
    workJobs?: boolean;
    /** A fake clock for the services (sessions last a year so they survive its jumps). */
    clock?: () => Date;
    publicUrl?: string;
  } = {},
): Promise<TestApp> {
  const { database, cleanup } = await createTestDatabase();
  const jobs = createJobs(database);
  const services = createServices({
    database,
    jobs,
    clock: opts.clock ?? (() => new Date()),
    config: {
      sessionTtlHours: opts.clock ? 24 * 365 : 24,
      loginMaxFailures: opts.loginMaxFailures ?? 5,
      defaultPhoneCountry: 'SE',
      cookieSecure: 'false',
      ...(opts.publicUrl ? { publicUrl: opts.publicUrl } : {}),
    },
  });
  const app = await buildApp(services, { webDist: '/nonexistent' });
  await services.events.start();
  // Every queue exists so changes can enqueue their jobs; tests run the handlers themselves
  // unless they ask for a working queue.
  registerSystemJobs(jobs, services);
  await jobs.start({ work: opts.workJobs ?? false });
  await ensureAdmin(database, ADMIN_PASSWORD);

  async function login(email: string, password: string): Promise<Client> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const body = res.json() as { data: { csrfToken: string; user: { id: string; teamId: string | null } } };
    return makeClient(app, { cookie, csrf: body.data.csrfToken }, body.data.user.id, body.data.user.teamId);
  }
  let n = 0;
  const passwordHash = await hashPassword(USER_PASSWORD);
  return {
    app,
    services,
    admin: await login('admin@relata.local', ADMIN_PASSWORD),
    anonymous: makeClient(app, {}, '', null),
    login,
    async userClient(role, teamId = null, name) {
      n += 1;
      const email = `${role}.${n}@example.com`;
      await insertUser(database.db, { email, name: name ?? `${role} ${n}`, role, teamId, passwordHash });
      return login(email, USER_PASSWORD);
    },
    async apiKeyClient(owner, scopes) {
      const res = await owner.post('/api/v1/api-keys', { name: `key ${++n}`, scopes });
      if (res.statusCode !== 201) throw new Error(`api key failed: ${res.body}`);
      return makeClient(app, { bearer: res.data<{ secret: string }>().secret }, owner.userId, owner.teamId);
    },
    async team(name) {
      return (await insertTeam(database.db, { name })).id;
    },
    async close() {
      await app.close();
      await services.events.stop();
      await jobs.stop();
      await cleanup();
    },
  };
}
