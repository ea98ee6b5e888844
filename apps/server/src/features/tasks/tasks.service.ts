import {
  type Actor,
  type Condition,
  diffFields,
  type ListQuery,
  snapshotDiff,
  type TaskCreate,
  type TaskUpdate,
  taskPriorities,
  taskStatuses,
  taskTypes,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { invalid } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { getDeal } from '../deals/deals.repository.ts';
import type { EventBus } from '../events/event-bus.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import type { ListFields } from '../shared/list-query.ts';
import * as repo from './tasks.repository.ts';

const col = (c: string) => sql.raw(c);
const listFields: ListFields = {
  title: { kind: 'text', sortable: true, notNull: true, expr: col('title') },
  type: { kind: 'enum', sortable: true, notNull: true, expr: col('type'), values: taskTypes },
  priority: { kind: 'enum', expr: col('priority'), values: taskPriorities },
  status: { kind: 'enum', sortable: true, notNull: true, expr: col('status'), values: taskStatuses },
  assigneeId: { kind: 'uuid', expr: col('assignee_id') },
  teamId: { kind: 'uuid', expr: col('team_id') },
  contactId: { kind: 'uuid', expr: col('contact_id') },
  accountId: { kind: 'uuid', expr: col('account_id') },
  interactionId: { kind: 'uuid', expr: col('interaction_id') },
  dealId: { kind: 'uuid', expr: col('deal_id') },
  dueAt: { kind: 'datetime', sortable: true, expr: col('due_at') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
};
const auditFields = [
  'title',
  'type',
  'notes',
  'dueAt',
  'priority',
  'status',
  'assigneeId',
  'contactId',
  'accountId',
  'reminderAt',
] as const;

export function presentTask(r: repo.TaskRow, now = new Date()) {
  return {
    id: r.id,
    title: r.title,
    type: r.type,
    notes: r.notes,
    dueAt: r.dueAt?.toISOString() ?? null,
    overdue: r.status === 'open' && r.dueAt !== null && r.dueAt < now,
    priority: r.priority,
    status: r.status,
    assigneeId: r.assigneeId,
    teamId: r.teamId,
    contactId: r.contactId,
    accountId: r.accountId,
    interactionId: r.interactionId,
    dealId: r.dealId,
    reminderAt: r.reminderAt?.toISOString() ?? null,
    completedAt: r.completedAt?.toISOString() ?? null,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type TaskView = ReturnType<typeof presentTask>;

/** For authorisation a task belongs to its assignee and team. */
const owned = (t: repo.TaskRow) => ({ ...t, ownerId: t.assigneeId });
const date = (v: string | null | undefined) => (v ? new Date(v) : null);

export function createTaskService(deps: { db: Db; clock: () => Date; events: EventBus }) {
  const { db } = deps;
  return {
    async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<TaskView>> {
      const now = deps.clock();
      const req = pageRequest({
        actor,
        resource: 'tasks',
        query,
        fields: listFields,
        defaultSort: { field: 'dueAt', dir: 'asc' },
        idExpr: col('id'),
        scopeColumns: { owner: 'assignee_id', team: 'team_id' },
        aliases: { assigneeId: { me: actor.userId ?? '' } },
        special: {
          overdue: (c: Condition) =>
            c.value === true || c.value === 'true'
              ? sql`(status = 'open' AND due_at < ${now.toISOString()}::timestamptz)`
              : sql`NOT (status = 'open' AND due_at IS NOT NULL AND due_at < ${now.toISOString()}::timestamptz)`,
        },
        specialKinds: { overdue: 'boolean' },
      });
      return toPage(await repo.pageTasks(db, req.where, req.order, req.sortValue, req.limit), req, (r) =>
        presentTask(r, now),
      );
    },
    async get(actor: Actor, id: string): Promise<TaskView> {
      const t = await repo.getTask(db, id);
      return presentTask(authorize(actor, 'read', 'tasks', t && owned(t), 'Task'), deps.clock());
    },
    async create(actor: Actor, input: TaskCreate): Promise<TaskView> {
      const assigneeId = input.assigneeId ?? actor.userId;
      requireCan(actor, 'create', 'tasks', { ownerId: assigneeId, teamId: actor.teamId });
      if (input.dueAt && input.reminderAt && input.reminderAt > input.dueAt) {
        throw invalid([{ field: 'reminderAt', code: 'invalid_value', message: 'must not be after dueAt' }]);
      }
      if (input.dealId && !(await getDeal(db, input.dealId)))
        throw invalid([{ field: 'dealId', code: 'not_found', message: 'no such deal' }]);
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertTask(tx, {
          ...input,
          dueAt: date(input.dueAt),
          reminderAt: date(input.reminderAt),
          assigneeId,
          teamId: actor.teamId,
          completedAt: input.status === 'done' ? deps.clock() : null,
          createdBy: actor.userId,
        });
        await insertAudit(
          tx,
          auditEntry(actor, 'create', 'task', created.id, snapshotDiff(created, auditFields, 'created')),
        );
        return created;
      });
      return presentTask(row, deps.clock());
    },
    async update(actor: Actor, id: string, input: TaskUpdate, expected?: number): Promise<TaskView> {
      const row = await db.transaction(async (tx) => {
        const t = await repo.getTask(tx, id, true);
        const cur = authorize(actor, 'update', 'tasks', t && owned(t), 'Task');
        checkVersion(cur.version, expected);
        const status = input.status ?? cur.status;
        const next = await repo.updateTask(tx, id, {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.type !== undefined ? { type: input.type } : {}),
          ...(input.notes !== undefined ? { notes: input.notes } : {}),
          ...(input.priority !== undefined ? { priority: input.priority } : {}),
          ...(input.dueAt !== undefined ? { dueAt: date(input.dueAt) } : {}),
          ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId } : {}),
          ...(input.reminderAt !== undefined ? { reminderAt: date(input.reminderAt), remindedAt: null } : {}),
          status,
          completedAt: status === 'done' ? (cur.completedAt ?? deps.clock()) : null,
          updatedAt: deps.clock(),
          version: cur.version + 1,
        });
        await insertAudit(tx, auditEntry(actor, 'update', 'task', id, diffFields(cur, next, auditFields)));
        return next;
      });
      return presentTask(row, deps.clock());
    },
    async remove(actor: Actor, id: string, expected?: number): Promise<void> {
      await db.transaction(async (tx) => {
        const t = await repo.getTask(tx, id, true);
        const cur = authorize(actor, 'delete', 'tasks', t && owned(t), 'Task');
        checkVersion(cur.version, expected);
        await repo.deleteTask(tx, id);
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'task', id, snapshotDiff(cur, auditFields, 'deleted')),
        );
      });
    },
    /** The reminder job: claims due reminders and tells each assignee's browser. */
    async sendDueReminders(): Promise<number> {
      return db.transaction(async (tx) => {
        const due = await repo.claimDueReminders(tx, deps.clock());
        for (const t of due) {
          if (!t.assigneeId) continue;
          await deps.events.publish(tx, {
            type: 'task.reminder',
            userId: t.assigneeId,
            data: presentTask(t, deps.clock()),
          });
        }
        return due.length;
      });
    },
  };
}
export type TaskService = ReturnType<typeof createTaskService>;
