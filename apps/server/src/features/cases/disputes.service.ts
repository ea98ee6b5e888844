/**
 * Disputes: inbound interactions and cases that look like one (keywords, a recent detractor,
 * repeated contact) are flagged with their reasons; a dispute has its own status and owner.
 */
import {
  type Actor,
  type DisputeUpdate,
  describeDispute,
  detectDispute,
  diffFields,
  disputeStatuses,
  type ListQuery,
  scopeOf,
} from '@relata/domain';
import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { disputes } from '../../db/schema.ts';
import { forbidden } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { customerNames } from '../commerce/names.ts';
import { serviceSettings } from '../service-setup/service-settings.ts';
import { authorize, checkVersion } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import type { ListFields } from '../shared/list-query.ts';
import { assertRefs } from '../shared/refs.ts';
import { type DisputeView, presentDispute } from './cases.presenter.ts';
import * as repo from './cases.repository.ts';

const DAY = 86_400_000;
const col = (c: string) => sql.raw(c);
const listFields: ListFields = {
  status: { kind: 'enum', sortable: true, notNull: true, expr: col('status'), values: disputeStatuses },
  ownerId: { kind: 'uuid', expr: col('owner_id') },
  teamId: { kind: 'uuid', expr: col('team_id') },
  caseId: { kind: 'uuid', expr: col('case_id') },
  interactionId: { kind: 'uuid', expr: col('interaction_id') },
  contactId: { kind: 'uuid', expr: col('contact_id') },
  accountId: { kind: 'uuid', expr: col('account_id') },
  openedAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('opened_at') },
  updatedAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('updated_at') },
};
const auditFields = ['status', 'ownerId', 'resolution', 'reason'] as const;

/** What a dispute is raised on: a case, or an inbound interaction (which may belong to a case). */
export type DisputeSubject =
  | {
      kind: 'case';
      row: {
        id: string;
        contactId: string | null;
        accountId: string | null;
        assigneeId: string | null;
        teamId: string | null;
      };
      text: string;
    }
  | {
      kind: 'interaction';
      row: {
        id: string;
        caseId: string | null;
        contactId: string | null;
        accountId: string | null;
        ownerId: string | null;
        teamId: string | null;
      };
      text: string;
    };

export function createDisputeService(deps: { db: Db; clock: () => Date }) {
  const { db } = deps;
  const owned = (d: repo.DisputeRow) => ({ ownerId: d.ownerId, teamId: d.teamId });

  return {
    /** Flags the subject when it looks like a dispute; in the caller's transaction. */
    async flag(tx: Executor, s: DisputeSubject): Promise<repo.DisputeRow | null> {
      const { disputes: settings } = await serviceSettings.get(tx);
      if (!settings.enabled) return null;
      // An inbound message on a case raises the case's dispute, once.
      const onCase =
        s.kind === 'interaction' && s.row.caseId ? s.row.caseId : s.kind === 'case' ? s.row.id : null;
      if (onCase && (await repo.disputeFor(tx, 'case', onCase))) return null;
      const now = deps.clock();
      const [nps, recent] = await Promise.all([
        repo.npsOf(tx, s.row.contactId),
        repo.recentContacts(
          tx,
          s.row.contactId,
          s.row.accountId,
          new Date(now.getTime() - settings.repeatDays * DAY),
        ),
      ]);
      const [subject, ...rest] = s.text.split('\n');
      const reasons = detectDispute(
        {
          subject: subject ?? '',
          text: rest.join('\n'),
          npsCategory: nps?.category ?? null,
          npsScore: nps?.score ?? null,
          npsAnsweredAt: nps?.answered_at ? new Date(nps.answered_at) : null,
          recentContacts: recent,
          now,
        },
        settings,
      );
      if (!reasons.length) return null;
      const row = await repo.insertDispute(tx, {
        caseId: onCase,
        interactionId: s.kind === 'interaction' && !onCase ? s.row.id : null,
        contactId: s.row.contactId,
        accountId: s.row.accountId,
        reasons,
        reason: describeDispute(reasons),
        ownerId: s.kind === 'case' ? s.row.assigneeId : s.row.ownerId,
        teamId: s.row.teamId,
        openedAt: now,
      });
      await insertAudit(tx, {
        actorType: 'system',
        actorId: null,
        actorName: 'Dispute recognition',
        action: 'create',
        recordType: 'dispute',
        recordId: row.id,
        changes: { reason: { from: null, to: row.reason } },
        meta: { caseId: row.caseId, interactionId: row.interactionId },
      });
      return row;
    },

    async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<DisputeView>> {
      const req = pageRequest({
        actor,
        resource: 'cases',
        query,
        fields: listFields,
        defaultSort: { field: 'openedAt', dir: 'desc' },
        idExpr: col('id'),
      });
      const rows = await db
        .select({ ...getTableColumns(disputes), _sort: sql<string | null>`${req.sortValue}`.as('_sort') })
        .from(disputes)
        .where(req.where)
        .orderBy(req.order)
        .limit(req.limit + 1);
      const nameOf = await customerNames(db, rows);
      return toPage(rows, req, (r) => presentDispute(r, nameOf(r)));
    },

    async get(actor: Actor, id: string): Promise<DisputeView> {
      const [row] = await db.select().from(disputes).where(eq(disputes.id, id));
      authorize(actor, 'read', 'cases', row && owned(row), 'Dispute');
      return presentDispute(row!, (await customerNames(db, [row!]))(row!));
    },

    async update(actor: Actor, id: string, input: DisputeUpdate, expected?: number): Promise<DisputeView> {
      return db.transaction(async (tx) => {
        const [cur] = await tx.select().from(disputes).where(eq(disputes.id, id)).for('update');
        authorize(actor, 'update', 'cases', cur && owned(cur), 'Dispute');
        checkVersion(cur!.version, expected);
        if (
          input.ownerId !== undefined &&
          input.ownerId !== cur!.ownerId &&
          input.ownerId !== actor.userId &&
          scopeOf(actor, 'update', 'cases') !== 'all'
        )
          throw forbidden('Only managers may give a dispute to someone else');
        if (input.ownerId !== cur!.ownerId)
          await assertRefs(tx, [{ field: 'ownerId', table: 'users', id: input.ownerId, active: true }]);
        const closes = input.status === 'resolved' || input.status === 'rejected';
        const [next] = await tx
          .update(disputes)
          .set({
            ...(input.status !== undefined ? { status: input.status } : {}),
            ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
            ...(input.resolution !== undefined ? { resolution: input.resolution } : {}),
            resolvedAt: closes ? (cur!.resolvedAt ?? deps.clock()) : input.status ? null : cur!.resolvedAt,
            updatedAt: deps.clock(),
            version: cur!.version + 1,
          })
          .where(eq(disputes.id, id))
          .returning();
        await insertAudit(
          tx,
          auditEntry(actor, 'update', 'dispute', id, diffFields(cur!, next!, auditFields)),
        );
        return presentDispute(next!, (await customerNames(tx, [next!]))(next!));
      });
    },
  };
}
export type DisputeService = ReturnType<typeof createDisputeService>;
