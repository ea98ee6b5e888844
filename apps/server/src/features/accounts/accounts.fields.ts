import { accountSizes, accountTypes } from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { ListFields } from '../shared/list-query.ts';

const col = (c: string) => sql.raw(c);

export const accountListFields: ListFields = {
  name: { kind: 'text', sortable: true, notNull: true, expr: col('name') },
  domain: { kind: 'text', sortable: true, expr: col('domain') },
  type: { kind: 'enum', sortable: true, notNull: true, expr: col('type'), values: accountTypes },
  industry: { kind: 'text', sortable: true, expr: col('industry') },
  size: { kind: 'enum', sortable: true, expr: col('size'), values: accountSizes },
  ownerId: { kind: 'uuid', expr: col('owner_id') },
  teamId: { kind: 'uuid', expr: col('team_id') },
  creditScore: { kind: 'number', sortable: true, expr: col('credit_score') },
  npsScore: { kind: 'number', sortable: true, expr: col('nps_score') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
  updatedAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('updated_at') },
};

export const accountAuditFields = [
  'name',
  'domain',
  'type',
  'industry',
  'size',
  'address',
  'ownerId',
  'teamId',
  'custom',
  'creditScore',
] as const;
export const accountMergeFields = [
  'name',
  'domain',
  'type',
  'industry',
  'size',
  'address',
  'ownerId',
  'teamId',
] as const;
