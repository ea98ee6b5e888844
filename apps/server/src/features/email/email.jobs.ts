import type { Jobs } from '../../jobs/jobs.ts';
import { EMAIL_SEND_JOB, type EmailSender, MAX_ATTEMPTS } from './email-send.ts';

export function registerEmailJobs(jobs: Jobs, sender: EmailSender): void {
  jobs.register(
    EMAIL_SEND_JOB,
    async (data) => {
      if (typeof data.emailId === 'string') await sender.sendOne(data.emailId);
    },
    { retryLimit: MAX_ATTEMPTS - 1, retryDelay: 30, retryBackoff: true },
  );
}
