import { and, desc, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/connection.ts';
import { businessCalendars, cases, disputes, slaPolicies } from '../../db/schema.ts';

export type CaseRow = typeof cases.$inferSelect;
export type CaseInsert = typeof cases.$inferInsert;
export type DisputeRow = typeof disputes.$inferSelect;
export type SlaPolicyRow = typeof slaPolicies.$inferSelect;
export type CalendarRow = typeof businessCalendars.$inferSelect;

export async function pageCases(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(cases), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(cases)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getCase(ex: Executor, id: string, forUpdate = false): Promise<CaseRow | undefined> {
  const q = ex.select().from(cases).where(eq(cases.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function nextCaseNumber(ex: Executor): Promise<string> {
  const [r] = await queryRows<{ n: string }>(ex, sql`SELECT nextval('case_number_seq')::text AS n`);
  return `CS-${r!.n.padStart(6, '0')}`;
}

export async function insertCase(ex: Executor, v: CaseInsert): Promise<CaseRow> {
  const [row] = await ex.insert(cases).values(v).returning();
  return row!;
}

export async function updateCase(ex: Executor, id: string, v: Partial<CaseInsert>): Promise<CaseRow> {
  const [row] = await ex.update(cases).set(v).where(eq(cases.id, id)).returning();
  return row!;
}

export async function deleteCase(ex: Executor, id: string): Promise<void> {
  await ex.delete(cases).where(eq(cases.id, id));
}

/** Every SLA policy in order, and the calendars they use. */
export async function slaSetup(
  ex: Executor,
): Promise<{ policies: SlaPolicyRow[]; calendars: Map<string, CalendarRow> }> {
  const [policies, calendars] = await Promise.all([
    ex.select().from(slaPolicies).orderBy(slaPolicies.position, slaPolicies.createdAt),
    ex.select().from(businessCalendars),
  ]);
  return { policies, calendars: new Map(calendars.map((c) => [c.id, c])) };
}

/** A customer's open cases, most urgent deadline first (360° view, screen pop). */
export async function openCasesFor(ex: Executor, column: 'contact' | 'account', id: string, limit = 20) {
  const c = column === 'contact' ? cases.contactId : cases.accountId;
  return ex
    .select()
    .from(cases)
    .where(and(eq(c, id), inArray(cases.status, ['new', 'open', 'pending'])))
    .orderBy(sql`${cases.nextDueAt} ASC NULLS LAST`, desc(cases.createdAt))
    .limit(limit);
}

/** Inbound interactions and cases of a customer since a time (repeated contact). */
export async function recentContacts(
  ex: Executor,
  contactId: string | null,
  accountId: string | null,
  since: Date,
): Promise<number> {
  if (!contactId && !accountId) return 0;
  const [r] = await queryRows<{ n: number }>(
    ex,
    sql`SELECT
      (SELECT count(*) FROM interactions i WHERE i.direction = 'inbound' AND i.occurred_at >= ${since}
        AND (i.contact_id = ${contactId}::uuid OR i.account_id = ${accountId}::uuid))
      + (SELECT count(*) FROM cases k WHERE k.created_at >= ${since}
        AND (k.contact_id = ${contactId}::uuid OR k.account_id = ${accountId}::uuid)) AS n`,
  );
  return Number(r?.n ?? 0);
}

export async function npsOf(ex: Executor, contactId: string | null) {
  if (!contactId) return null;
  const [r] = await queryRows<{ category: string | null; score: number | null; answered_at: Date | null }>(
    ex,
    sql`SELECT nps_category AS category, nps_score AS score, nps_answered_at AS answered_at
        FROM contacts WHERE id = ${contactId}::uuid`,
  );
  return r ?? null;
}

export async function disputeFor(ex: Executor, column: 'case' | 'interaction', id: string) {
  const c = column === 'case' ? disputes.caseId : disputes.interactionId;
  const [row] = await ex.select().from(disputes).where(eq(c, id));
  return row;
}

export async function disputesForCases(ex: Executor, ids: string[]): Promise<Map<string, DisputeRow>> {
  if (!ids.length) return new Map();
  const rows = await ex.select().from(disputes).where(inArray(disputes.caseId, ids));
  return new Map(rows.map((d) => [d.caseId!, d]));
}

export async function insertDispute(ex: Executor, v: typeof disputes.$inferInsert): Promise<DisputeRow> {
  const [row] = await ex.insert(disputes).values(v).returning();
  return row!;
}

/** Cases whose clocks reached a warning or due time and have not been told yet. */
export async function clocksDue(ex: Executor, now: Date, limit: number) {
  return queryRows<{ id: string }>(
    ex,
    sql`(SELECT id FROM cases WHERE first_responded_at IS NULL AND first_response_breached_at IS NULL
           AND status IN ('new', 'open', 'pending') AND first_response_warn_at <= ${now}
           AND (first_response_warned_at IS NULL OR first_response_due_at <= ${now})
         ORDER BY first_response_warn_at LIMIT ${limit})
        UNION
        (SELECT id FROM cases WHERE resolved_at IS NULL AND resolution_breached_at IS NULL
           AND pending_since IS NULL AND status IN ('new', 'open', 'pending') AND resolution_warn_at <= ${now}
           AND (resolution_warned_at IS NULL OR resolution_due_at <= ${now})
         ORDER BY resolution_warn_at LIMIT ${limit})`,
  );
}

/** Who hears of a breach: the queue's escalation user, else its team's members. */
export async function escalationUsers(ex: Executor, queueId: string | null): Promise<string[]> {
  if (!queueId) return [];
  const rows = await queryRows<{ id: string }>(
    ex,
    sql`SELECT coalesce(q.escalation_user_id, u.id) AS id FROM queues q
        LEFT JOIN users u ON q.escalation_user_id IS NULL AND u.team_id = q.team_id AND u.active
        WHERE q.id = ${queueId}::uuid`,
  );
  return [...new Set(rows.map((r) => r.id).filter(Boolean))];
}

export type SlaGroupBy = 'priority' | 'queue' | 'channel' | 'tier';

type ReportRow = {
  key: string | null;
  label: string | null;
  cases: number;
  fr_met: number;
  fr_missed: number;
  res_met: number;
  res_missed: number;
  avg_first_response_minutes: number | null;
  avg_resolution_minutes: number | null;
};

/**
 * SLA compliance of the cases opened in [from, to): per group, clocks met and missed (a clock
 * still running past its due time counts as missed) and mean wall-clock times.
 */
export async function slaReport(ex: Executor, from: Date, to: Date, groupBy: SlaGroupBy, now: Date) {
  const key = {
    priority: sql`k.priority`,
    queue: sql`k.queue_id::text`,
    channel: sql`k.channel`,
    tier: sql`coalesce(av.tier, cv.tier)`,
  }[groupBy];
  const label = groupBy === 'queue' ? sql`max(q.name)` : sql`NULL::text`;
  return queryRows<ReportRow>(
    ex,
    sql`SELECT ${key} AS key, ${label} AS label, count(*)::int AS cases,
      count(*) FILTER (WHERE k.first_response_due_at IS NOT NULL AND k.first_responded_at <= k.first_response_due_at)::int AS fr_met,
      count(*) FILTER (WHERE k.first_response_due_at IS NOT NULL AND (k.first_responded_at > k.first_response_due_at
        OR (k.first_responded_at IS NULL AND k.first_response_due_at <= ${now})))::int AS fr_missed,
      count(*) FILTER (WHERE k.resolution_due_at IS NOT NULL AND k.resolved_at <= k.resolution_due_at)::int AS res_met,
      count(*) FILTER (WHERE k.resolution_due_at IS NOT NULL AND (k.resolved_at > k.resolution_due_at
        OR (k.resolved_at IS NULL AND k.pending_since IS NULL AND k.resolution_due_at <= ${now})))::int AS res_missed,
      (avg(extract(epoch FROM k.first_responded_at - k.created_at)) / 60)::float8 AS avg_first_response_minutes,
      (avg(extract(epoch FROM k.resolved_at - k.created_at)) / 60)::float8 AS avg_resolution_minutes
    FROM cases k
    LEFT JOIN queues q ON q.id = k.queue_id
    LEFT JOIN customer_values av ON av.customer_type = 'account' AND av.customer_id = k.account_id
    LEFT JOIN customer_values cv ON cv.customer_type = 'contact' AND cv.customer_id = k.contact_id
    WHERE k.created_at >= ${from} AND k.created_at < ${to}
    GROUP BY 1 ORDER BY 1 NULLS LAST`,
  );
}

/** Open cases per contact (screen-pop cards). */
export async function openCaseCounts(ex: Executor, contactIds: string[]): Promise<Map<string, number>> {
  if (!contactIds.length) return new Map();
  const rows = await queryRows<{ contact_id: string; n: number }>(
    ex,
    sql`SELECT contact_id, count(*)::int AS n FROM cases
        WHERE contact_id = ANY(${sql.param(contactIds)}::uuid[]) AND status IN ('new', 'open', 'pending')
        GROUP BY contact_id`,
  );
  return new Map(rows.map((r) => [r.contact_id, r.n]));
}
