/**
 * Service cases: routed on arrival (queue, priority, assignee, SLA policy, tags), timed by their
 * SLA clocks, flagged as disputes when they look like one. A change, its audit row, its dispute
 * and its jobs commit together.
 */
import {
  type Actor,
  type CaseCreate,
  type CaseStatus,
  type CaseUpdate,
  canMoveCase,
  caseStatuses,
  channels,
  diffFields,
  foldText,
  type ListQuery,
  priorities,
  scopeOf,
  snapshotDiff,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { AppError, forbidden, invalid } from '../../http/errors.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import { getAccount } from '../accounts/accounts.repository.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { customerNames } from '../commerce/names.ts';
import { getContact } from '../contacts/contacts.repository.ts';
import { getOrder } from '../orders/orders.repository.ts';
import type { RoutingService } from '../routing/routing.service.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import { containsPattern, type ListFields } from '../shared/list-query.ts';
import { assertRefs } from '../shared/refs.ts';
import { choosePolicy, clockColumns, loadSla, policyById, waitedMinutes } from './case-sla.ts';
import { type CaseView, presentCase } from './cases.presenter.ts';
import * as repo from './cases.repository.ts';
import type { DisputeService } from './disputes.service.ts';

export const CASE_CSAT_JOB = 'cases.csat';

const col = (c: string) => sql.raw(c);
const openSql = sql`status IN ('new', 'open', 'pending')`;
const listFields: ListFields = {
  number: { kind: 'text', sortable: true, notNull: true, expr: col('number') },
  subject: { kind: 'text', sortable: true, notNull: true, expr: col('subject') },
  status: { kind: 'enum', sortable: true, notNull: true, expr: col('status'), values: caseStatuses },
  priority: { kind: 'enum', expr: col('priority'), values: priorities },
  // Sorting by priority means by urgency, not alphabetically.
  priorityRank: { kind: 'number', sortable: true, notNull: true, expr: col('priority_rank') },
  channel: { kind: 'enum', expr: col('channel'), values: channels },
  type: { kind: 'text', expr: col('type') },
  queueId: { kind: 'uuid', expr: col('queue_id') },
  assigneeId: { kind: 'uuid', expr: col('assignee_id') },
  teamId: { kind: 'uuid', expr: col('team_id') },
  contactId: { kind: 'uuid', expr: col('contact_id') },
  accountId: { kind: 'uuid', expr: col('account_id') },
  orderId: { kind: 'uuid', expr: col('order_id') },
  tags: { kind: 'tags', expr: sql`to_jsonb(tags)` },
  nextDueAt: { kind: 'datetime', sortable: true, expr: col('next_due_at') },
  firstResponseDueAt: { kind: 'datetime', sortable: true, expr: col('first_response_due_at') },
  resolutionDueAt: { kind: 'datetime', sortable: true, expr: col('resolution_due_at') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
  updatedAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('updated_at') },
};
const truthy = (v: unknown) => v === true || v === 'true';
const special = {
  open: (c: { value: unknown }) => (truthy(c.value) ? openSql : sql`NOT (${openSql})`),
  breached: (c: { value: unknown }) => {
    const b = sql`(first_response_breached_at IS NOT NULL OR resolution_breached_at IS NOT NULL)`;
    return truthy(c.value) ? b : sql`NOT ${b}`;
  },
  dispute: (c: { value: unknown }) => {
    const d = sql`EXISTS (SELECT 1 FROM disputes d WHERE d.case_id = cases.id)`;
    return truthy(c.value) ? d : sql`NOT ${d}`;
  },
};
const auditFields = [
  'number',
  'subject',
  'channel',
  'type',
  'queueId',
  'priority',
  'status',
  'assigneeId',
  'contactId',
  'accountId',
  'orderId',
  'tags',
  'slaPolicyId',
  'firstResponseDueAt',
  'resolutionDueAt',
] as const;

/** Authorisation sees a case as owned by its assignee, in its team. */
const owned = (r: { assigneeId: string | null; teamId: string | null }) => ({
  ownerId: r.assigneeId,
  teamId: r.teamId,
});

export function createCaseService(deps: {
  db: Db;
  clock: () => Date;
  jobs: Jobs;
  routing: RoutingService;
  disputes: DisputeService;
}) {
  const { db } = deps;

  async function load(
    ex: Executor,
    actor: Actor,
    id: string,
    action: 'read' | 'update' | 'delete',
    lock = false,
  ) {
    const row = await repo.getCase(ex, id, lock);
    authorize(actor, action, 'cases', row && owned(row), 'Case');
    return row!;
  }

  /** The customer of a case: checked, and filled in from the order when only that is given. */
  async function customerOf(
    ex: Executor,
    input: { contactId?: string | null; accountId?: string | null; orderId?: string | null },
  ) {
    let contactId = input.contactId ?? null;
    let accountId = input.accountId ?? null;
    const errors = [];
    if (contactId && !(await getContact(ex, contactId)))
      errors.push({ field: 'contactId', code: 'not_found', message: 'no such contact' });
    if (accountId && !(await getAccount(ex, accountId)))
      errors.push({ field: 'accountId', code: 'not_found', message: 'no such account' });
    if (input.orderId) {
      const order = await getOrder(ex, input.orderId);
      if (!order) errors.push({ field: 'orderId', code: 'not_found', message: 'no such order' });
      else if (!contactId && !accountId) {
        contactId = order.contactId;
        accountId = order.accountId;
      }
    }
    if (errors.length) throw invalid(errors);
    return { contactId, accountId };
  }

  async function teamOf(ex: Executor, queueId: string | null, assigneeId: string | null) {
    const [r] = (
      (await ex.execute(
        sql`SELECT coalesce((SELECT team_id FROM queues WHERE id = ${queueId}::uuid),
                            (SELECT team_id FROM users WHERE id = ${assigneeId}::uuid)) AS team_id`,
      )) as unknown as { rows: { team_id: string | null }[] }
    ).rows;
    return r?.team_id ?? null;
  }

  const checkRefs = (ex: Executor, input: { queueId?: string | null; assigneeId?: string | null }) =>
    assertRefs(ex, [
      { field: 'queueId', table: 'queues', id: input.queueId, active: true },
      { field: 'assigneeId', table: 'users', id: input.assigneeId, active: true },
    ]);

  async function view(ex: Executor, row: repo.CaseRow, withRouting = false): Promise<CaseView> {
    const [dispute, nameOf, routing] = await Promise.all([
      repo.disputeFor(ex, 'case', row.id),
      customerNames(ex, [row]),
      withRouting ? deps.routing.decisionFor(ex, 'case', row.id) : undefined,
    ]);
    return presentCase(row, deps.clock(), { dispute: dispute ?? null, customer: nameOf(row), routing });
  }

  return {
    async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<CaseView>> {
      const req = pageRequest({
        actor,
        resource: 'cases',
        query,
        fields: listFields,
        defaultSort: { field: 'nextDueAt', dir: 'asc' },
        idExpr: col('id'),
        special,
        specialKinds: { open: 'boolean', breached: 'boolean', dispute: 'boolean' },
        scopeColumns: { owner: 'assignee_id', team: 'team_id' },
        aliases: { assigneeId: { me: actor.userId ?? '' } },
        extra: [
          query.q
            ? sql`(number = ${String(query.q).toUpperCase()} OR search_text LIKE ${containsPattern(foldText(String(query.q)))})`
            : undefined,
        ],
      });
      const rows = await repo.pageCases(db, req.where, req.order, req.sortValue, req.limit);
      const [disputes, nameOf] = await Promise.all([
        repo.disputesForCases(
          db,
          rows.map((r) => r.id),
        ),
        customerNames(db, rows),
      ]);
      const now = deps.clock();
      return toPage(rows, req, (r) =>
        presentCase(r, now, { dispute: disputes.get(r.id) ?? null, customer: nameOf(r) }),
      );
    },

    async get(actor: Actor, id: string): Promise<CaseView> {
      return view(db, await load(db, actor, id, 'read'), true);
    },

    async create(actor: Actor, input: CaseCreate): Promise<CaseView> {
      requireCan(actor, 'create', 'cases', { ownerId: actor.userId, teamId: actor.teamId });
      const row = await db.transaction(async (tx) => {
        const customer = await customerOf(tx, input);
        await checkRefs(tx, input);
        const now = deps.clock();
        const number = await repo.nextCaseNumber(tx);
        const id = crypto.randomUUID();
        const routed = await deps.routing.route(tx, {
          subject: { type: 'case', id },
          contactId: customer.contactId,
          accountId: customer.accountId,
          inquiry: {
            kind: 'case',
            channel: input.channel,
            type: input.type ?? null,
            subject: input.subject,
            text: input.description,
          },
        });
        const priority = input.priority ?? routed.priority ?? 'normal';
        const queueId = input.queueId ?? routed.queueId;
        const assigneeId = input.assigneeId ?? routed.assigneeId;
        const ctx = await loadSla(tx);
        const policy = choosePolicy(ctx, routed.tier, routed.slaPolicyId);
        const row = await repo.insertCase(tx, {
          id,
          number,
          subject: input.subject,
          description: input.description,
          channel: input.channel,
          type: input.type ?? null,
          queueId,
          priority,
          status: input.status,
          assigneeId,
          teamId: (await teamOf(tx, queueId, assigneeId)) ?? actor.teamId,
          contactId: customer.contactId,
          // A contact's case belongs to the account they work at too (routing found it).
          accountId: customer.accountId ?? routed.accountId,
          orderId: input.orderId ?? null,
          tags: [...new Set([...input.tags, ...routed.tags])],
          slaPolicyId: policy?.id ?? null,
          ...clockColumns(ctx, policy, priority, now, 0, now),
          searchText: foldText(`${number} ${input.subject}`),
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await insertAudit(
          tx,
          auditEntry(actor, 'create', 'case', row.id, snapshotDiff(row, auditFields, 'created'), {
            routing: routed.reason,
          }),
        );
        await deps.disputes.flag(tx, { kind: 'case', row, text: `${input.subject}\n${input.description}` });
        return row;
      });
      return view(db, row, true);
    },

    async update(actor: Actor, id: string, input: CaseUpdate, expected?: number): Promise<CaseView> {
      const row = await db.transaction(async (tx) => {
        const cur = await load(tx, actor, id, 'update', true);
        checkVersion(cur.version, expected);
        const status: CaseStatus = input.status ?? cur.status;
        if (!canMoveCase(cur.status, status)) {
          throw new AppError('conflict', `A ${cur.status} case cannot become ${status}`, {
            errors: [
              {
                field: 'status',
                code: 'invalid_transition',
                message: `${cur.status} → ${status} is not allowed`,
              },
            ],
          });
        }
        if (cur.status === 'closed') throw new AppError('conflict', 'A closed case cannot be changed');
        if (
          input.assigneeId !== undefined &&
          input.assigneeId !== cur.assigneeId &&
          input.assigneeId !== actor.userId &&
          scopeOf(actor, 'update', 'cases') !== 'all'
        )
          throw forbidden('Only managers may assign cases to someone else');
        await checkRefs(tx, {
          queueId: input.queueId !== cur.queueId ? input.queueId : null,
          assigneeId: input.assigneeId !== cur.assigneeId ? input.assigneeId : null,
        });
        const customer =
          input.contactId !== undefined || input.accountId !== undefined || input.orderId !== undefined
            ? await customerOf(tx, {
                contactId: input.contactId === undefined ? cur.contactId : input.contactId,
                accountId: input.accountId === undefined ? cur.accountId : input.accountId,
                orderId: input.orderId === undefined ? null : input.orderId,
              })
            : null;
        const now = deps.clock();
        // The SLA set-up is read only when a clock moves (a priority change, the end of a wait).
        const sla = async () => {
          const ctx = await loadSla(tx);
          return { ctx, policy: policyById(ctx, cur.slaPolicyId) };
        };
        const priority = input.priority ?? cur.priority;
        // Waiting on the customer stops the resolution clock; the wait moves its due time.
        let pausedMinutes = cur.pausedMinutes;
        let pendingSince = cur.pendingSince;
        if (status === 'pending' && cur.status !== 'pending') pendingSince = now;
        if (status !== 'pending' && cur.pendingSince) {
          const { ctx, policy } = await sla();
          pausedMinutes += waitedMinutes(ctx, policy, cur.pendingSince, now);
          pendingSince = null;
        }
        const clocksMove = priority !== cur.priority || pausedMinutes !== cur.pausedMinutes;
        const movedClocks = async () => {
          const { ctx, policy } = await sla();
          return clockColumns(ctx, policy, priority, cur.createdAt, pausedMinutes, now, cur);
        };
        const solvedNow = (status === 'solved' || status === 'closed') && !cur.resolvedAt;
        const next = await repo.updateCase(tx, id, {
          ...(input.subject !== undefined
            ? { subject: input.subject, searchText: foldText(`${cur.number} ${input.subject}`) }
            : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.type !== undefined ? { type: input.type } : {}),
          ...(input.queueId !== undefined ? { queueId: input.queueId } : {}),
          ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId } : {}),
          ...(input.tags !== undefined ? { tags: input.tags } : {}),
          ...(input.orderId !== undefined ? { orderId: input.orderId } : {}),
          ...(customer ?? {}),
          ...(input.queueId !== undefined || input.assigneeId !== undefined
            ? {
                teamId:
                  (await teamOf(
                    tx,
                    input.queueId === undefined ? cur.queueId : input.queueId,
                    input.assigneeId === undefined ? cur.assigneeId : input.assigneeId,
                  )) ?? cur.teamId,
              }
            : {}),
          priority,
          status,
          pendingSince,
          pausedMinutes,
          ...(clocksMove ? await movedClocks() : {}),
          ...(solvedNow ? { resolvedAt: now } : {}),
          ...(status === 'open' && cur.status === 'solved' ? { resolvedAt: null } : {}),
          ...(status === 'closed' ? { closedAt: now } : {}),
          updatedAt: now,
          version: cur.version + 1,
        });
        await insertAudit(tx, auditEntry(actor, 'update', 'case', id, diffFields(cur, next, auditFields)));
        if (status === 'solved' && cur.status !== 'solved' && next.contactId && !next.csatInvitationId)
          await deps.jobs.sendInTx(tx, CASE_CSAT_JOB, { caseId: id });
        return next;
      });
      return view(db, row, true);
    },

    async remove(actor: Actor, id: string, expected?: number): Promise<void> {
      await db.transaction(async (tx) => {
        const cur = await load(tx, actor, id, 'delete', true);
        checkVersion(cur.version, expected);
        await repo.deleteCase(tx, id);
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'case', id, snapshotDiff(cur, auditFields, 'deleted')),
        );
      });
    },

    /**
     * An interaction was logged on a case: an outbound one from us is the first response when
     * none came before. Runs in the interaction's transaction.
     */
    async interactionLogged(
      tx: Executor,
      i: { caseId: string | null; direction: string; initiative: string; occurredAt: Date; status: string },
    ): Promise<void> {
      if (!i.caseId || i.direction !== 'outbound' || i.initiative !== 'company' || i.status !== 'done')
        return;
      const cur = await repo.getCase(tx, i.caseId, true);
      if (!cur || cur.firstRespondedAt || cur.status === 'closed') return;
      await repo.updateCase(tx, cur.id, {
        firstRespondedAt: i.occurredAt,
        ...(cur.status === 'new' ? { status: 'open' } : {}),
        updatedAt: deps.clock(),
        version: cur.version + 1,
      });
    },

    /** Checks that the actor may log on the case (the interaction links to it); its customer. */
    async checkLinkable(ex: Executor, actor: Actor, caseId: string) {
      if (!(await repo.getCase(ex, caseId)))
        throw invalid([{ field: 'caseId', code: 'not_found', message: 'no such case' }]);
      const c = await load(ex, actor, caseId, 'read');
      return { contactId: c.contactId, accountId: c.accountId };
    },
  };
}
export type CaseService = ReturnType<typeof createCaseService>;
