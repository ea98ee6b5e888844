/**
 * Routing: admin-edited rules, and the decisions they make when a case, lead or inbound
 * interaction arrives. Callers route inside their own transaction, so the record, its routing
 * decision and the round-robin turn commit together.
 */
import {
  type Actor,
  diffFields,
  evaluateRouting,
  formatMinor,
  type Inquiry,
  type ListQuery,
  type Priority,
  type RoutingDecision,
  type RoutingEvaluate,
  type RoutingRule,
  type RoutingRuleCreate,
  type RoutingRuleUpdate,
  snapshotDiff,
  unknownCustomer,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { choosePolicy, loadSla } from '../cases/case-sla.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import type { ListFields } from '../shared/list-query.ts';
import { getValueSettings } from '../value/value-settings.repository.ts';
import { presentDecision, presentRule, type RoutingRuleView } from './routing.presenter.ts';
import * as repo from './routing.repository.ts';

const col = (c: string) => sql.raw(c);
const listFields: ListFields = {
  position: { kind: 'number', sortable: true, notNull: true, expr: col('position') },
  name: { kind: 'text', sortable: true, notNull: true, expr: col('name') },
  active: { kind: 'boolean', expr: col('active') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
};
const auditFields = ['name', 'position', 'active', 'kinds', 'match', 'conditions', 'actions'] as const;

export type RouteInput = {
  subject: { type: repo.SubjectType; id: string };
  contactId?: string | null | undefined;
  accountId?: string | null | undefined;
  inquiry: Inquiry;
};

/** What routing decided, resolved to people and places. */
export type RoutingOutcome = {
  ruleId: string | null;
  ruleName: string | null;
  reason: string;
  actions: RoutingDecision['actions'];
  assigneeId: string | null;
  queueId: string | null;
  priority: Priority | null;
  slaPolicyId: string | null;
  tags: string[];
  /** The customer's tier, for SLA policies by tier. */
  tier: string | null;
  contactId: string | null;
  accountId: string | null;
};

const asRule = (r: repo.RoutingRuleRow): RoutingRule => ({
  id: r.id,
  name: r.name,
  active: r.active,
  kinds: r.kinds,
  match: r.match,
  conditions: r.conditions,
  actions: r.actions,
});

export function createRoutingService(deps: { db: Db; clock: () => Date }) {
  const { db } = deps;

  /** Decides and resolves; with `dryRun` nothing is written (no round-robin turn is taken). */
  async function decide(ex: Executor, input: Omit<RouteInput, 'subject'>, dryRun: boolean) {
    const [rules, facts, settings] = await Promise.all([
      repo.listRules(ex),
      input.contactId || input.accountId
        ? repo.customerFacts(ex, input.contactId ?? null, input.accountId ?? null)
        : null,
      getValueSettings(ex),
    ]);
    // An unknown sender (a web-form lead) is placed by what the inquiry says of them.
    const known = facts?.customer ?? unknownCustomer;
    const customer = {
      ...known,
      country: known.country ?? input.inquiry.country?.toUpperCase() ?? null,
      language: known.language ?? input.inquiry.language ?? null,
    };
    const decision = evaluateRouting(rules.map(asRule), customer, input.inquiry, {
      money: (m) => formatMinor(m, settings.currency),
    });
    const a = decision?.actions ?? {};
    let assigneeId: string | null = null;
    let assigneeNote = '';
    if (a.assign?.to === 'user') {
      assigneeId = (await repo.activeUser(ex, a.assign.userId))?.id ?? null;
    } else if (a.assign?.to === 'account_manager') {
      const manager = facts?.accountManagerId ? await repo.activeUser(ex, facts.accountManagerId) : null;
      assigneeId = manager?.id ?? null;
      assigneeNote = ' (account manager)';
    } else if (a.assign?.to === 'round_robin') {
      assigneeId = dryRun
        ? await peekRoundRobin(ex, a.assign.teamId)
        : await repo.takeRoundRobinTurn(ex, a.assign.teamId, deps.clock());
    }
    const [users, queues, policies] = await Promise.all([
      repo.namesOf(ex, 'users', assigneeId ? [assigneeId] : []),
      repo.namesOf(ex, 'queues', a.queueId ? [a.queueId] : []),
      repo.namesOf(ex, 'sla_policies', a.slaPolicyId ? [a.slaPolicyId] : []),
    ]);
    const queueName = a.queueId ? queues.get(a.queueId) : undefined;
    const assigneeName = assigneeId ? users.get(assigneeId) : undefined;
    const targets = [
      queueName ? `routed to ${queueName}` : null,
      assigneeName ? `assigned to ${assigneeName}${assigneeNote}` : null,
    ].filter(Boolean);
    const reason = decision
      ? `${targets.length ? `${targets.join(', ')}: ` : `${decision.ruleName}: `}${decision.because}`
      : 'no routing rule applied';
    const outcome: RoutingOutcome = {
      ruleId: decision?.ruleId ?? null,
      ruleName: decision?.ruleName ?? null,
      reason,
      actions: a,
      assigneeId,
      queueId: queueName ? a.queueId! : null,
      priority: a.priority ?? null,
      slaPolicyId: a.slaPolicyId && policies.has(a.slaPolicyId) ? a.slaPolicyId : null,
      tags: a.tags ?? [],
      tier: customer.tier,
      contactId: facts?.contactId ?? input.contactId ?? null,
      accountId: facts?.accountId ?? input.accountId ?? null,
    };
    return { outcome, decision, customer, names: { queueName, assigneeName } };
  }

  async function peekRoundRobin(ex: Executor, teamId: string): Promise<string | null> {
    const rows = await ex.execute(
      sql`SELECT u.id FROM users u LEFT JOIN routing_round_robin t ON t.team_id = u.team_id
          WHERE u.team_id = ${teamId}::uuid AND u.active
          ORDER BY (t.last_user_id IS NOT NULL AND u.id > t.last_user_id) DESC, u.id LIMIT 1`,
    );
    return (rows as unknown as { rows: { id: string }[] }).rows[0]?.id ?? null;
  }

  return {
    async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<RoutingRuleView>> {
      const req = pageRequest({
        actor,
        resource: 'routing_rules',
        query,
        fields: listFields,
        defaultSort: { field: 'position', dir: 'asc' },
        idExpr: col('id'),
        // Rules belong to no one: an own or team scope sees none.
        scopeColumns: { owner: 'NULL::uuid', team: 'NULL::uuid' },
      });
      const rows = await repo.pageRules(db, req.where, req.order, req.sortValue, req.limit);
      return toPage(rows, req, presentRule);
    },

    async get(actor: Actor, id: string): Promise<RoutingRuleView> {
      return presentRule(
        authorize(actor, 'read', 'routing_rules', await repo.getRule(db, id), 'Routing rule'),
      );
    },

    async create(actor: Actor, input: RoutingRuleCreate): Promise<RoutingRuleView> {
      requireCan(actor, 'create', 'routing_rules');
      return db.transaction(async (tx) => {
        const row = await repo.insertRule(tx, {
          ...input,
          position: input.position ?? (await repo.nextPosition(tx)),
        });
        await insertAudit(
          tx,
          auditEntry(actor, 'create', 'routing_rule', row.id, snapshotDiff(row, auditFields, 'created')),
        );
        return presentRule(row);
      });
    },

    async update(actor: Actor, id: string, input: RoutingRuleUpdate, expected?: number) {
      return db.transaction(async (tx) => {
        const cur = authorize(
          actor,
          'update',
          'routing_rules',
          await repo.getRule(tx, id, true),
          'Routing rule',
        );
        checkVersion(cur.version, expected);
        const next = await repo.updateRule(tx, id, {
          ...input,
          updatedAt: deps.clock(),
          version: cur.version + 1,
        });
        await insertAudit(
          tx,
          auditEntry(actor, 'update', 'routing_rule', id, diffFields(cur, next, auditFields)),
        );
        return presentRule(next);
      });
    },

    async remove(actor: Actor, id: string, expected?: number): Promise<void> {
      await db.transaction(async (tx) => {
        const cur = authorize(
          actor,
          'delete',
          'routing_rules',
          await repo.getRule(tx, id, true),
          'Routing rule',
        );
        checkVersion(cur.version, expected);
        await repo.deleteRule(tx, id);
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'routing_rule', id, snapshotDiff(cur, auditFields, 'deleted')),
        );
      });
    },

    /** Puts the rules in the given order (every rule once). */
    async reorder(actor: Actor, ids: string[]): Promise<RoutingRuleView[]> {
      requireCan(actor, 'update', 'routing_rules');
      return db.transaction(async (tx) => {
        const rules = await repo.lockRules(tx);
        const known = new Set(rules.map((r) => r.id));
        if (
          new Set(ids).size !== ids.length ||
          ids.length !== known.size ||
          ids.some((id) => !known.has(id))
        ) {
          throw new AppError('validation_failed', 'List every routing rule exactly once', {
            errors: [{ field: 'ids', code: 'invalid_value', message: 'must name every rule once' }],
          });
        }
        await repo.setPositions(tx, ids, deps.clock());
        await insertAudit(tx, auditEntry(actor, 'reorder', 'routing_rule', null, {}, { order: ids }));
        return (await repo.listRules(tx)).map(presentRule);
      });
    },

    /** Which rule fires for this customer and inquiry; changes nothing. */
    async evaluate(actor: Actor, input: RoutingEvaluate) {
      requireCan(actor, 'read', 'routing_rules');
      if (input.contactId) requireCan(actor, 'read', 'contacts');
      if (input.accountId) requireCan(actor, 'read', 'accounts');
      const missing = await repo.missingCustomers(db, input.contactId ?? null, input.accountId ?? null);
      if (missing.length)
        throw invalid(missing.map((field) => ({ field, code: 'not_found', message: 'does not exist' })));
      const { outcome, decision, customer, names } = await decide(db, input, true);
      // For a case, the SLA policy it would get: routing's choice, else by the customer's tier.
      const policy =
        input.inquiry.kind === 'case'
          ? choosePolicy(await loadSla(db), outcome.tier, outcome.slaPolicyId)
          : null;
      return {
        ruleId: outcome.ruleId,
        ruleName: outcome.ruleName,
        actions: outcome.actions,
        reason: outcome.reason,
        matched: decision?.matched ?? [],
        customer,
        resolved: {
          assigneeId: outcome.assigneeId,
          assigneeName: names.assigneeName ?? null,
          queueId: outcome.queueId,
          queueName: names.queueName ?? null,
          priority: outcome.priority,
          slaPolicyId: policy?.id ?? outcome.slaPolicyId,
          slaPolicyName: policy?.name ?? null,
          tags: outcome.tags,
        },
      };
    },

    /** Decides for a record that just arrived and records the decision, in the caller's transaction. */
    async route(tx: Executor, input: RouteInput): Promise<RoutingOutcome> {
      const { outcome, decision } = await decide(tx, input, false);
      // A case or lead shows that no rule applied; an interaction no rule touched leaves no trace.
      if (!decision && input.subject.type === 'interaction') return outcome;
      await repo.insertDecision(tx, {
        subjectType: input.subject.type,
        subjectId: input.subject.id,
        ruleId: outcome.ruleId,
        ruleName: outcome.ruleName,
        reason: outcome.reason,
        matched: decision?.matched ?? [],
        actions: { ...outcome.actions },
        assigneeId: outcome.assigneeId,
        queueId: outcome.queueId,
        decidedAt: deps.clock(),
      });
      return outcome;
    },

    /** The latest routing decision for a record, as shown on it. */
    async decisionFor(ex: Executor, type: repo.SubjectType, id: string) {
      const row = await repo.latestDecision(ex, type, id);
      return row ? presentDecision(row) : null;
    },
  };
}
export type RoutingService = ReturnType<typeof createRoutingService>;
