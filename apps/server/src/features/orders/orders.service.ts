import {
  type Actor,
  baseAmount,
  deliveryStatuses,
  diffFields,
  type FieldError,
  type ListQuery,
  type OrderBulk,
  type OrderCreate,
  type OrderUpdate,
  orderStatuses,
  scopeOf,
  snapshotDiff,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { AppError, forbidden, invalid } from '../../http/errors.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import {
  allValid,
  bulkResult,
  rejectRepeatedExternalIds,
  sameValue,
  type UpsertResult,
} from '../commerce/bulk.ts';
import { resolveCustomers } from '../commerce/customer-refs.ts';
import { customerNames } from '../commerce/names.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import { type ListFields, startsWithPattern } from '../shared/list-query.ts';
import { rescoreTargets, VALUE_RESCORE_JOB } from '../value/value-job-names.ts';
import { getValueSettings } from '../value/value-settings.repository.ts';
import { type BuiltLine, buildLines, comparableLines } from './order-lines.ts';
import { type OrderView, presentOrder } from './orders.presenter.ts';
import * as repo from './orders.repository.ts';

const col = (c: string) => sql.raw(c);
const listFields: ListFields = {
  number: { kind: 'text', sortable: true, notNull: true, expr: col('number') },
  externalId: { kind: 'text', expr: col('external_id') },
  status: { kind: 'enum', sortable: true, notNull: true, expr: col('status'), values: orderStatuses },
  deliveryStatus: {
    kind: 'enum',
    sortable: true,
    notNull: true,
    expr: col('delivery_status'),
    values: deliveryStatuses,
  },
  orderedAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('ordered_at') },
  estimatedDelivery: { kind: 'date', sortable: true, expr: col('estimated_delivery') },
  total: { kind: 'number', sortable: true, notNull: true, expr: col('total') },
  totalBase: { kind: 'number', sortable: true, notNull: true, expr: col('total_base') },
  currency: { kind: 'text', expr: col('currency') },
  channel: { kind: 'text', sortable: true, expr: col('channel') },
  contactId: { kind: 'uuid', expr: col('contact_id') },
  accountId: { kind: 'uuid', expr: col('account_id') },
  ownerId: { kind: 'uuid', expr: col('owner_id') },
  teamId: { kind: 'uuid', expr: col('team_id') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
};
const auditFields = [
  'number',
  'externalId',
  'contactId',
  'accountId',
  'status',
  'orderedAt',
  'deliveryStatus',
  'estimatedDelivery',
  'channel',
  'currency',
  'total',
  'totalBase',
  'ownerId',
] as const;

const totalOf = (lines: readonly BuiltLine[]) => lines.reduce((s, l) => s + l.lineTotal, 0);

