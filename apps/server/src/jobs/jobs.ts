/**
 * Background jobs on pg-boss, on either database. Producers enqueue inside their own
 * transaction (`sendInTx`) so a change and its jobs commit together.
 */
import { sql } from 'drizzle-orm';
import { type DrizzleTransactionLike, fromDrizzle, PgBoss } from 'pg-boss';
import type { Database, Executor } from '../db/connection.ts';

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

/** Retry options apply to every job sent to the queue (pg-boss: delay in seconds, exponential). */
export type RegisterOptions = {
  cron?: string;
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
};

export type Jobs = {
  start(opts: { work: boolean }): Promise<void>;
  stop(): Promise<void>;
  register(name: string, handler: JobHandler, opts?: RegisterOptions): void;
  send(name: string, data: Record<string, unknown>): Promise<string | null>;
  sendInTx(tx: Executor, name: string, data: Record<string, unknown>): Promise<string | null>;
};

export function createJobs(database: Database, opts: { schema?: string } = {}): Jobs {
  const schema = opts.schema ?? 'pgboss';
  const boss =
    'db' in database.boss
      ? new PgBoss({ db: database.boss.db, schema, backend: 'pglite' } as ConstructorParameters<
          typeof PgBoss
        >[0])
      : new PgBoss({ connectionString: database.boss.connectionString, max: database.boss.max, schema });
  boss.on('error', (err: unknown) => {
    console.error('[jobs]', err instanceof Error ? err.message : err);
  });
  const handlers = new Map<string, JobHandler>();
  const crons = new Map<string, string>();
  const retries = new Map<string, Omit<RegisterOptions, 'cron'>>();
  let started = false;
  return {
    register(name, handler, o) {
      handlers.set(name, handler);
      if (o?.cron) crons.set(name, o.cron);
      const { cron: _, ...retry } = o ?? {};
      if (Object.keys(retry).length) retries.set(name, retry);
    },
    async start({ work }) {
      await boss.start();
      started = true;
      for (const name of handlers.keys()) await boss.createQueue(name);
      if (!work) return;
      for (const [name, cron] of crons) await boss.schedule(name, cron);
      for (const [name, handler] of handlers) {
        await boss.work(name, { pollingIntervalSeconds: 0.5 }, async (jobs) => {
          for (const job of jobs) await handler((job.data ?? {}) as Record<string, unknown>);
        });
      }
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, timeout: 5000 });
      started = false;
    },
    send: (name, data) => boss.send(name, data, { ...retries.get(name) }),
    sendInTx: (tx, name, data) =>
      boss.send(name, data, {
        ...retries.get(name),
        db: fromDrizzle(tx as unknown as DrizzleTransactionLike, sql),
      }),
  };
}
