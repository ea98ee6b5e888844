import { sql } from 'drizzle-orm';
import type { ListFields } from '../shared/list-query.ts';

const col = (c: string) => sql.raw(c);

/** The whitelist of filterable and sortable contact fields (custom fields are added per request). */
export const contactListFields: ListFields = {
  name: { kind: 'text', sortable: true, notNull: true, expr: col('name') },
  firstName: { kind: 'text', sortable: true, notNull: true, expr: col('first_name') },
  lastName: { kind: 'text', sortable: true, notNull: true, expr: col('last_name') },
  jobTitle: { kind: 'text', sortable: true, expr: col('job_title') },
  email: { kind: 'text', sortable: true, expr: col('primary_email') },
  phone: { kind: 'text', sortable: false, expr: col('primary_phone') },
  language: { kind: 'enum', sortable: true, expr: col('language'), values: ['en', 'sv', 'nb', 'ru'] },
  ownerId: { kind: 'uuid', expr: col('owner_id') },
  teamId: { kind: 'uuid', expr: col('team_id') },
  creditScore: { kind: 'number', sortable: true, expr: col('credit_score') },
  npsCategory: {
    kind: 'enum',
    sortable: true,
    expr: col('nps_category'),
    values: ['promoter', 'passive', 'detractor'],
  },
  npsScore: { kind: 'number', sortable: true, expr: col('nps_score') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
  updatedAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('updated_at') },
};

/** Fields recorded in the audit log and offered in merges. */
export const contactAuditFields = [
  'firstName',
  'lastName',
  'jobTitle',
  'emails',
  'phones',
  'address',
  'language',
  'ownerId',
  'teamId',
  'custom',
  'creditScore',
  'withheldFields',
] as const;
export const contactMergeFields = [
  'firstName',
  'lastName',
  'jobTitle',
  'address',
  'language',
  'ownerId',
  'teamId',
] as const;
