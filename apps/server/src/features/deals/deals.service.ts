import {
  type Actor,
  baseAmount,
  type DealCreate,
  type DealMove,
  type DealUpdate,
  dealStatuses,
  diffFields,
  type ListQuery,
  moveOutcome,
  rankBetween,
  snapshotDiff,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { encodeTimeCursor, parseTimeCursor } from '../../http/cursor.ts';
import { invalid } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { resolveCustomers } from '../commerce/customer-refs.ts';
import { buildLines } from '../orders/order-lines.ts';
import { getLostReason, getStage, type StageRow } from '../pipelines/pipelines.repository.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import { containsPattern, type ListFields } from '../shared/list-query.ts';
import { ownerOf, rateFor, startingStage } from './deal-inputs.ts';
import { type DealView, presentDeal, presentMove } from './deals.presenter.ts';
import * as repo from './deals.repository.ts';

const col = (c: string) => sql.raw(c);
export const dealListFields: ListFields = {
  name: { kind: 'text', sortable: true, notNull: true, expr: col('name') },
  status: { kind: 'enum', sortable: true, notNull: true, expr: col('status'), values: dealStatuses },
  pipelineId: { kind: 'uuid', expr: col('pipeline_id') },
  stageId: { kind: 'uuid', expr: col('stage_id') },
  ownerId: { kind: 'uuid', expr: col('owner_id') },
  teamId: { kind: 'uuid', expr: col('team_id') },
  contactId: { kind: 'uuid', expr: col('contact_id') },
  accountId: { kind: 'uuid', expr: col('account_id') },
  lostReasonId: { kind: 'uuid', expr: col('lost_reason_id') },
  amount: { kind: 'number', sortable: true, notNull: true, expr: col('amount') },
  amountBase: { kind: 'number', sortable: true, notNull: true, expr: col('amount_base') },
  currency: { kind: 'text', expr: col('currency') },
  expectedCloseDate: { kind: 'date', sortable: true, expr: col('expected_close_date') },
  stageEnteredAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('stage_entered_at') },
  wonAt: { kind: 'datetime', sortable: true, expr: col('won_at') },
  lostAt: { kind: 'datetime', sortable: true, expr: col('lost_at') },
  source: { kind: 'text', expr: col('source') },
  rank: { kind: 'number', sortable: true, notNull: true, expr: col('rank') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
  updatedAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('updated_at') },
};
const auditFields = [
  'name',
  'pipelineId',
  'stageId',
  'status',
  'amount',
  'currency',
  'amountBase',
  'expectedCloseDate',
  'ownerId',
  'contactId',
  'accountId',
  'lostReasonId',
  'lostNote',
  'wonAt',
  'lostAt',
  'source',
  'notes',
] as const;

const sumLines = (lines: readonly { lineTotal: number }[]) => lines.reduce((s, l) => s + l.lineTotal, 0);

