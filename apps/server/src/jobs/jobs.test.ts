import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.ts';
import { createServices } from '../services.ts';
import { createTestDatabase, type TestDatabase } from '../test/db.ts';
import { createJobs, type Jobs } from './jobs.ts';
import { registerSystemJobs, SMOKE_JOB } from './system.jobs.ts';

let tdb: TestDatabase;
let database: Database;
let jobs: Jobs;
beforeAll(async () => {
  tdb = await createTestDatabase();
  database = tdb.database;
  jobs = createJobs(database);
  const services = createServices({
    database,
    jobs,
    clock: () => new Date(),
    config: {
      sessionTtlHours: 1,
      loginMaxFailures: 5,
      defaultPhoneCountry: undefined,
      cookieSecure: 'false',
    },
  });
  registerSystemJobs(jobs, services);
  await jobs.start({ work: true });
});
afterAll(async () => {
  await jobs?.stop();
  await tdb?.cleanup();
});

async function smokeToken(): Promise<string | undefined> {
  const rows = await database.query<{ value: { token: string } }>(
    "SELECT value FROM settings WHERE key = 'jobs.smoke'",
  );
  return rows[0]?.value.token;
}

async function waitFor(fn: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

describe('jobs (pg-boss)', () => {
  it('runs a job sent directly', async () => {
    await jobs.send(SMOKE_JOB, { token: 'direct' });
    await waitFor(async () => (await smokeToken()) === 'direct');
  });

  it('enqueues inside a transaction: a rollback sends nothing, a commit sends the job', async () => {
    await database.db
      .transaction(async (tx) => {
        await jobs.sendInTx(tx, SMOKE_JOB, { token: 'rolled-back' });
        throw new Error('abort');
      })
      .catch(() => {});
    await database.db.transaction(async (tx) => {
      await jobs.sendInTx(tx, SMOKE_JOB, { token: 'committed' });
    });
    await waitFor(async () => (await smokeToken()) === 'committed');
    const sent = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'token' = 'rolled-back'`,
      [SMOKE_JOB],
    );
    expect(sent[0]!.n).toBe(0);
  });
});
