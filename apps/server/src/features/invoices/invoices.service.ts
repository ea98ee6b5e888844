import {
  type Actor,
  diffFields,
  type InvoiceBulk,
  type InvoiceCreate,
  type InvoiceUpdate,
  invoiceStatuses,
  type ListQuery,
  type PaymentCreate,
  snapshotDiff,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import {
  bulkResult,
  rejectRepeatedExternalIds,
  sameValue,
  type UpsertResult,
  upsertOne,
} from '../commerce/bulk.ts';
import { resolveCustomers } from '../commerce/customer-refs.ts';
import { getOrder, ordersByExternalId } from '../orders/orders.repository.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import { type ListFields, startsWithPattern } from '../shared/list-query.ts';
import { type InvoiceView, presentInvoice, presentPayment, today } from './invoices.presenter.ts';
import * as repo from './invoices.repository.ts';

const col = (c: string) => sql.raw(c);
const listFields: ListFields = {
  number: { kind: 'text', sortable: true, notNull: true, expr: col('number') },
  externalId: { kind: 'text', expr: col('external_id') },
  status: { kind: 'enum', sortable: true, notNull: true, expr: col('status'), values: invoiceStatuses },
  amount: { kind: 'number', sortable: true, notNull: true, expr: col('amount') },
  issuedOn: { kind: 'date', sortable: true, notNull: true, expr: col('issued_on') },
  dueOn: { kind: 'date', sortable: true, notNull: true, expr: col('due_on') },
  contactId: { kind: 'uuid', expr: col('contact_id') },
  accountId: { kind: 'uuid', expr: col('account_id') },
  orderId: { kind: 'uuid', expr: col('order_id') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
};
const auditFields = [
  'number',
  'externalId',
  'orderId',
  'contactId',
  'accountId',
  'currency',
  'amount',
  'paidAmount',
  'issuedOn',
  'dueOn',
  'status',
] as const;
// Invoices carry no owner: roles grant them as a whole ("all") or not at all.
const noOwner = { owner: 'NULL', team: 'NULL' };

export function createInvoiceService(deps: { db: Db; clock: () => Date }) {
  const { db } = deps;

  async function numbersFor(
    tx: Executor,
    inputs: readonly { number?: string | null | undefined }[],
    prefix: (i: number) => string,
  ) {
    const taken = await repo.invoiceNumbersTaken(
      tx,
      inputs.map((o) => o.number).filter((n): n is string => !!n),
    );
    const errors = inputs.flatMap((o, i) =>
      o.number && taken.has(o.number)
        ? [{ field: `${prefix(i)}number`, code: 'duplicate', message: 'another invoice has this number' }]
        : [],
    );
    if (errors.length) throw new AppError('conflict', 'Invoice numbers must be unique', { errors });
    const fresh = await repo.nextInvoiceNumbers(tx, inputs.filter((o) => !o.number).length);
    return inputs.map((o) => o.number ?? fresh.shift()!);
  }

  /** Paid once the payments cover the amount; reopened when an amount grows past them. */
  const settle = (amount: number, paid: number, status: string, paidAt: Date | null, at: Date) => {
    if (status === 'void' || status === 'draft') return { status, paidAt };
    return paid >= amount && amount > 0
      ? { status: 'paid', paidAt: paidAt ?? at }
      : { status: 'open', paidAt: null };
  };

  return {
    async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<InvoiceView>> {
      const now = deps.clock();
      const req = pageRequest({
        actor,
        resource: 'invoices',
        query,
        fields: listFields,
        defaultSort: { field: 'issuedOn', dir: 'desc' },
        idExpr: col('id'),
        scopeColumns: noOwner,
        special: {
          overdue: (c) =>
            c.value === true || c.value === 'true'
              ? sql`(status = 'open' AND due_on < ${today(now)}::date)`
              : sql`NOT (status = 'open' AND due_on < ${today(now)}::date)`,
        },
        specialKinds: { overdue: 'boolean' },
        extra: [
          query.q ? sql`(number ILIKE ${startsWithPattern(query.q)} OR external_id = ${query.q})` : undefined,
        ],
      });
      return toPage(await repo.pageInvoices(db, req.where, req.order, req.sortValue, req.limit), req, (r) =>
        presentInvoice(r, now),
      );
    },

    async get(actor: Actor, id: string): Promise<InvoiceView> {
      const row = authorize(actor, 'read', 'invoices', await repo.getInvoice(db, id), 'Invoice');
      return presentInvoice(row, deps.clock(), await repo.paymentsOf(db, id));
    },

    async create(actor: Actor, input: InvoiceCreate): Promise<InvoiceView> {
      requireCan(actor, 'create', 'invoices');
      const row = await db.transaction(async (tx) => {
        let ref = {
          contactId: input.contactId,
          accountId: input.accountId,
          contactEmail: input.contactEmail,
        };
        if (input.orderId) {
          const order = await getOrder(tx, input.orderId);
          if (!order) throw invalid([{ field: 'orderId', code: 'not_found', message: 'no such order' }]);
          if (!ref.contactId && !ref.accountId && !ref.contactEmail)
            ref = { contactId: order.contactId, accountId: order.accountId, contactEmail: null };
        }
        const [customer] = await resolveCustomers(tx, [ref]);
        const [number] = await numbersFor(tx, [input], () => '');
        const created = await repo.insertInvoice(tx, {
          number: number!,
          externalId: input.externalId ?? null,
          orderId: input.orderId ?? null,
          ...customer!,
          currency: input.currency,
          amount: input.amount,
          issuedOn: input.issuedOn,
          dueOn: input.dueOn,
          status: input.status,
        });
        await insertAudit(
          tx,
          auditEntry(actor, 'create', 'invoice', created.id, snapshotDiff(created, auditFields, 'created')),
        );
        return created;
      });
      return presentInvoice(row, deps.clock(), []);
    },

    async update(actor: Actor, id: string, input: InvoiceUpdate, expected?: number): Promise<InvoiceView> {
      const row = await db.transaction(async (tx) => {
        const cur = authorize(actor, 'update', 'invoices', await repo.getInvoice(tx, id, true), 'Invoice');
        checkVersion(cur.version, expected);
        const issuedOn = input.issuedOn ?? cur.issuedOn;
        const dueOn = input.dueOn ?? cur.dueOn;
        if (dueOn < issuedOn)
          throw invalid([{ field: 'dueOn', code: 'invalid_value', message: 'must not be before issuedOn' }]);
        const amount = input.amount ?? cur.amount;
        const requested = input.status ?? (cur.status === 'paid' ? 'open' : cur.status);
        const next = await repo.updateInvoice(tx, id, {
          amount,
          issuedOn,
          dueOn,
          ...settle(amount, cur.paidAmount, requested, cur.paidAt, deps.clock()),
          updatedAt: deps.clock(),
          version: cur.version + 1,
        });
        await insertAudit(tx, auditEntry(actor, 'update', 'invoice', id, diffFields(cur, next, auditFields)));
        return next;
      });
      return presentInvoice(row, deps.clock(), await repo.paymentsOf(db, id));
    },

    async remove(actor: Actor, id: string, expected?: number): Promise<void> {
      await db.transaction(async (tx) => {
        const cur = authorize(actor, 'delete', 'invoices', await repo.getInvoice(tx, id, true), 'Invoice');
        checkVersion(cur.version, expected);
        await repo.deleteInvoice(tx, id);
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'invoice', id, snapshotDiff(cur, auditFields, 'deleted')),
        );
      });
    },

    async payments(actor: Actor, id: string) {
      authorize(actor, 'read', 'invoices', await repo.getInvoice(db, id), 'Invoice');
      return { data: (await repo.paymentsOf(db, id)).map(presentPayment), nextCursor: null };
    },

    /** Records a payment; the same external id twice is one payment (safe to resend). */
    async addPayment(actor: Actor, id: string, input: PaymentCreate) {
      return db.transaction(async (tx) => {
        const cur = authorize(actor, 'update', 'invoices', await repo.getInvoice(tx, id, true), 'Invoice');
        if (input.externalId) {
          const seen = await repo.paymentByExternalId(tx, input.externalId);
          if (seen && seen.invoiceId !== id)
            throw new AppError('conflict', 'This payment belongs to another invoice', {
              errors: [{ field: 'externalId', code: 'duplicate', message: 'is recorded on another invoice' }],
            });
          if (seen)
            return {
              payment: presentPayment(seen),
              invoice: presentInvoice(cur, deps.clock()),
              created: false,
            };
        }
        if (cur.status === 'void' || cur.status === 'draft')
          throw new AppError('conflict', `A ${cur.status} invoice takes no payments`);
        const payment = await repo.insertPayment(tx, {
          invoiceId: id,
          externalId: input.externalId ?? null,
          amount: input.amount,
          paidAt: new Date(input.paidAt),
          method: input.method,
          reference: input.reference ?? null,
        });
        const paid = cur.paidAmount + input.amount;
        const next = await repo.updateInvoice(tx, id, {
          paidAmount: paid,
          ...settle(cur.amount, paid, cur.status, cur.paidAt, payment.paidAt),
          updatedAt: deps.clock(),
          version: cur.version + 1,
        });
        await insertAudit(
          tx,
          auditEntry(actor, 'update', 'invoice', id, diffFields(cur, next, auditFields), {
            paymentId: payment.id,
          }),
        );
        return {
          payment: presentPayment(payment),
          invoice: presentInvoice(next, deps.clock()),
          created: true,
        };
      });
    },

    /** ERP feed by externalId; an order may be named by its own externalId. */
    async bulkUpsert(actor: Actor, input: InvoiceBulk) {
      requireCan(actor, 'create', 'invoices');
      requireCan(actor, 'update', 'invoices');
      rejectRepeatedExternalIds(input.records);
      const prefix = (i: number) => `records.${i}.`;
      return db.transaction(async (tx) => {
        const existing = new Map(
          (
            await repo.invoicesByExternalId(
              tx,
              input.records.map((r) => r.externalId),
            )
          ).map((x) => [x.externalId!, x]),
        );
        const orderRefs = input.records.map((r) => r.orderExternalId).filter((x): x is string => !!x);
        const orders = new Map((await ordersByExternalId(tx, orderRefs)).map((o) => [o.externalId!, o]));
        const missing = input.records.flatMap((r, i) =>
          r.orderExternalId && !orders.has(r.orderExternalId)
            ? [
                {
                  field: `${prefix(i)}orderExternalId`,
                  code: 'not_found',
                  message: 'no order has this external id',
                },
              ]
            : [],
        );
        if (missing.length) throw invalid(missing);
        const refs = input.records.map((r) => {
          const order = r.orderExternalId ? orders.get(r.orderExternalId) : undefined;
          return r.contactId || r.accountId || r.contactEmail || !order
            ? r
            : { contactId: order.contactId, accountId: order.accountId };
        });
        const customers = await resolveCustomers(tx, refs, { fieldPrefix: prefix });
        const fresh = input.records.filter((r) => !existing.has(r.externalId));
        const numbers = await numbersFor(tx, fresh, (i) => prefix(input.records.indexOf(fresh[i]!)));
        const results: UpsertResult[] = [];
        for (const [i, r] of input.records.entries()) {
          const orderId = r.orderId ?? (r.orderExternalId ? orders.get(r.orderExternalId)!.id : null);
          const values = {
            orderId,
            ...customers[i]!,
            currency: r.currency,
            amount: r.amount,
            issuedOn: r.issuedOn,
            dueOn: r.dueOn,
          };
          const cur = existing.get(r.externalId);
          results.push(
            await upsertOne(tx, actor, {
              recordType: 'invoice',
              externalId: r.externalId,
              cur,
              auditFields,
              // A paid invoice the feed still calls open stays paid: payments settle it.
              unchanged: (c) =>
                sameValue(
                  {
                    orderId: c.orderId,
                    contactId: c.contactId,
                    accountId: c.accountId,
                    currency: c.currency,
                    amount: c.amount,
                    issuedOn: c.issuedOn,
                    dueOn: c.dueOn,
                  },
                  values,
                ) && (c.status === 'paid' && r.status === 'open' ? 'paid' : r.status) === c.status,
              insert: () =>
                repo.insertInvoice(tx, {
                  ...values,
                  number: numbers.shift()!,
                  externalId: r.externalId,
                  status: r.status,
                }),
              update: (c) =>
                repo.updateInvoice(tx, c.id, {
                  ...values,
                  ...settle(values.amount, c.paidAmount, r.status, c.paidAt, deps.clock()),
                  updatedAt: deps.clock(),
                  version: c.version + 1,
                }),
            }),
          );
        }
        return bulkResult(results);
      });
    },
  };
}
export type InvoiceService = ReturnType<typeof createInvoiceService>;
