/** The value engine's jobs: queued recomputes, incremental rescoring and the nightly run. */
import type { Jobs } from '../../jobs/jobs.ts';
import type { ValueService } from './value.service.ts';
import {
  type RescoreTarget,
  VALUE_NIGHTLY_JOB,
  VALUE_RECOMPUTE_JOB,
  VALUE_RESCORE_JOB,
} from './value-job-names.ts';

export function registerValueJobs(jobs: Jobs, value: ValueService): void {
  jobs.register(
    VALUE_RECOMPUTE_JOB,
    async (data) => {
      await value.executeQueued(String(data.runId));
    },
    { retryLimit: 2, retryDelay: 60 },
  );
  jobs.register(
    VALUE_RESCORE_JOB,
    async (data) => {
      await value.rescore((data.customers ?? []) as RescoreTarget[]);
    },
    { retryLimit: 5, retryDelay: 5, retryBackoff: true },
  );
  // Every night: refit and rescore contacts and accounts.
  jobs.register(
    VALUE_NIGHTLY_JOB,
    async () => {
      await value.recomputeNow('contact', 'schedule');
      await value.recomputeNow('account', 'schedule');
    },
    { cron: '30 2 * * *' },
  );
}
