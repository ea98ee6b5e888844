import { leadStatuses } from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { ListFields } from '../shared/list-query.ts';

const col = (c: string) => sql.raw(c);

/** The whitelist of filterable and sortable lead fields. */
export const leadListFields: ListFields = {
  name: { kind: 'text', sortable: true, expr: col('name') },
  firstName: { kind: 'text', sortable: true, notNull: true, expr: col('first_name') },
  lastName: { kind: 'text', sortable: true, notNull: true, expr: col('last_name') },
  email: { kind: 'text', sortable: true, expr: col('email') },
  phone: { kind: 'text', expr: col('phone') },
  company: { kind: 'text', sortable: true, expr: col('company') },
  jobTitle: { kind: 'text', sortable: true, expr: col('job_title') },
  country: { kind: 'text', sortable: true, expr: col('country') },
  language: { kind: 'enum', sortable: true, expr: col('language'), values: ['en', 'sv', 'nb', 'ru'] },
  source: { kind: 'text', sortable: true, notNull: true, expr: col('source') },
  campaign: { kind: 'text', sortable: true, expr: col('campaign') },
  status: { kind: 'enum', sortable: true, notNull: true, expr: col('status'), values: leadStatuses },
  score: { kind: 'number', sortable: true, notNull: true, expr: col('score') },
  ownerId: { kind: 'uuid', expr: col('owner_id') },
  teamId: { kind: 'uuid', expr: col('team_id') },
  formId: { kind: 'uuid', expr: col('form_id') },
  matchedContactId: { kind: 'uuid', expr: col('matched_contact_id') },
  matchedAccountId: { kind: 'uuid', expr: col('matched_account_id') },
  duplicateOfId: { kind: 'uuid', expr: col('duplicate_of_id') },
  convertedContactId: { kind: 'uuid', expr: col('converted_contact_id') },
  convertedAt: { kind: 'datetime', sortable: true, expr: col('converted_at') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
  updatedAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('updated_at') },
};

/** Fields recorded in the audit log. */
export const leadAuditFields = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'company',
  'jobTitle',
  'country',
  'language',
  'message',
  'source',
  'campaign',
  'status',
  'score',
  'ownerId',
  'teamId',
] as const;