export function createDealService(deps: { db: Db; clock: () => Date }) {
  const { db } = deps;

  async function view(ex: Executor, row: repo.DealRow, stage?: StageRow): Promise<DealView> {
    const names = await repo.namesFor(ex, [row]);
    const lines = await repo.linesOf(ex, [row.id]);
    const st = stage ?? (await getStage(ex, row.stageId));
    return presentDeal(row, {
      now: deps.clock(),
      names,
      ...(st ? { stage: st } : {}),
      lines: lines.get(row.id) ?? [],
    });
  }

  async function checkLostReason(ex: Executor, id: string | null | undefined) {
    if (id && !(await getLostReason(ex, id)))
      throw invalid([{ field: 'lostReasonId', code: 'not_found', message: 'no such lost reason' }]);
  }

  /**
   * Creates a deal inside the caller's transaction (lead conversion uses this): authorises,
   * resolves pipeline, stage, customer, currency and lines, writes the deal, its first history
   * row and the audit row (with `meta`, e.g. `{ fromLead: id }`).
   */
  async function createInTx(
    tx: Executor,
    actor: Actor,
    input: DealCreate,
    meta: Record<string, unknown> = {},
  ): Promise<DealView> {
    const wanted = input.ownerId === undefined ? actor.userId : input.ownerId;
    requireCan(actor, 'create', 'deals', { ownerId: wanted, teamId: actor.teamId });
    const owner = await ownerOf(tx, actor, 'create', wanted);
    const [customer] = await resolveCustomers(tx, [input], { required: false });
    const { pipeline, stage } = await startingStage(tx, input);
    const { currency, rate } = await rateFor(tx, input.currency, input.exchangeRate);
    const [lines] = input.lines.length ? await buildLines(tx, [input]) : [[]];
    const amount = input.amount ?? sumLines(lines ?? []);
    const top = await repo.topRank(tx, stage.id);
    const now = deps.clock();
    const row = await repo.insertDeal(tx, {
      name: input.name,
      pipelineId: pipeline.id,
      stageId: stage.id,
      status: stage.kind,
      rank: top === null ? 0 : top - 1024,
      amount,
      currency,
      exchangeRate: rate,
      amountBase: baseAmount(amount, rate),
      expectedCloseDate: input.expectedCloseDate ?? null,
      ...owner,
      contactId: customer!.contactId,
      accountId: customer!.accountId,
      stageEnteredAt: now,
      wonAt: stage.kind === 'won' ? now : null,
      source: input.source ?? null,
      notes: input.notes,
      createdAt: now,
      updatedAt: now,
    });
    if (lines?.length) await repo.replaceLines(tx, row.id, lines);
    await repo.insertHistory(tx, {
      dealId: row.id,
      toStageId: stage.id,
      toStageName: stage.name,
      movedBy: actor.userId,
      movedAt: now,
    });
    await insertAudit(
      tx,
      auditEntry(actor, 'create', 'deal', row.id, snapshotDiff(row, auditFields, 'created'), meta),
    );
    return view(tx, row, stage);
  }

  /**
   * Moves a deal to a stage (and a place in its column) inside the caller's transaction. The deal
   * row is locked until commit, so concurrent moves apply one after the other; If-Match refuses a
   * stale one.
   */
  async function moveInTx(tx: Executor, actor: Actor, id: string, input: DealMove, expected?: number) {
    const cur = authorize(actor, 'update', 'deals', await repo.getDeal(tx, id, true), 'Deal');
    checkVersion(cur.version, expected);
    const to = await getStage(tx, input.stageId);
    const from = await getStage(tx, cur.stageId);
    if (!to) throw invalid([{ field: 'stageId', code: 'not_found', message: 'no such stage' }]);
    await checkLostReason(tx, input.lostReasonId);
    const now = deps.clock();
    const { errors, outcome } = moveOutcome(cur, to, input, now);
    if (errors.length) throw invalid(errors);
    const sameStage = to.id === cur.stageId;
    let rank = cur.rank;
    if (input.position !== undefined) {
      let n = await repo.neighbourRanks(tx, to.id, input.position, id);
      let r = rankBetween(n.before, n.after);
      if (r.exhausted) {
        await repo.rerankStage(tx, to.id);
        n = await repo.neighbourRanks(tx, to.id, input.position, id);
        r = rankBetween(n.before, n.after);
      }
      rank = r.rank;
    } else if (!sameStage) {
      const top = await repo.topRank(tx, to.id);
      rank = top === null ? 0 : top - 1024;
    }
    const next = await repo.updateDeal(tx, id, {
      pipelineId: to.pipelineId,
      stageId: to.id,
      ...outcome,
      rank,
      ...(sameStage ? {} : { stageEnteredAt: now }),
      updatedAt: now,
      version: cur.version + 1,
    });
    if (!sameStage) {
      await repo.insertHistory(tx, {
        dealId: id,
        fromStageId: cur.stageId,
        toStageId: to.id,
        fromStageName: from?.name ?? null,
        toStageName: to.name,
        movedBy: actor.userId,
        movedAt: now,
        secondsInFrom: Math.max(0, Math.round((now.getTime() - cur.stageEnteredAt.getTime()) / 1000)),
      });
      const changes = diffFields(cur, next, auditFields);
      changes.stage = { from: from?.name ?? null, to: to.name };
      await insertAudit(tx, auditEntry(actor, 'update', 'deal', id, changes, { move: true }));
    }
    return view(tx, next, to);
  }

  return {
    createInTx,
    moveInTx,

    async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<DealView>> {
      const req = pageRequest({
        actor,
        resource: 'deals',
        query,
        fields: dealListFields,
        defaultSort: { field: 'createdAt', dir: 'desc' },
        idExpr: col('id'),
        extra: [query.q ? sql`name ILIKE ${containsPattern(query.q)}` : undefined],
      });
      const rows = await repo.pageDeals(db, req.where, req.order, req.sortValue, req.limit);
      const names = await repo.namesFor(db, rows);
      const now = deps.clock();
      return toPage(rows, req, (r) => presentDeal(r, { now, names }));
    },

    async get(actor: Actor, id: string): Promise<DealView> {
      return view(db, authorize(actor, 'read', 'deals', await repo.getDeal(db, id), 'Deal'));
    },

    async create(actor: Actor, input: DealCreate): Promise<DealView> {
      return db.transaction((tx) => createInTx(tx, actor, input));
    },

    async update(actor: Actor, id: string, input: DealUpdate, expected?: number): Promise<DealView> {
      return db.transaction(async (tx) => {
        const cur = authorize(actor, 'update', 'deals', await repo.getDeal(tx, id, true), 'Deal');
        checkVersion(cur.version, expected);
        const owner =
          input.ownerId !== undefined && input.ownerId !== cur.ownerId
            ? await ownerOf(tx, actor, 'update', input.ownerId)
            : null;
        const refs = {
          contactId: input.contactId === undefined ? cur.contactId : input.contactId,
          accountId: input.accountId === undefined ? cur.accountId : input.accountId,
        };
        const [customer] =
          input.contactId !== undefined || input.accountId !== undefined
            ? await resolveCustomers(tx, [refs], { required: false })
            : [refs];
        const money =
          input.currency !== undefined || input.exchangeRate !== undefined
            ? await rateFor(
                tx,
                input.currency ?? cur.currency,
                input.exchangeRate ?? Number(cur.exchangeRate),
              )
            : { currency: cur.currency, rate: Number(cur.exchangeRate) };
        const [lines] = input.lines ? await buildLines(tx, [{ lines: input.lines }]) : [undefined];
        const amount = input.amount ?? (lines ? sumLines(lines) : cur.amount);
        const next = await repo.updateDeal(tx, id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.expectedCloseDate !== undefined ? { expectedCloseDate: input.expectedCloseDate } : {}),
          ...(input.notes !== undefined ? { notes: input.notes } : {}),
          ...(input.source !== undefined ? { source: input.source } : {}),
          ...(owner ?? {}),
          contactId: customer!.contactId,
          accountId: customer!.accountId,
          currency: money.currency,
          exchangeRate: money.rate,
          amount,
          amountBase: baseAmount(amount, money.rate),
          updatedAt: deps.clock(),
          version: cur.version + 1,
        });
        if (lines) await repo.replaceLines(tx, id, lines);
        await insertAudit(tx, auditEntry(actor, 'update', 'deal', id, diffFields(cur, next, auditFields)));
        return view(tx, next);
      });
    },

    async remove(actor: Actor, id: string, expected?: number): Promise<void> {
      await db.transaction(async (tx) => {
        const cur = authorize(actor, 'delete', 'deals', await repo.getDeal(tx, id, true), 'Deal');
        checkVersion(cur.version, expected);
        await repo.deleteDeal(tx, id);
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'deal', id, snapshotDiff(cur, auditFields, 'deleted')),
        );
      });
    },

    async move(actor: Actor, id: string, input: DealMove, expected?: number): Promise<DealView> {
      return db.transaction((tx) => moveInTx(tx, actor, id, input, expected));
    },

    /** A deal's stage history, oldest first, with the time spent in each stage. */
    async history(actor: Actor, id: string, q: { limit: number; cursor?: string | undefined }) {
      authorize(actor, 'read', 'deals', await repo.getDeal(db, id), 'Deal');
      const after = q.cursor ? parseTimeCursor(q.cursor) : undefined;
      const rows = await repo.historyOf(db, id, { limit: q.limit + 1, ...(after ? { after } : {}) });
      const page = rows.slice(0, q.limit);
      const names = await repo.namesFor(
        db,
        page.map((h) => ({ ownerId: h.movedBy, accountId: null, contactId: null })),
      );
      const now = deps.clock();
      const data = page.map((h, i) => presentMove(h, rows[i + 1]?.movedAt ?? null, now, names.users));
      const last = page[page.length - 1];
      return {
        data,
        nextCursor:
          rows.length > q.limit && last
            ? encodeTimeCursor({ at: last.movedAt.toISOString(), id: last.id })
            : null,
      };
    },
  };
}
export type DealService = ReturnType<typeof createDealService>;
