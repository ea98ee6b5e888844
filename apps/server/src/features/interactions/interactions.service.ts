import {
  type Actor,
  channels,
  defaultInitiative,
  diffFields,
  foldText,
  type InteractionCreate,
  type InteractionUpdate,
  type ListQuery,
  outcomeAllows,
  snapshotDiff,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { invalid } from '../../http/errors.ts';
import { sanitizeRichText } from '../../http/html.ts';
import { getAccount } from '../accounts/accounts.repository.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import type { InteractionHooks } from '../cases/service-desk.wiring.ts';
import { getContact } from '../contacts/contacts.repository.ts';
import { getDeal } from '../deals/deals.repository.ts';
import { getOutcome } from '../outcomes/outcomes.repository.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import type { ListFields } from '../shared/list-query.ts';
import { containsPattern } from '../shared/list-query.ts';
import { insertTask, type TaskRow } from '../tasks/tasks.repository.ts';
import { type InteractionView, presentInteraction } from './interactions.presenter.ts';
import * as repo from './interactions.repository.ts';

const col = (c: string) => sql.raw(c);
const listFields: ListFields = {
  channel: { kind: 'enum', sortable: true, notNull: true, expr: col('channel'), values: channels },
  direction: { kind: 'enum', expr: col('direction'), values: ['inbound', 'outbound'] },
  initiative: { kind: 'enum', expr: col('initiative'), values: ['customer', 'company'] },
  status: { kind: 'enum', expr: col('status'), values: ['planned', 'done', 'cancelled'] },
  outcome: { kind: 'text', sortable: true, expr: col('outcome') },
  contactId: { kind: 'uuid', expr: col('contact_id') },
  accountId: { kind: 'uuid', expr: col('account_id') },
  dealId: { kind: 'uuid', expr: col('deal_id') },
  caseId: { kind: 'uuid', expr: col('case_id') },
  ownerId: { kind: 'uuid', expr: col('owner_id') },
  teamId: { kind: 'uuid', expr: col('team_id') },
  subject: { kind: 'text', sortable: true, notNull: true, expr: col('subject') },
  cost: { kind: 'number', sortable: true, expr: col('cost') },
  occurredAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('occurred_at') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
};
const auditFields = [
  'channel',
  'direction',
  'initiative',
  'status',
  'occurredAt',
  'endsAt',
  'durationSeconds',
  'subject',
  'notes',
  'contactId',
  'accountId',
  'outcome',
  'outcomeNote',
  'cost',
  'callbackAt',
  'dealId',
] as const;

const DAY = 24 * 3600_000;
export type CreateExtras = { externalRef?: string; emailId?: string; ownerId?: string | null };

export function createInteractionService(deps: { db: Db; clock: () => Date; caseHooks: InteractionHooks }) {
  const { db } = deps;

  async function checkOutcome(ex: Executor, key: string | null | undefined, channel: string) {
    if (!key) return null;
    const o = await getOutcome(ex, key);
    if (!o || !outcomeAllows(o, channel)) {
      throw invalid([
        {
          field: 'outcome',
          code: 'invalid_value',
          message: `"${key}" is not an active outcome for ${channel}`,
        },
      ]);
    }
    return o;
  }

  async function checkDeal(ex: Executor, id: string | null | undefined) {
    if (id && !(await getDeal(ex, id)))
      throw invalid([{ field: 'dealId', code: 'not_found', message: 'no such deal' }]);
  }

  async function withParticipants(rows: repo.InteractionRow[]): Promise<InteractionView[]> {
    const people = await repo.participantsOf(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => presentInteraction(r, people.get(r.id) ?? []));
  }

  /** Creates an interaction inside the caller's transaction (also used by email and telephony). */
  async function createInTx(tx: Executor, actor: Actor, input: InteractionCreate, extras: CreateExtras = {}) {
    const ownerId = extras.ownerId === undefined ? actor.userId : extras.ownerId;
    requireCan(actor, 'create', 'interactions', { ownerId, teamId: actor.teamId });
    // A touch logged on a case is with the case's customer unless it names another.
    const onCase = input.caseId ? await deps.caseHooks.checkCase(tx, actor, input.caseId) : null;
    if (onCase && !input.contactId && !input.accountId)
      input = { ...input, contactId: onCase.contactId, accountId: onCase.accountId };
    const contact = input.contactId ? await getContact(tx, input.contactId) : undefined;
    if (input.contactId && !contact)
      throw invalid([{ field: 'contactId', code: 'not_found', message: 'no such contact' }]);
    if (input.accountId && !(await getAccount(tx, input.accountId))) {
      throw invalid([{ field: 'accountId', code: 'not_found', message: 'no such account' }]);
    }
    await checkDeal(tx, input.dealId);
    const outcome = await checkOutcome(tx, input.outcome, input.channel);
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : deps.clock();
    const accountId = input.accountId ?? (contact ? await repo.soleEmployer(tx, contact.id) : null);
    const subject = input.subject;
    let row = await repo.insertInteraction(tx, {
      channel: input.channel,
      direction: input.direction,
      initiative: input.initiative ?? defaultInitiative(input.direction),
      status: input.status,
      occurredAt,
      endsAt: input.endsAt ? new Date(input.endsAt) : null,
      durationSeconds: input.durationSeconds ?? null,
      subject,
      notes: sanitizeRichText(input.notes),
      location: input.location ?? null,
      contactId: input.contactId ?? null,
      accountId,
      dealId: input.dealId ?? null,
      caseId: input.caseId ?? null,
      outcome: input.outcome ?? null,
      outcomeNote: input.outcomeNote ?? null,
      cost: input.cost ?? null,
      callbackAt: input.callbackAt ? new Date(input.callbackAt) : null,
      ownerId,
      teamId: actor.teamId,
      emailId: extras.emailId ?? null,
      externalRef: extras.externalRef ?? null,
      searchText: foldText(`${subject} ${input.outcomeNote ?? ''}`),
    });
    const people: repo.Participant[] = [...input.participants];
    if (ownerId && !people.some((p) => p.type === 'user' && p.id === ownerId))
      people.push({ type: 'user', id: ownerId });
    if (row.contactId && !people.some((p) => p.type === 'contact' && p.id === row.contactId))
      people.push({ type: 'contact', id: row.contactId });
    await repo.setParticipants(tx, row.id, people);
    await insertAudit(
      tx,
      auditEntry(actor, 'create', 'interaction', row.id, snapshotDiff(row, auditFields, 'created')),
    );
    // Inbound: dispute check and routing; on a case: the first response.
    row = await deps.caseHooks.logged(tx, row);
    let callback: TaskRow | null = null;
    if (outcome?.createsCallback && row.status === 'done') {
      const due = row.callbackAt ?? new Date(occurredAt.getTime() + DAY);
      const name = contact?.name || 'the customer';
      callback = await insertTask(tx, {
        title: `Call back ${name}`,
        type: 'callback',
        notes: input.outcomeNote ?? '',
        dueAt: due,
        priority: 'high',
        assigneeId: contact?.ownerId ?? ownerId,
        teamId: contact?.teamId ?? actor.teamId,
        contactId: row.contactId,
        accountId: row.accountId,
        dealId: row.dealId,
        interactionId: row.id,
        reminderAt: new Date(due.getTime() - 15 * 60_000),
        createdBy: actor.userId,
      });
      await insertAudit(
        tx,
        auditEntry(
          actor,
          'create',
          'task',
          callback.id,
          { title: { from: null, to: callback.title } },
          { fromInteraction: row.id },
        ),
      );
    }
    return { row, people, callback };
  }

  return {
    createInTx,
    async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<InteractionView>> {
      const q = query.q ? foldText(query.q) : '';
      const req = pageRequest({
        actor,
        resource: 'interactions',
        query,
        fields: listFields,
        defaultSort: { field: 'occurredAt', dir: 'desc' },
        idExpr: col('id'),
        extra: [q ? sql`search_text LIKE ${containsPattern(q)}` : undefined],
      });
      const rows = await repo.pageInteractions(db, req.where, req.order, req.sortValue, req.limit);
      const page = toPage(rows, req, (r) => r);
      return { data: await withParticipants(page.data), nextCursor: page.nextCursor };
    },
    async get(actor: Actor, id: string): Promise<InteractionView> {
      const r = authorize(actor, 'read', 'interactions', await repo.getInteraction(db, id), 'Interaction');
      return (await withParticipants([r]))[0]!;
    },
    async create(actor: Actor, input: InteractionCreate) {
      const { row, people, callback } = await db.transaction((tx) => createInTx(tx, actor, input));
      return { ...presentInteraction(row, people), callbackTaskId: callback?.id ?? null };
    },
    async update(
      actor: Actor,
      id: string,
      input: InteractionUpdate,
      expected?: number,
    ): Promise<InteractionView> {
      const row = await db.transaction(async (tx) => {
        const cur = authorize(
          actor,
          'update',
          'interactions',
          await repo.getInteraction(tx, id, true),
          'Interaction',
        );
        checkVersion(cur.version, expected);
        const channel = input.channel ?? cur.channel;
        if (input.outcome !== undefined || input.channel !== undefined)
          await checkOutcome(tx, input.outcome === undefined ? cur.outcome : input.outcome, channel);
        await checkDeal(tx, input.dealId);
        const date = (v: string | null | undefined, prev: Date | null) =>
          v === undefined ? prev : v === null ? null : new Date(v);
        const subject = input.subject ?? cur.subject;
        const outcomeNote = input.outcomeNote === undefined ? cur.outcomeNote : input.outcomeNote;
        const next = await repo.updateInteraction(tx, id, {
          channel,
          direction: input.direction ?? cur.direction,
          initiative: input.initiative ?? cur.initiative,
          status: input.status ?? cur.status,
          occurredAt: input.occurredAt ? new Date(input.occurredAt) : cur.occurredAt,
          endsAt: date(input.endsAt, cur.endsAt),
          durationSeconds: input.durationSeconds === undefined ? cur.durationSeconds : input.durationSeconds,
          subject,
          notes: input.notes === undefined ? cur.notes : sanitizeRichText(input.notes),
          location: input.location === undefined ? cur.location : input.location,
          dealId: input.dealId === undefined ? cur.dealId : input.dealId,
          outcome: input.outcome === undefined ? cur.outcome : input.outcome,
          outcomeNote,
          cost: input.cost === undefined ? cur.cost : input.cost,
          callbackAt: date(input.callbackAt, cur.callbackAt),
          searchText: foldText(`${subject} ${outcomeNote ?? ''}`),
          updatedAt: deps.clock(),
          version: cur.version + 1,
        });
        await insertAudit(
          tx,
          auditEntry(actor, 'update', 'interaction', id, diffFields(cur, next, auditFields)),
        );
        return next;
      });
      return (await withParticipants([row]))[0]!;
    },
    async remove(actor: Actor, id: string, expected?: number): Promise<void> {
      await db.transaction(async (tx) => {
        const cur = authorize(
          actor,
          'delete',
          'interactions',
          await repo.getInteraction(tx, id, true),
          'Interaction',
        );
        checkVersion(cur.version, expected);
        await repo.deleteInteraction(tx, id);
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'interaction', id, snapshotDiff(cur, auditFields, 'deleted'), {
            contactId: cur.contactId,
          }),
        );
      });
    },
  };
}
export type InteractionService = ReturnType<typeof createInteractionService>;
