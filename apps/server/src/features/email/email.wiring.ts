/**
 * Composition of the email, attachments and calendar features, called once from
 * createServices. Settings are optional so tests can leave them out (a temp data dir,
 * a logging mailer).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import { createAttachmentService } from '../attachments/attachments.service.ts';
import { createFsStorage } from '../attachments/storage.ts';
import { createCalendarService } from '../calendar/calendar.service.ts';
import type { InteractionService } from '../interactions/interactions.service.ts';
import { createEmailService } from './email.service.ts';
import { createEmailSender } from './email-send.ts';
import { createMailer, type Mailer } from './mailer.ts';

export type MailConfig = Partial<
  Pick<Config, 'dataDir' | 'smtpUrl' | 'mailFrom' | 'uploadMaxMb' | 'publicUrl'>
>;

export function createMailFeatures(deps: {
  db: Db;
  clock: () => Date;
  jobs: Jobs;
  interactions: InteractionService;
  config: MailConfig;
  mailer?: Mailer | undefined;
}) {
  const { db, clock, config } = deps;
  const dataDir = config.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'relata-data-'));
  const mailFrom = config.mailFrom ?? 'Relata <relata@localhost>';
  const attachments = createAttachmentService({
    db,
    storage: createFsStorage(path.join(dataDir, 'attachments')),
    maxBytes: (config.uploadMaxMb ?? 25) * 1024 * 1024,
  });
  const mailer =
    deps.mailer ??
    createMailer({
      smtpUrl: config.smtpUrl,
      log: (message, data) => console.info(`[email] ${message}`, JSON.stringify(data).slice(0, 2000)),
    });
  return {
    attachments,
    emailSender: createEmailSender({ db, clock, mailer, mailFrom }),
    emails: createEmailService({
      db,
      clock,
      jobs: deps.jobs,
      interactions: deps.interactions,
      attachments,
      mailFrom,
    }),
    calendar: createCalendarService({
      db,
      clock,
      interactions: deps.interactions,
      publicUrl: config.publicUrl,
    }),
  };
}
