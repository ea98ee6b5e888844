/**
 * References in an input checked before they reach the database: a missing user, team or queue
 * is a field error (400), never a foreign-key violation (500).
 */
import type { FieldError } from '@relata/domain';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/connection.ts';
import { invalid } from '../../http/errors.ts';

type Table = 'users' | 'teams' | 'queues' | 'business_calendars' | 'surveys';
/** `active`: only rows that are active count (users who left, queues switched off). */
export type Ref = { field: string; table: Table; id: string | null | undefined; active?: boolean };

const what: Record<Table, string> = {
  users: 'user',
  teams: 'team',
  queues: 'queue',
  business_calendars: 'business calendar',
  surveys: 'survey',
};

export async function assertRefs(ex: Executor, refs: readonly Ref[]): Promise<void> {
  const errors: FieldError[] = [];
  for (const r of refs) {
    if (!r.id) continue;
    const found = await queryRows(
      ex,
      sql`SELECT 1 FROM ${sql.identifier(r.table)} WHERE id = ${r.id}::uuid ${r.active ? sql`AND active` : sql``}`,
    );
    if (!found.length)
      errors.push({
        field: r.field,
        code: 'not_found',
        message: `no such ${r.active ? 'active ' : ''}${what[r.table]}`,
      });
  }
  if (errors.length) throw invalid(errors);
}
