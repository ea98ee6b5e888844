/** Housekeeping jobs: expired sessions and idempotency keys, and a smoke job for health checks. */
import { registerCaseJobs } from '../features/cases/cases.jobs.ts';
import { registerEmailJobs } from '../features/email/email.jobs.ts'; // email/calendar
import { registerLeadJobs } from '../features/leads/leads.wiring.ts';
import { registerValueJobs } from '../features/value/value.jobs.ts';
import type { Services } from '../services.ts';
import type { Jobs } from './jobs.ts';

export const SMOKE_JOB = 'system.smoke';
export const CLEANUP_JOB = 'system.cleanup';
export const REMINDER_JOB = 'tasks.reminders';
export const ATTACHMENT_GC_JOB = 'attachments.gc';

export function registerSystemJobs(jobs: Jobs, services: Services): void {
  const { database } = services;
  registerEmailJobs(jobs, services.emailSender); // email/calendar: email.send
  registerValueJobs(jobs, services.value);
  registerCaseJobs(jobs, services.caseJobs);
  registerLeadJobs(jobs, services);
  jobs.register(
    ATTACHMENT_GC_JOB,
    async () => {
      await services.attachments.collectOrphans();
    },
    { cron: '23 * * * *' },
  );
  jobs.register(SMOKE_JOB, async (data) => {
    await database.query(
      `INSERT INTO settings (key, value, updated_at) VALUES ('jobs.smoke', $1::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [JSON.stringify({ token: String(data.token ?? ''), at: new Date().toISOString() })],
    );
  });
  jobs.register(
    REMINDER_JOB,
    async () => {
      await services.tasks.sendDueReminders();
    },
    { cron: '* * * * *' },
  );
  jobs.register(
    CLEANUP_JOB,
    async () => {
      await database.query('DELETE FROM sessions WHERE expires_at < now()');
      await database.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`);
      await database.query(`DELETE FROM login_attempts WHERE window_start < now() - interval '1 day'`);
    },
    { cron: '17 * * * *' },
  );
}
