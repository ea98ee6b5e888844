/** Service desk set-up: queues, business calendars and SLA policies (admin-edited). */
import {
  type Actor,
  type BusinessCalendarInput,
  diffFields,
  type QueueCreate,
  type QueueUpdate,
  type ServiceSettings,
  type ServiceSettingsUpdate,
  type SlaPolicyCreate,
  type SlaPolicyUpdate,
  serviceSettingsSchema,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/connection.ts';
import { businessCalendars, queues, slaPolicies } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { configCrud } from '../shared/config-crud.ts';
import { checkVersion, requireCan } from '../shared/guards.ts';
import type { ListFields } from '../shared/list-query.ts';
import { assertRefs } from '../shared/refs.ts';
import { serviceSettings } from './service-settings.ts';

const col = (c: string) => sql.raw(c);
const named: ListFields = {
  name: { kind: 'text', sortable: true, notNull: true, expr: col('name') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
};
const stamps = (r: { createdAt: Date; updatedAt: Date; version: number }) => ({
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  version: r.version,
});

export function presentQueue(r: typeof queues.$inferSelect) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    teamId: r.teamId,
    escalationUserId: r.escalationUserId,
    active: r.active,
    ...stamps(r),
  };
}

export function presentCalendar(r: typeof businessCalendars.$inferSelect) {
  return { id: r.id, name: r.name, timezone: r.timezone, hours: r.hours, holidays: r.holidays, ...stamps(r) };
}

export function presentSlaPolicy(r: typeof slaPolicies.$inferSelect) {
  return {
    id: r.id,
    name: r.name,
    position: r.position,
    active: r.active,
    tiers: r.tiers,
    calendarId: r.calendarId,
    targets: r.targets,
    warnAtPercent: r.warnAtPercent,
    ...stamps(r),
  };
}

export function createServiceSetup(deps: { db: Db; clock: () => Date }) {
  const queueService = configCrud(deps, {
    table: queues,
    resource: 'queues',
    recordType: 'queue',
    what: 'Queue',
    auditFields: ['name', 'description', 'teamId', 'escalationUserId', 'active'],
    listFields: { ...named, active: { kind: 'boolean', expr: col('active') } },
    defaultSort: { field: 'name', dir: 'asc' },
    present: presentQueue,
    toInsert: (q: QueueCreate) => ({
      ...q,
      teamId: q.teamId ?? null,
      escalationUserId: q.escalationUserId ?? null,
    }),
    async check(tx, input: QueueCreate | QueueUpdate, cur) {
      if (input.name && input.name.toLowerCase() !== cur?.name.toLowerCase()) {
        const taken = await queryRows(tx, sql`SELECT 1 FROM queues WHERE lower(name) = lower(${input.name})`);
        if (taken.length)
          throw new AppError('conflict', 'A queue with this name exists', {
            errors: [{ field: 'name', code: 'taken', message: 'is already used' }],
          });
      }
      await assertRefs(tx, [
        { field: 'teamId', table: 'teams', id: input.teamId },
        { field: 'escalationUserId', table: 'users', id: input.escalationUserId, active: true },
      ]);
    },
    async beforeDelete(tx, cur) {
      const [r] = await queryRows<{ n: number }>(
        tx,
        sql`SELECT count(*)::int AS n FROM cases WHERE queue_id = ${cur.id}::uuid AND status IN ('new', 'open', 'pending')`,
      );
      if (r && r.n > 0)
        throw new AppError('conflict', `The queue still holds ${r.n} open case(s); move them first`);
    },
  });

  const calendarService = configCrud(deps, {
    table: businessCalendars,
    resource: 'sla_policies',
    recordType: 'business_calendar',
    what: 'Business calendar',
    auditFields: ['name', 'timezone', 'hours', 'holidays'],
    listFields: named,
    defaultSort: { field: 'name', dir: 'asc' },
    present: presentCalendar,
    toInsert: (c: BusinessCalendarInput) => c,
    async beforeDelete(tx, cur) {
      const used = await queryRows<{ name: string }>(
        tx,
        sql`SELECT name FROM sla_policies WHERE calendar_id = ${cur.id}::uuid ORDER BY name`,
      );
      if (used.length)
        throw new AppError(
          'conflict',
          `SLA policies use this calendar: ${used.map((u) => u.name).join(', ')}`,
        );
    },
  });

  const policyService = configCrud(deps, {
    table: slaPolicies,
    resource: 'sla_policies',
    recordType: 'sla_policy',
    what: 'SLA policy',
    auditFields: ['name', 'position', 'active', 'tiers', 'calendarId', 'targets', 'warnAtPercent'],
    listFields: {
      ...named,
      position: { kind: 'number', sortable: true, notNull: true, expr: col('position') },
      active: { kind: 'boolean', expr: col('active') },
    },
    defaultSort: { field: 'position', dir: 'asc' },
    present: presentSlaPolicy,
    toInsert: (p: SlaPolicyCreate) => ({ ...p, position: p.position ?? 100 }),
    async check(tx, input: SlaPolicyCreate | SlaPolicyUpdate) {
      await assertRefs(tx, [{ field: 'calendarId', table: 'business_calendars', id: input.calendarId }]);
    },
  });

  const settings = {
    async get(actor: Actor): Promise<{ settings: ServiceSettings; version: number }> {
      requireCan(actor, 'read', 'sla_policies');
      return serviceSettings.getVersioned(deps.db);
    },
    async update(actor: Actor, input: ServiceSettingsUpdate, expected?: number) {
      requireCan(actor, 'update', 'sla_policies');
      return deps.db.transaction(async (tx) => {
        const cur = await serviceSettings.getVersioned(tx, true);
        checkVersion(cur.version, expected);
        const next = serviceSettingsSchema.parse({
          ...cur.settings,
          ...(input.csatSurveyId !== undefined ? { csatSurveyId: input.csatSurveyId } : {}),
          disputes: { ...cur.settings.disputes, ...input.disputes },
        });
        await assertRefs(tx, [{ field: 'csatSurveyId', table: 'surveys', id: next.csatSurveyId }]);
        await serviceSettings.save(tx, next, cur.version + 1);
        await insertAudit(
          tx,
          auditEntry(
            actor,
            'update',
            'service_settings',
            null,
            diffFields(cur.settings, next, ['csatSurveyId', 'disputes']),
          ),
        );
        return { settings: next, version: cur.version + 1 };
      });
    },
  };

  return { queues: queueService, calendars: calendarService, slaPolicies: policyService, settings };
}
export type ServiceSetup = ReturnType<typeof createServiceSetup>;
