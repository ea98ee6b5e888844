import { type Actor, can } from '@relata/domain';
import type { Db } from '../../db/connection.ts';
import { encodeTimeCursor, parseTimeCursor } from '../../http/cursor.ts';
import { forbidden } from '../../http/errors.ts';
import { getAccount } from '../accounts/accounts.repository.ts';
import { presentAudit } from '../audit/audit.presenter.ts';
import { getAuditByIds } from '../audit/audit.repository.ts';
import { getContact } from '../contacts/contacts.repository.ts';
import { presentInteraction } from '../interactions/interactions.presenter.ts';
import { getInteractionsByIds, participantsOf } from '../interactions/interactions.repository.ts';
import { presentInvoice } from '../invoices/invoices.presenter.ts';
import { invoicesByIds } from '../invoices/invoices.repository.ts';
import { getNotesByIds } from '../notes/notes.repository.ts';
import { presentNote } from '../notes/notes.service.ts';
import { presentOrder } from '../orders/orders.presenter.ts';
import { ordersByIds } from '../orders/orders.repository.ts';
import { authorize } from '../shared/guards.ts';
import { getTasksByIds } from '../tasks/tasks.repository.ts';
import { presentTask } from '../tasks/tasks.service.ts';
import { type TimelineKind, timelineKeys } from './timeline.repository.ts';

export const timelineKinds: TimelineKind[] = ['interaction', 'task', 'note', 'audit', 'order', 'invoice'];
const resourceOf: Record<TimelineKind, 'interactions' | 'tasks' | 'notes' | 'audit' | 'orders' | 'invoices'> =
  {
    interaction: 'interactions',
    task: 'tasks',
    note: 'notes',
    audit: 'audit',
    order: 'orders',
    invoice: 'invoices',
  };

export type TimelineRequest = {
  kind?: TimelineKind[];
  channel?: string[];
  outcome?: string[];
  cursor?: string;
  limit: number;
};

export function createTimelineService(deps: { db: Db; clock: () => Date }) {
  const { db } = deps;
  return {
    async page(actor: Actor, recordType: 'contact' | 'account', recordId: string, req: TimelineRequest) {
      const record =
        recordType === 'contact' ? await getContact(db, recordId) : await getAccount(db, recordId);
      authorize(
        actor,
        'read',
        recordType === 'contact' ? 'contacts' : 'accounts',
        record,
        recordType === 'contact' ? 'Contact' : 'Account',
      );
      const wanted = (req.kind?.length ? req.kind : timelineKinds).filter((k) =>
        can(actor, 'read', resourceOf[k]),
      );
      if (req.kind?.length && !wanted.length) throw forbidden();
      // Filtering by channel or outcome narrows the timeline to interactions.
      const kinds =
        req.channel?.length || req.outcome?.length ? wanted.filter((k) => k === 'interaction') : wanted;
      const keys = await timelineKeys(db, {
        recordType,
        recordId,
        kinds,
        ...(req.channel ? { channels: req.channel } : {}),
        ...(req.outcome ? { outcomes: req.outcome } : {}),
        ...(req.cursor ? { before: parseTimeCursor(req.cursor) } : {}),
        limit: req.limit,
      });
      const more = keys.length > req.limit;
      const page = more ? keys.slice(0, req.limit) : keys;
      const ids = (k: TimelineKind) => page.filter((p) => p.kind === k).map((p) => p.id);
      const [inter, tasks, notes, audit, orders, invoices] = await Promise.all([
        getInteractionsByIds(db, ids('interaction')),
        getTasksByIds(db, ids('task')),
        getNotesByIds(db, ids('note')),
        getAuditByIds(db, ids('audit')),
        ordersByIds(db, ids('order')),
        invoicesByIds(db, ids('invoice')),
      ]);
      const people = await participantsOf(
        db,
        inter.map((i) => i.id),
      );
      const now = deps.clock();
      const details = new Map<string, Record<string, unknown>>();
      for (const i of inter) details.set(i.id, presentInteraction(i, people.get(i.id) ?? []));
      for (const t of tasks) details.set(t.id, presentTask(t, now));
      for (const n of notes) details.set(n.id, presentNote(n));
      for (const a of audit) details.set(a.id, presentAudit(a));
      for (const o of orders) details.set(o.id, presentOrder(o));
      for (const i of invoices) details.set(i.id, presentInvoice(i, now));
      const last = page[page.length - 1];
      return {
        data: page.map((k) => ({ ...details.get(k.id), kind: k.kind, id: k.id, occurredAt: k.at })),
        nextCursor: more && last ? encodeTimeCursor({ at: last.at, id: last.id }) : null,
      };
    },
  };
}
export type TimelineService = ReturnType<typeof createTimelineService>;
