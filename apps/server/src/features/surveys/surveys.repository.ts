import { and, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { facts, surveyInvitations, surveyResponses, surveys, surveyVersions } from '../../db/schema.ts';

export type SurveyRow = typeof surveys.$inferSelect;
export type InvitationRow = typeof surveyInvitations.$inferSelect;
export type ResponseRow = typeof surveyResponses.$inferSelect;

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

export async function pageSurveys(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(surveys), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(surveys)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

export async function getSurvey(ex: Executor, id: string, forUpdate = false): Promise<SurveyRow | undefined> {
  const q = ex.select().from(surveys).where(eq(surveys.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertSurvey(ex: Executor, v: typeof surveys.$inferInsert): Promise<SurveyRow> {
  const [row] = await ex.insert(surveys).values(v).returning();
  return row!;
}

export async function updateSurvey(ex: Executor, id: string, v: Partial<typeof surveys.$inferInsert>) {
  const [row] = await ex.update(surveys).set(v).where(eq(surveys.id, id)).returning();
  return row!;
}

export async function deleteSurvey(ex: Executor, id: string) {
  await ex.delete(surveys).where(eq(surveys.id, id));
}

export async function questionsOf(ex: Executor, surveyId: string, version: number): Promise<unknown[]> {
  const [row] = await ex
    .select({ questions: surveyVersions.questions })
    .from(surveyVersions)
    .where(and(eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.version, version)));
  return row?.questions ?? [];
}

/** The current questions of several surveys in one query (a list page). */
export async function currentQuestionsOf(
  ex: Executor,
  rows: readonly { id: string; currentVersion: number }[],
): Promise<Map<string, unknown[]>> {
  if (!rows.length) return new Map();
  const found = await ex
    .select({ surveyId: surveyVersions.surveyId, questions: surveyVersions.questions })
    .from(surveyVersions)
    .innerJoin(
      surveys,
      and(eq(surveys.id, surveyVersions.surveyId), eq(surveys.currentVersion, surveyVersions.version)),
    )
    .where(sql`${surveyVersions.surveyId} = ANY(${sql.param(rows.map((r) => r.id))}::uuid[])`);
  return new Map(found.map((f) => [f.surveyId, f.questions]));
}

export async function saveVersion(ex: Executor, surveyId: string, version: number, questions: unknown[]) {
  await ex
    .insert(surveyVersions)
    .values({ surveyId, version, questions })
    .onConflictDoUpdate({ target: [surveyVersions.surveyId, surveyVersions.version], set: { questions } });
}

export async function invitationCount(ex: Executor, surveyId: string, version?: number): Promise<number> {
  const res = await ex.execute(
    sql`SELECT count(*)::int AS n FROM survey_invitations WHERE survey_id = ${surveyId}::uuid
        ${version === undefined ? sql`` : sql`AND version = ${version}`}`,
  );
  return Number(rowsOf<{ n: number }>(res)[0]?.n ?? 0);
}

export async function insertInvitations(ex: Executor, rows: (typeof surveyInvitations.$inferInsert)[]) {
  return rows.length ? ex.insert(surveyInvitations).values(rows).returning() : [];
}

export async function setInvitationEmail(ex: Executor, id: string, emailId: string) {
  await ex.update(surveyInvitations).set({ emailId }).where(eq(surveyInvitations.id, id));
}

export async function getInvitation(ex: Executor, id: string, forUpdate = false) {
  const q = ex.select().from(surveyInvitations).where(eq(surveyInvitations.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function markOpened(ex: Executor, id: string, at: Date) {
  await ex
    .update(surveyInvitations)
    .set({ openedAt: at })
    .where(and(eq(surveyInvitations.id, id), sql`${surveyInvitations.openedAt} IS NULL`));
}

export async function invitationsOf(
  ex: Executor,
  surveyId: string,
  before: { at: string; id: string } | undefined,
  limit: number,
) {
  return ex
    .select()
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.surveyId, surveyId),
        before
          ? sql`(${surveyInvitations.createdAt}, ${surveyInvitations.id}) < (${before.at}::timestamptz, ${before.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(surveyInvitations.createdAt), desc(surveyInvitations.id))
    .limit(limit + 1);
}

export async function responseOf(ex: Executor, invitationId: string, forUpdate = false) {
  const q = ex.select().from(surveyResponses).where(eq(surveyResponses.invitationId, invitationId));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertResponse(
  ex: Executor,
  v: typeof surveyResponses.$inferInsert,
): Promise<ResponseRow> {
  const [row] = await ex.insert(surveyResponses).values(v).returning();
  return row!;
}

export async function updateResponse(
  ex: Executor,
  id: string,
  v: Partial<typeof surveyResponses.$inferInsert>,
) {
  const [row] = await ex.update(surveyResponses).set(v).where(eq(surveyResponses.id, id)).returning();
  return row!;
}

export async function responsesOf(
  ex: Executor,
  surveyId: string,
  before: { at: string; id: string } | undefined,
  limit: number,
) {
  return ex
    .select()
    .from(surveyResponses)
    .where(
      and(
        eq(surveyResponses.surveyId, surveyId),
        before
          ? sql`(${surveyResponses.submittedAt}, ${surveyResponses.id}) < (${before.at}::timestamptz, ${before.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(surveyResponses.submittedAt), desc(surveyResponses.id))
    .limit(limit + 1);
}

/** All answers of a survey (the per-question charts); a survey's responses are few. */
export async function allAnswers(ex: Executor, surveyId: string) {
  return ex
    .select({ answers: surveyResponses.answers, version: surveyResponses.version })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId))
    .limit(100_000);
}

export async function upsertFact(ex: Executor, v: typeof facts.$inferInsert) {
  await ex
    .insert(facts)
    .values(v)
    .onConflictDoUpdate({
      target: [facts.responseId, facts.key],
      targetWhere: sql`response_id IS NOT NULL`,
      set: { value: v.value, recordedAt: v.recordedAt },
    });
}

/**
 * A page of a contact's facts, newest first, with the survey's name and the question's text as
 * it was asked (from the version the response answered).
 */
export async function pageFacts(
  ex: Executor,
  contactId: string,
  q: { before?: { at: string; id: string } | undefined; key?: string | undefined; limit: number },
) {
  return ex
    .select({
      ...getTableColumns(facts),
      surveyName: surveys.name,
      questionText: sql<string | null>`(
        SELECT q->>'text' FROM survey_versions v, jsonb_array_elements(v.questions) q
        WHERE v.survey_id = ${facts.surveyId}
          AND v.version = coalesce(${surveyResponses.version}, ${surveys.currentVersion})
          AND q->>'key' = ${facts.questionKey}
        LIMIT 1)`,
    })
    .from(facts)
    .leftJoin(surveys, eq(surveys.id, facts.surveyId))
    .leftJoin(surveyResponses, eq(surveyResponses.id, facts.responseId))
    .where(
      and(
        eq(facts.contactId, contactId),
        q.key ? eq(facts.key, q.key) : undefined,
        q.before
          ? sql`(${facts.recordedAt}, ${facts.id}) < (${q.before.at}::timestamptz, ${q.before.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(facts.recordedAt), desc(facts.id))
    .limit(q.limit + 1);
}
export type FactRow = Awaited<ReturnType<typeof pageFacts>>[number];

/** The latest NPS answer of a contact, from its `nps` facts. */
export async function latestNps(ex: Executor, contactId: string) {
  const res = await ex.execute(
    sql`SELECT (value #>> '{}')::int AS score, recorded_at FROM facts
        WHERE contact_id = ${contactId}::uuid AND key = 'nps' ORDER BY recorded_at DESC LIMIT 1`,
  );
  return rowsOf<{ score: number; recorded_at: string | Date }>(res)[0];
}

/** Recounts an account's NPS over the latest answers of the contacts working there. */
export async function recountAccountNps(ex: Executor, accountIds: string[]) {
  if (!accountIds.length) return;
  await ex.execute(sql`
    UPDATE accounts a SET
      nps_promoters = c.p, nps_passives = c.n, nps_detractors = c.d,
      nps_score = CASE WHEN c.p + c.n + c.d = 0 THEN NULL ELSE round(100.0 * (c.p - c.d) / (c.p + c.n + c.d), 1) END
    FROM (
      SELECT x.id,
        count(*) FILTER (WHERE k.nps_category = 'promoter')::int AS p,
        count(*) FILTER (WHERE k.nps_category = 'passive')::int AS n,
        count(*) FILTER (WHERE k.nps_category = 'detractor')::int AS d
      FROM unnest(${sql.param(accountIds)}::uuid[]) AS x(id)
      LEFT JOIN relationships r ON r.to_id = x.id AND r.type = 'works_at' AND r.until IS NULL
      LEFT JOIN contacts k ON k.id = r.from_id
      GROUP BY x.id) c
    WHERE a.id = c.id`);
}

export async function employersOf(ex: Executor, contactId: string): Promise<string[]> {
  const res = await ex.execute(
    sql`SELECT DISTINCT to_id AS id FROM relationships WHERE from_id = ${contactId}::uuid AND type = 'works_at' AND until IS NULL`,
  );
  return rowsOf<{ id: string }>(res).map((r) => r.id);
}

/** Inserts an event; one a unique index already holds (nps.detractor per response and score) is skipped. */
export async function insertDomainEvent(
  ex: Executor,
  v: { type: string; recordType: string; recordId: string; data: Record<string, unknown> },
): Promise<boolean> {
  const res = await ex.execute(
    sql`INSERT INTO domain_events (type, record_type, record_id, data) VALUES (${v.type}, ${v.recordType}, ${v.recordId}::uuid, ${JSON.stringify(v.data)}::jsonb)
        ON CONFLICT DO NOTHING RETURNING id`,
  );
  return rowsOf(res).length > 0;
}

/** A merged contact's survey links, responses and facts go to the survivor. */
export async function moveSurveyData(ex: Executor, fromId: string, toId: string) {
  const from = sql`${fromId}::uuid`;
  const to = sql`${toId}::uuid`;
  await ex.execute(sql`UPDATE survey_invitations SET contact_id = ${to} WHERE contact_id = ${from}`);
  await ex.execute(sql`UPDATE survey_responses SET contact_id = ${to} WHERE contact_id = ${from}`);
  const moved = rowsOf(
    await ex.execute(sql`UPDATE facts SET contact_id = ${to} WHERE contact_id = ${from} RETURNING id`),
  );
  return { facts: moved.length };
}
