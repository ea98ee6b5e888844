/**
 * The service desk's jobs: every minute, SLA clocks that reach their warning time warn the
 * assignee and those that reach their due time escalate (a task for the queue's escalation user
 * or team, a live event, an audit row); and the CSAT survey after a case is solved.
 */
import { sql } from 'drizzle-orm';
import { type Db, type Executor, queryRows } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import type { EventBus } from '../events/event-bus.ts';
import { serviceSettings } from '../service-setup/service-settings.ts';
import type { SurveyService } from '../surveys/surveys.service.ts';
import { insertTask } from '../tasks/tasks.repository.ts';
import * as repo from './cases.repository.ts';
import { CASE_CSAT_JOB } from './cases.service.ts';

export const CASE_ESCALATION_JOB = 'cases.escalation';

type Clock = 'firstResponse' | 'resolution';
const label: Record<Clock, string> = { firstResponse: 'first response', resolution: 'resolution' };

export function createCaseJobs(deps: {
  db: Db;
  clock: () => Date;
  events: EventBus;
  surveys: SurveyService;
}) {
  const { db } = deps;

  async function tell(
    tx: Executor,
    c: repo.CaseRow,
    who: string[],
    kind: 'sla_warning' | 'sla_breach',
    clock: Clock,
    due: Date,
  ) {
    const title =
      kind === 'sla_warning'
        ? `SLA at risk: ${c.number} ${label[clock]} due`
        : `SLA breached: ${c.number} ${label[clock]} overdue`;
    for (const userId of who) {
      await insertTask(tx, {
        title,
        type: kind,
        notes: c.subject,
        dueAt: due,
        priority: kind === 'sla_breach' ? 'urgent' : 'high',
        assigneeId: userId,
        teamId: c.teamId,
        contactId: c.contactId,
        accountId: c.accountId,
        caseId: c.id,
      });
      await deps.events.publish(tx, {
        type: kind === 'sla_warning' ? 'case.sla_warning' : 'case.sla_breach',
        userId,
        data: { caseId: c.id, number: c.number, subject: c.subject, clock, dueAt: due.toISOString() },
      });
    }
  }

  /** One case: warn, or escalate at breach, each clock once. */
  async function step(id: string, now: Date): Promise<'warned' | 'breached' | null> {
    return db.transaction(async (tx) => {
      const [locked] = await queryRows<{ id: string }>(
        tx,
        sql`SELECT id FROM cases WHERE id = ${id}::uuid FOR UPDATE SKIP LOCKED`,
      );
      if (!locked) return null; // another worker has it
      const c = (await repo.getCase(tx, id))!;
      if (!['new', 'open', 'pending'].includes(c.status)) return null;
      const clocks: {
        clock: Clock;
        due: Date | null;
        warn: Date | null;
        stopped: boolean;
        warned: Date | null;
        breached: Date | null;
      }[] = [
        {
          clock: 'firstResponse',
          due: c.firstResponseDueAt,
          warn: c.firstResponseWarnAt,
          stopped: Boolean(c.firstRespondedAt),
          warned: c.firstResponseWarnedAt,
          breached: c.firstResponseBreachedAt,
        },
        {
          clock: 'resolution',
          due: c.resolutionDueAt,
          warn: c.resolutionWarnAt,
          stopped: Boolean(c.resolvedAt || c.pendingSince),
          warned: c.resolutionWarnedAt,
          breached: c.resolutionBreachedAt,
        },
      ];
      let result: 'warned' | 'breached' | null = null;
      for (const k of clocks) {
        if (k.stopped || k.breached || !k.due) continue;
        if (k.due.getTime() <= now.getTime()) {
          const escalateTo = await repo.escalationUsers(tx, c.queueId);
          const who = [...new Set([...(c.assigneeId ? [c.assigneeId] : []), ...escalateTo])];
          await repo.updateCase(tx, id, {
            [`${k.clock}BreachedAt`]: now,
            [`${k.clock}WarnedAt`]: k.warned ?? now,
            escalationLevel: c.escalationLevel + 1,
          });
          await tell(tx, c, who, 'sla_breach', k.clock, k.due);
          await insertAudit(tx, {
            actorType: 'system',
            actorId: null,
            actorName: 'SLA escalation',
            action: 'escalate',
            recordType: 'case',
            recordId: id,
            changes: { escalationLevel: { from: c.escalationLevel, to: c.escalationLevel + 1 } },
            meta: { clock: k.clock, dueAt: k.due.toISOString(), notified: who },
          });
          result = 'breached';
        } else if (!k.warned && k.warn && k.warn.getTime() <= now.getTime()) {
          await repo.updateCase(tx, id, { [`${k.clock}WarnedAt`]: now });
          const who = c.assigneeId ? [c.assigneeId] : await repo.escalationUsers(tx, c.queueId);
          await tell(tx, c, who, 'sla_warning', k.clock, k.due);
          result ??= 'warned';
        }
      }
      return result;
    });
  }

  return {
    /** Warns and escalates every clock that is due; returns how many of each. */
    async escalate(): Promise<{ warned: number; breached: number }> {
      const now = deps.clock();
      const out = { warned: 0, breached: 0 };
      for (;;) {
        const due = await repo.clocksDue(db, now, 200);
        let changed = 0;
        for (const { id } of due) {
          const r = await step(id, now);
          if (r) {
            out[r] += 1;
            changed += 1;
          }
        }
        if (due.length < 200 || changed === 0) return out;
      }
    },

    /** Sends the CSAT survey of the service settings to the case's contact, once. */
    async sendCsat(caseId: string): Promise<string | null> {
      return db.transaction(async (tx) => {
        const c = await repo.getCase(tx, caseId, true);
        if (!c?.contactId || c.csatInvitationId) return null;
        const { csatSurveyId } = await serviceSettings.get(tx);
        if (!csatSurveyId) return null;
        try {
          const sent = await deps.surveys.inviteFromProcess(
            {
              surveyId: csatSurveyId,
              contactIds: [c.contactId],
              sendEmail: true,
              processName: 'Customer satisfaction after a case',
            },
            tx,
          );
          const invitation = sent.data[0]?.id ?? null;
          if (invitation) await repo.updateCase(tx, caseId, { csatInvitationId: invitation });
          return invitation;
        } catch (e) {
          // A closed or deleted survey, or no PUBLIC_URL: nothing to retry; say why in the log.
          if (e instanceof AppError) {
            console.warn(`[cases] no CSAT survey for ${c.number}: ${e.message}`);
            return null;
          }
          throw e;
        }
      });
    },
  };
}
export type CaseJobs = ReturnType<typeof createCaseJobs>;

export function registerCaseJobs(jobs: Jobs, caseJobs: CaseJobs): void {
  jobs.register(
    CASE_ESCALATION_JOB,
    async () => {
      await caseJobs.escalate();
    },
    { cron: '* * * * *' },
  );
  jobs.register(
    CASE_CSAT_JOB,
    async (data) => {
      await caseJobs.sendCsat(String(data.caseId));
    },
    { retryLimit: 3, retryDelay: 60, retryBackoff: true },
  );
}
