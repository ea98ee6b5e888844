import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';

export type TimelineKind = 'interaction' | 'task' | 'note' | 'audit' | 'order' | 'invoice';
export type TimelineKey = { kind: TimelineKind; id: string; at: string };

export type TimelineQuery = {
  recordType: 'contact' | 'account';
  recordId: string;
  kinds: TimelineKind[];
  channels?: string[];
  outcomes?: string[];
  before?: { at: string; id: string };
  limit: number;
};

/**
 * One page of a record's timeline: each source contributes at most `limit + 1` rows in
 * (time, id) order after the cursor, and the merge keeps the newest. Details are loaded by id.
 */
export async function timelineKeys(ex: Executor, q: TimelineQuery): Promise<TimelineKey[]> {
  const n = q.limit + 1;
  const after = (at: SQL, id: SQL) =>
    q.before ? sql`AND (${at}, ${id}) < (${q.before.at}::timestamptz, ${q.before.id}::uuid)` : sql``;
  const parts: SQL[] = [];
  const idCol = q.recordType === 'contact' ? sql.raw('contact_id') : sql.raw('account_id');
  if (q.kinds.includes('interaction')) {
    const channel = q.channels?.length ? sql`AND channel = ANY(${sql.param(q.channels)}::text[])` : sql``;
    const outcome = q.outcomes?.length ? sql`AND outcome = ANY(${sql.param(q.outcomes)}::text[])` : sql``;
    parts.push(sql`(SELECT 'interaction' AS kind, id, occurred_at AS at FROM interactions
      WHERE ${idCol} = ${q.recordId}::uuid ${channel} ${outcome} ${after(sql.raw('occurred_at'), sql.raw('id'))}
      ORDER BY occurred_at DESC, id DESC LIMIT ${n})`);
  }
  if (q.kinds.includes('task')) {
    parts.push(sql`(SELECT 'task' AS kind, id, created_at AS at FROM tasks
      WHERE ${idCol} = ${q.recordId}::uuid ${after(sql.raw('created_at'), sql.raw('id'))}
      ORDER BY created_at DESC, id DESC LIMIT ${n})`);
  }
  if (q.kinds.includes('note')) {
    parts.push(sql`(SELECT 'note' AS kind, id, created_at AS at FROM notes
      WHERE record_id = ${q.recordId}::uuid ${after(sql.raw('created_at'), sql.raw('id'))}
      ORDER BY created_at DESC, id DESC LIMIT ${n})`);
  }
  if (q.kinds.includes('audit')) {
    parts.push(sql`(SELECT 'audit' AS kind, id, at FROM audit_log
      WHERE record_id = ${q.recordId}::uuid ${after(sql.raw('at'), sql.raw('id'))}
      ORDER BY at DESC, id DESC LIMIT ${n})`);
  }
  if (q.kinds.includes('order')) {
    parts.push(sql`(SELECT 'order' AS kind, id, ordered_at AS at FROM orders
      WHERE ${idCol} = ${q.recordId}::uuid ${after(sql.raw('ordered_at'), sql.raw('id'))}
      ORDER BY ordered_at DESC, id DESC LIMIT ${n})`);
  }
  if (q.kinds.includes('invoice')) {
    // An invoice sits on the timeline at the start of its issue day (UTC).
    const at = sql.raw(`(issued_on::timestamp AT TIME ZONE 'UTC')`);
    parts.push(sql`(SELECT 'invoice' AS kind, id, ${at} AS at FROM invoices
      WHERE ${idCol} = ${q.recordId}::uuid ${after(at, sql.raw('id'))}
      ORDER BY issued_on DESC, id DESC LIMIT ${n})`);
  }
  if (!parts.length) return [];
  const res = await ex.execute<{ kind: TimelineKind; id: string; at: string }>(
    sql`SELECT kind, id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
        FROM (${sql.join(parts, sql` UNION ALL `)}) t ORDER BY t.at DESC, t.id DESC LIMIT ${n}`,
  );
  return (res as unknown as { rows: TimelineKey[] }).rows;
}