export function createOrderService(deps: { db: Db; clock: () => Date; jobs: Jobs }) {
  const { db } = deps;

  /** The company-currency rate: 1 for the company currency, else the one given (required). */
  async function rates(
    ex: Executor,
    orders: readonly { currency: string; exchangeRate?: number | null }[],
    prefix: (i: number) => string,
  ) {
    const { currency } = await getValueSettings(ex);
    const errors: FieldError[] = [];
    const out = orders.map((o, i) => {
      if (o.currency === currency) return 1;
      if (!o.exchangeRate) {
        errors.push({
          field: `${prefix(i)}exchangeRate`,
          code: 'required',
          message: `is needed to convert ${o.currency} to the company currency ${currency}`,
        });
        return 1;
      }
      return o.exchangeRate;
    });
    if (errors.length) throw invalid(errors);
    return out;
  }

  async function rescore(
    tx: Executor,
    ...rows: ({ contactId: string | null; accountId: string | null } | undefined)[]
  ) {
    const customers = rescoreTargets(...rows);
    if (customers.length) await deps.jobs.sendInTx(tx, VALUE_RESCORE_JOB, { customers });
  }

  async function numbersFor(
    tx: Executor,
    inputs: readonly { number?: string | null | undefined }[],
    prefix: (i: number) => string,
  ) {
    const given = inputs.map((o) => o.number).filter((n): n is string => !!n);
    const taken = await repo.numbersTaken(tx, given);
    const errors = inputs.flatMap((o, i) =>
      o.number && taken.has(o.number)
        ? [{ field: `${prefix(i)}number`, code: 'duplicate', message: 'another order has this number' }]
        : [],
    );
    if (errors.length) throw new AppError('conflict', 'Order numbers must be unique', { errors });
    const fresh = await repo.nextOrderNumbers(tx, inputs.filter((o) => !o.number).length);
    return inputs.map((o) => o.number ?? fresh.shift()!);
  }

  async function insertOne(
    tx: Executor,
    actor: Actor,
    input: OrderCreate,
    built: {
      number: string;
      customer: { contactId: string | null; accountId: string | null };
      lines: BuiltLine[];
      rate: number;
    },
    meta: Record<string, unknown> = {},
  ) {
    const total = totalOf(built.lines);
    const row = await repo.insertOrder(tx, {
      number: built.number,
      externalId: input.externalId ?? null,
      contactId: built.customer.contactId,
      accountId: built.customer.accountId,
      status: input.status,
      orderedAt: new Date(input.orderedAt),
      deliveryStatus: input.deliveryStatus,
      estimatedDelivery: input.estimatedDelivery ?? null,
      deliveredAt: input.deliveredAt ? new Date(input.deliveredAt) : null,
      channel: input.channel ?? null,
      currency: input.currency,
      exchangeRate: built.rate,
      total,
      totalBase: baseAmount(total, built.rate),
      notes: input.notes,
      ownerId: input.ownerId ?? (actor.kind === 'user' ? actor.userId : null),
      teamId: actor.kind === 'user' ? actor.teamId : null,
    });
    const lines = await repo.replaceLines(tx, row.id, built.lines);
    await insertAudit(
      tx,
      auditEntry(actor, 'create', 'order', row.id, snapshotDiff(row, auditFields, 'created'), meta),
    );
    return { row, lines };
  }

  /** Creates an order inside the caller's transaction (an accepted quote becomes an order). */
  async function createInTx(
    tx: Executor,
    actor: Actor,
    input: OrderCreate,
    meta: Record<string, unknown> = {},
  ) {
    requireCan(actor, 'create', 'orders', { ownerId: input.ownerId ?? actor.userId, teamId: actor.teamId });
    if (input.ownerId && input.ownerId !== actor.userId && scopeOf(actor, 'create', 'orders') !== 'all')
      throw forbidden('Only managers may create orders for someone else');
    const [[customer], [lineSet], [rate]] = await allValid([
      resolveCustomers(tx, [input], { required: input.status !== 'draft' }),
      buildLines(tx, [input]),
      rates(tx, [input], () => ''),
    ] as const);
    const [number] = await numbersFor(tx, [input], () => '');
    const created = await insertOne(
      tx,
      actor,
      input,
      { number: number!, customer: customer!, lines: lineSet!, rate: rate! },
      meta,
    );
    await rescore(tx, created.row);
    return created;
  }

  return {
    async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<OrderView>> {
      const req = pageRequest({
        actor,
        resource: 'orders',
        query,
        fields: listFields,
        defaultSort: { field: 'orderedAt', dir: 'desc' },
        idExpr: col('id'),
        special: {
          open: (c) =>
            c.value === true || c.value === 'true'
              ? sql`(status IN ('confirmed', 'fulfilled') AND delivery_status NOT IN ('delivered', 'returned'))`
              : sql`NOT (status IN ('confirmed', 'fulfilled') AND delivery_status NOT IN ('delivered', 'returned'))`,
        },
        specialKinds: { open: 'boolean' },
        extra: [
          query.q ? sql`(number ILIKE ${startsWithPattern(query.q)} OR external_id = ${query.q})` : undefined,
        ],
      });
      const rows = await repo.pageOrders(db, req.where, req.order, req.sortValue, req.limit);
      const nameOf = await customerNames(db, rows);
      return toPage(rows, req, (r) => presentOrder(r, undefined, nameOf(r)));
    },

    async get(actor: Actor, id: string): Promise<OrderView> {
      const row = authorize(actor, 'read', 'orders', await repo.getOrder(db, id), 'Order');
      const [lines, nameOf] = await Promise.all([repo.linesOf(db, [id]), customerNames(db, [row])]);
      return presentOrder(row, lines.get(id) ?? [], nameOf(row));
    },

    createInTx,

    async create(actor: Actor, input: OrderCreate): Promise<OrderView> {
      const { row, lines } = await db.transaction((tx) => createInTx(tx, actor, input));
      return presentOrder(row, lines, (await customerNames(db, [row]))(row));
    },

    async update(actor: Actor, id: string, input: OrderUpdate, expected?: number): Promise<OrderView> {
      const { row, lines } = await db.transaction(async (tx) => {
        const cur = authorize(actor, 'update', 'orders', await repo.getOrder(tx, id, true), 'Order');
        checkVersion(cur.version, expected);
        if (
          input.ownerId !== undefined &&
          input.ownerId !== cur.ownerId &&
          scopeOf(actor, 'update', 'orders') !== 'all'
        )
          throw forbidden('Only managers may reassign orders');
        const [lineSet] = input.lines ? await buildLines(tx, [{ lines: input.lines }]) : [undefined];
        const rate =
          input.exchangeRate !== undefined
            ? (await rates(tx, [{ currency: cur.currency, exchangeRate: input.exchangeRate }], () => ''))[0]!
            : Number(cur.exchangeRate);
        const total = lineSet ? totalOf(lineSet) : cur.total;
        const next = await repo.updateOrder(tx, id, {
          ...(input.status !== undefined ? { status: input.status } : {}),
          ...(input.orderedAt !== undefined ? { orderedAt: new Date(input.orderedAt) } : {}),
          ...(input.deliveryStatus !== undefined ? { deliveryStatus: input.deliveryStatus } : {}),
          ...(input.estimatedDelivery !== undefined ? { estimatedDelivery: input.estimatedDelivery } : {}),
          ...(input.deliveredAt !== undefined
            ? { deliveredAt: input.deliveredAt ? new Date(input.deliveredAt) : null }
            : {}),
          ...(input.deliveryStatus === 'delivered' && !cur.deliveredAt && input.deliveredAt === undefined
            ? { deliveredAt: deps.clock() }
            : {}),
          ...(input.channel !== undefined ? { channel: input.channel } : {}),
          ...(input.notes !== undefined ? { notes: input.notes } : {}),
          ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
          exchangeRate: rate,
          total,
          totalBase: baseAmount(total, rate),
          updatedAt: deps.clock(),
          version: cur.version + 1,
        });
        const newLines = lineSet
          ? await repo.replaceLines(tx, id, lineSet)
          : ((await repo.linesOf(tx, [id])).get(id) ?? []);
        await insertAudit(tx, auditEntry(actor, 'update', 'order', id, diffFields(cur, next, auditFields)));
        await rescore(tx, cur);
        return { row: next, lines: newLines };
      });
      return presentOrder(row, lines, (await customerNames(db, [row]))(row));
    },

    async remove(actor: Actor, id: string, expected?: number): Promise<void> {
      await db.transaction(async (tx) => {
        const cur = authorize(actor, 'delete', 'orders', await repo.getOrder(tx, id, true), 'Order');
        checkVersion(cur.version, expected);
        await repo.deleteOrder(tx, id);
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'order', id, snapshotDiff(cur, auditFields, 'deleted')),
        );
        await rescore(tx, cur);
      });
    },

    /**
     * ERP feed: insert or update orders by externalId, all in one transaction. Sending the same
     * batch again reports every record unchanged and writes nothing.
     */
    async bulkUpsert(actor: Actor, input: OrderBulk) {
      requireCan(actor, 'create', 'orders', { ownerId: actor.userId, teamId: actor.teamId });
      requireCan(actor, 'update', 'orders');
      rejectRepeatedExternalIds(input.records);
      const prefix = (i: number) => `records.${i}.`;
      return db.transaction(async (tx) => {
        const existing = new Map(
          (
            await repo.ordersByExternalId(
              tx,
              input.records.map((r) => r.externalId),
              true,
            )
          ).map((o) => [o.externalId!, o]),
        );
        for (const o of existing.values()) authorize(actor, 'update', 'orders', o, 'Order');
        const [customers, lineSets, rateList] = await allValid([
          resolveCustomers(tx, input.records, { fieldPrefix: prefix }),
          buildLines(tx, input.records, prefix),
          rates(tx, input.records, prefix),
        ] as const);
        const fresh = input.records.filter((r) => !existing.has(r.externalId));
        const freshNumbers = await numbersFor(tx, fresh, (i) => prefix(input.records.indexOf(fresh[i]!)));
        const oldLines = await repo.linesOf(
          tx,
          [...existing.values()].map((o) => o.id),
        );
        const results: UpsertResult[] = [];
        const touched: { contactId: string | null; accountId: string | null }[] = [];
        for (const [i, r] of input.records.entries()) {
          const cur = existing.get(r.externalId);
          const lines = lineSets[i]!;
          const rate = rateList[i]!;
          const customer = customers[i]!;
          if (!cur) {
            const { row } = await insertOne(
              tx,
              actor,
              r,
              { number: freshNumbers.shift()!, customer, lines, rate },
              { source: 'bulk' },
            );
            touched.push(row);
            results.push({ externalId: r.externalId, id: row.id, status: 'created' });
            continue;
          }
          const total = totalOf(lines);
          const next = {
            contactId: customer.contactId,
            accountId: customer.accountId,
            status: r.status,
            orderedAt: new Date(r.orderedAt).toISOString(),
            deliveryStatus: r.deliveryStatus,
            estimatedDelivery: r.estimatedDelivery ?? null,
            deliveredAt: r.deliveredAt ? new Date(r.deliveredAt).toISOString() : null,
            channel: r.channel ?? null,
            currency: r.currency,
            exchangeRate: rate,
            total,
            notes: r.notes,
          };
          const stored = {
            contactId: cur.contactId,
            accountId: cur.accountId,
            status: cur.status,
            orderedAt: cur.orderedAt.toISOString(),
            deliveryStatus: cur.deliveryStatus,
            estimatedDelivery: cur.estimatedDelivery,
            deliveredAt: cur.deliveredAt?.toISOString() ?? null,
            channel: cur.channel,
            currency: cur.currency,
            exchangeRate: Number(cur.exchangeRate),
            total: cur.total,
            notes: cur.notes,
          };
          const sameLines = sameValue(comparableLines(oldLines.get(cur.id) ?? []), comparableLines(lines));
          if (sameValue(stored, next) && sameLines) {
            results.push({ externalId: r.externalId, id: cur.id, status: 'unchanged' });
            continue;
          }
          const row = await repo.updateOrder(tx, cur.id, {
            ...next,
            orderedAt: new Date(next.orderedAt),
            deliveredAt: next.deliveredAt ? new Date(next.deliveredAt) : null,
            totalBase: baseAmount(total, rate),
            updatedAt: deps.clock(),
            version: cur.version + 1,
          });
          if (!sameLines) await repo.replaceLines(tx, cur.id, lines);
          await insertAudit(
            tx,
            auditEntry(actor, 'update', 'order', cur.id, diffFields(cur, row, auditFields), {
              source: 'bulk',
            }),
          );
          touched.push(cur, row);
          results.push({ externalId: r.externalId, id: cur.id, status: 'updated' });
        }
        await rescore(tx, ...touched);
        return bulkResult(results);
      });
    },
  };
}
export type OrderService = ReturnType<typeof createOrderService>;
