import type { RoutingCustomer } from '@relata/domain';
import { and, asc, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/connection.ts';
import { routingDecisions, routingRules } from '../../db/schema.ts';

export type RoutingRuleRow = typeof routingRules.$inferSelect;
export type RoutingRuleInsert = typeof routingRules.$inferInsert;
export type RoutingDecisionRow = typeof routingDecisions.$inferSelect;
export type SubjectType = RoutingDecisionRow['subjectType'];

export async function listRules(ex: Executor): Promise<RoutingRuleRow[]> {
  return ex.select().from(routingRules).orderBy(asc(routingRules.position), asc(routingRules.createdAt));
}

export async function getRule(ex: Executor, id: string, forUpdate = false) {
  const q = ex.select().from(routingRules).where(eq(routingRules.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function nextPosition(ex: Executor): Promise<number> {
  const [r] = await queryRows<{ p: number }>(
    ex,
    sql`SELECT coalesce(max(position), 0)::int + 10 AS p FROM routing_rules`,
  );
  return r?.p ?? 10;
}

export async function insertRule(ex: Executor, v: RoutingRuleInsert): Promise<RoutingRuleRow> {
  const [row] = await ex.insert(routingRules).values(v).returning();
  return row!;
}

export async function updateRule(ex: Executor, id: string, v: Partial<RoutingRuleInsert>) {
  const [row] = await ex.update(routingRules).set(v).where(eq(routingRules.id, id)).returning();
  return row!;
}

export async function deleteRule(ex: Executor, id: string): Promise<void> {
  await ex.delete(routingRules).where(eq(routingRules.id, id));
}

/** Locks every rule (for a reorder). */
export async function lockRules(ex: Executor): Promise<RoutingRuleRow[]> {
  return ex.select().from(routingRules).orderBy(asc(routingRules.position)).for('update');
}

export async function setPositions(ex: Executor, ids: readonly string[], now: Date): Promise<void> {
  await ex.execute(sql`
    UPDATE routing_rules r SET position = o.n * 10, updated_at = ${now}, version = r.version + 1
    FROM unnest(${sql.param(ids)}::uuid[]) WITH ORDINALITY AS o(id, n)
    WHERE r.id = o.id AND r.position <> o.n * 10`);
}

export async function insertDecision(
  ex: Executor,
  v: typeof routingDecisions.$inferInsert,
): Promise<RoutingDecisionRow> {
  const [row] = await ex.insert(routingDecisions).values(v).returning();
  return row!;
}

export async function latestDecision(ex: Executor, type: SubjectType, id: string) {
  const [row] = await ex
    .select()
    .from(routingDecisions)
    .where(and(eq(routingDecisions.subjectType, type), eq(routingDecisions.subjectId, id)))
    .orderBy(desc(routingDecisions.decidedAt), desc(routingDecisions.id))
    .limit(1);
  return row;
}

type FactsRow = {
  contact_id: string | null;
  account_id: string | null;
  language: string | null;
  contact_region: string | null;
  contact_country: string | null;
  account_region: string | null;
  account_country: string | null;
  nps_category: string | null;
  contact_owner: string | null;
  account_owner: string | null;
  account_tier: string | null;
  account_clv: number | null;
  account_p_alive: number | null;
  account_state: string | null;
  contact_tier: string | null;
  contact_clv: number | null;
  contact_p_alive: number | null;
  contact_state: string | null;
  open_cases: number;
};

export type CustomerFacts = {
  customer: RoutingCustomer;
  contactId: string | null;
  accountId: string | null;
  /** The account's owner, else the contact's: who "the account manager" is. */
  accountManagerId: string | null;
};

/**
 * What routing knows of a customer: a contact and/or account (a contact without an account
 * brings the account it works at), their value, NPS and open cases. One query.
 */
export async function customerFacts(
  ex: Executor,
  contactId: string | null,
  accountId: string | null,
): Promise<CustomerFacts | null> {
  const [r] = await queryRows<FactsRow>(
    ex,
    sql`
    WITH c AS (SELECT * FROM contacts WHERE id = ${contactId}::uuid),
    a AS (
      SELECT * FROM accounts WHERE id = coalesce(${accountId}::uuid, (
        SELECT to_id FROM relationships
        WHERE from_id = ${contactId}::uuid AND type = 'works_at' AND to_type = 'account' AND until IS NULL
        ORDER BY created_at, id LIMIT 1))
    )
    SELECT c.id AS contact_id, a.id AS account_id, c.language,
      c.address->>'region' AS contact_region, c.address->>'country' AS contact_country,
      a.address->>'region' AS account_region, a.address->>'country' AS account_country,
      c.nps_category, c.owner_id AS contact_owner, a.owner_id AS account_owner,
      av.tier AS account_tier, av.clv AS account_clv, av.p_alive AS account_p_alive,
      av.lifecycle_state AS account_state,
      cv.tier AS contact_tier, cv.clv AS contact_clv, cv.p_alive AS contact_p_alive,
      cv.lifecycle_state AS contact_state,
      (SELECT count(*)::int FROM cases k WHERE k.status IN ('new', 'open', 'pending')
        AND (k.contact_id = c.id OR k.account_id = a.id)) AS open_cases
    FROM (SELECT 1) one
    LEFT JOIN c ON true
    LEFT JOIN a ON true
    LEFT JOIN customer_values av ON av.customer_type = 'account' AND av.customer_id = a.id
    LEFT JOIN customer_values cv ON cv.customer_type = 'contact' AND cv.customer_id = c.id`,
  );
  if (!r || (!r.contact_id && !r.account_id)) return null;
  // A scored account speaks for its people (B2B); otherwise the person's own value counts.
  const byAccount = r.account_tier !== null || r.account_clv !== null;
  return {
    contactId: r.contact_id,
    accountId: r.account_id,
    accountManagerId: r.account_owner ?? r.contact_owner,
    customer: {
      known: true,
      tier: byAccount ? r.account_tier : r.contact_tier,
      clv: byAccount ? r.account_clv : r.contact_clv,
      pAlive: byAccount ? r.account_p_alive : r.contact_p_alive,
      lifecycleState: byAccount ? r.account_state : (r.contact_state ?? r.account_state),
      npsCategory: r.nps_category,
      openCases: r.open_cases,
      language: r.language,
      region: r.contact_region ?? r.account_region,
      country: r.contact_country ?? r.account_country,
    },
  };
}

/** Is the user active (a rule may name someone who has left)? */
export async function activeUser(ex: Executor, id: string): Promise<{ id: string; name: string } | null> {
  const [r] = await queryRows<{ id: string; name: string }>(
    ex,
    sql`SELECT id, name FROM users WHERE id = ${id}::uuid AND active`,
  );
  return r ?? null;
}

/**
 * The next active member of a team after the one who had the last turn, taking the turn (the
 * team's row is locked, so concurrent arrivals get different people).
 */
export async function takeRoundRobinTurn(ex: Executor, teamId: string, now: Date): Promise<string | null> {
  await ex.execute(
    sql`INSERT INTO routing_round_robin (team_id) SELECT id FROM teams WHERE id = ${teamId}::uuid
        ON CONFLICT (team_id) DO NOTHING`,
  );
  const [turn] = await queryRows<{ last_user_id: string | null }>(
    ex,
    sql`SELECT last_user_id FROM routing_round_robin WHERE team_id = ${teamId}::uuid FOR UPDATE`,
  );
  if (!turn) return null;
  const members = await queryRows<{ id: string }>(
    ex,
    sql`SELECT id FROM users WHERE team_id = ${teamId}::uuid AND active ORDER BY id`,
  );
  if (!members.length) return null;
  const last = turn.last_user_id;
  const next = members.find((m) => last !== null && m.id > last) ?? members[0]!;
  await ex.execute(
    sql`UPDATE routing_round_robin SET last_user_id = ${next.id}::uuid, updated_at = ${now}
        WHERE team_id = ${teamId}::uuid`,
  );
  return next.id;
}

export async function namesOf(
  ex: Executor,
  table: 'users' | 'queues' | 'sla_policies' | 'teams',
  ids: string[],
) {
  if (!ids.length) return new Map<string, string>();
  const rows = await queryRows<{ id: string; name: string }>(
    ex,
    sql`SELECT id, name FROM ${sql.identifier(table)} WHERE id = ANY(${sql.param(ids)}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function pageRules(ex: Executor, where: SQL, order: SQL, sortValue: SQL, limit: number) {
  return ex
    .select({ ...getTableColumns(routingRules), _sort: sql<string | null>`${sortValue}`.as('_sort') })
    .from(routingRules)
    .where(where)
    .orderBy(order)
    .limit(limit + 1);
}

/** Which of a contact and an account named in a request do not exist. */
export async function missingCustomers(ex: Executor, contactId: string | null, accountId: string | null) {
  const [r] = await queryRows<{ contact: boolean; account: boolean }>(
    ex,
    sql`SELECT (${contactId}::uuid IS NULL OR EXISTS (SELECT 1 FROM contacts WHERE id = ${contactId}::uuid)) AS contact,
               (${accountId}::uuid IS NULL OR EXISTS (SELECT 1 FROM accounts WHERE id = ${accountId}::uuid)) AS account`,
  );
  return [...(r?.contact ? [] : ['contactId']), ...(r?.account ? [] : ['accountId'])];
}
