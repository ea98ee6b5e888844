import {
  type Actor,
  diffFields,
  editStartsNewRevision,
  type ListQuery,
  type QuoteCreate,
  type QuoteLineInput,
  type QuoteStatusChange,
  type QuoteUpdate,
  quoteStatuses,
  quoteTotals,
  quoteTransitionAllowed,
  snapshotDiff,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { resolveCustomers } from '../commerce/customer-refs.ts';
import { customerNames } from '../commerce/names.ts';
import { getDeal } from '../deals/deals.repository.ts';
import type { DealService } from '../deals/deals.service.ts';
import { buildLines } from '../orders/order-lines.ts';
import type { OrderService } from '../orders/orders.service.ts';
import { stagesOf } from '../pipelines/pipelines.repository.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import { type ListFields, startsWithPattern } from '../shared/list-query.ts';
import { getValueSettings } from '../value/value-settings.repository.ts';
import { effectiveStatus, presentQuote, type QuoteView } from './quotes.presenter.ts';
import * as repo from './quotes.repository.ts';

const col = (c: string) => sql.raw(c);
const listFields: ListFields = {
  number: { kind: 'text', sortable: true, notNull: true, expr: col('number') },
  status: { kind: 'enum', sortable: true, notNull: true, expr: col('status'), values: quoteStatuses },
  dealId: { kind: 'uuid', expr: col('deal_id') },
  contactId: { kind: 'uuid', expr: col('contact_id') },
  accountId: { kind: 'uuid', expr: col('account_id') },
  ownerId: { kind: 'uuid', expr: col('owner_id') },
  teamId: { kind: 'uuid', expr: col('team_id') },
  total: { kind: 'number', sortable: true, notNull: true, expr: col('total') },
  currency: { kind: 'text', expr: col('currency') },
  validUntil: { kind: 'date', sortable: true, expr: col('valid_until') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
  updatedAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('updated_at') },
};
const auditFields = [
  'status',
  'revision',
  'dealId',
  'contactId',
  'accountId',
  'currency',
  'taxRate',
  'validUntil',
  'total',
  'orderId',
] as const;

const today = (d: Date) => d.toISOString().slice(0, 10);

export function createQuoteService(deps: {
  db: Db;
  clock: () => Date;
  orders: OrderService;
  deals: DealService;
}) {
  const { db } = deps;

  async function view(ex: Executor, q: repo.QuoteRow): Promise<QuoteView> {
    const lines = await repo.linesOf(ex, [q.id]);
    const nameOf = await customerNames(ex, [q]);
    const deal = q.dealId ? await getDeal(ex, q.dealId) : undefined;
    return presentQuote(q, {
      today: today(deps.clock()),
      lines: lines.get(q.id) ?? [],
      customer: nameOf(q),
      deal: deal ? { id: deal.id, name: deal.name } : null,
    });
  }

  /** Lines with product prices and names filled in, and the quote's totals. */
  async function priced(ex: Executor, lines: readonly QuoteLineInput[], taxRate: number) {
    const [built] = await buildLines(ex, [
      { lines: lines.map(({ taxRate: _, ...l }) => ({ ...l, category: null })) },
    ]);
    const withTax = built!.map((b, i) => ({
      ...b,
      quantity: Number(b.quantity),
      discountPercent: Number(b.discountPercent ?? 0),
      ownTaxRate: lines[i]!.taxRate ?? null,
    }));
    const totals = quoteTotals(withTax.map((l) => ({ ...l, taxRate: l.ownTaxRate ?? taxRate })));
    const rows = withTax.map((l, i) => ({
      position: i + 1,
      productId: l.productId ?? null,
      sku: l.sku ?? null,
      description: l.description ?? '',
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountPercent: l.discountPercent,
      taxRate: l.ownTaxRate,
      net: totals.lines[i]!.net,
    }));
    return {
      rows,
      sums: {
        gross: totals.gross,
        discount: totals.discount,
        subtotal: totals.subtotal,
        tax: totals.tax,
        total: totals.total,
      },
    };
  }

  async function locked(ex: Executor, actor: Actor, id: string, expected?: number) {
    const cur = authorize(actor, 'update', 'quotes', await repo.getQuote(ex, id, true), 'Quote');
    checkVersion(cur.version, expected);
    return cur;
  }

  async function acceptInTx(tx: Executor, actor: Actor, q: repo.QuoteRow, markDealWon: boolean, at: Date) {
    const deal = q.dealId ? await getDeal(tx, q.dealId) : undefined;
    const { currency } = await getValueSettings(tx);
    const rate =
      q.currency === currency ? null : deal?.currency === q.currency ? Number(deal.exchangeRate) : null;
    if (q.currency !== currency && !rate)
      throw new AppError(
        'conflict',
        `The quote is in ${q.currency}: no exchange rate to ${currency} is known`,
      );
    const lines = (await repo.linesOf(tx, [q.id])).get(q.id) ?? [];
    const order = await deps.orders.createInTx(
      tx,
      actor,
      {
        contactId: q.contactId,
        accountId: q.accountId,
        status: 'confirmed',
        orderedAt: at.toISOString(),
        deliveryStatus: 'not_shipped',
        currency: q.currency,
        exchangeRate: rate,
        notes: `Quote ${q.number} (version ${q.revision})`,
        channel: 'quote',
        lines: lines.map((l) => ({
          productId: l.productId,
          sku: l.sku,
          description: l.description,
          quantity: Number(l.quantity),
          unitPrice: l.unitPrice,
          discountPercent: Number(l.discountPercent),
          category: null,
        })),
      },
      { fromQuote: q.id },
    );
    if (markDealWon && deal && deal.status !== 'won') {
      const won = (await stagesOf(tx, [deal.pipelineId])).get(deal.pipelineId)?.find((s) => s.kind === 'won');
      if (won) await deps.deals.moveInTx(tx, actor, deal.id, { stageId: won.id, lostNote: null });
    }
    return order.row.id;
  }

  return {
    async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<QuoteView>> {
      const req = pageRequest({
        actor,
        resource: 'quotes',
        query,
        fields: listFields,
        defaultSort: { field: 'createdAt', dir: 'desc' },
        idExpr: col('id'),
        extra: [query.q ? sql`number ILIKE ${startsWithPattern(query.q)}` : undefined],
      });
      const rows = await repo.pageQuotes(db, req.where, req.order, req.sortValue, req.limit);
      const nameOf = await customerNames(db, rows);
      const day = today(deps.clock());
      return toPage(rows, req, (r) => presentQuote(r, { today: day, customer: nameOf(r) }));
    },

    async get(actor: Actor, id: string): Promise<QuoteView> {
      return view(db, authorize(actor, 'read', 'quotes', await repo.getQuote(db, id), 'Quote'));
    },

    async create(actor: Actor, input: QuoteCreate): Promise<QuoteView> {
      requireCan(actor, 'create', 'quotes', { ownerId: actor.userId, teamId: actor.teamId });
      return db.transaction(async (tx) => {
        const deal = input.dealId ? await getDeal(tx, input.dealId) : undefined;
        if (input.dealId && !deal)
          throw invalid([{ field: 'dealId', code: 'not_found', message: 'no such deal' }]);
        const refs = {
          contactId: input.contactId ?? deal?.contactId ?? null,
          accountId: input.accountId ?? deal?.accountId ?? null,
        };
        const [customer] = await resolveCustomers(tx, [refs]);
        const currency = input.currency ?? deal?.currency ?? (await getValueSettings(tx)).currency;
        const { rows, sums } = await priced(tx, input.lines, input.taxRate);
        const now = deps.clock();
        const q = await repo.insertQuote(tx, {
          number: await repo.nextQuoteNumber(tx),
          dealId: deal?.id ?? null,
          contactId: customer!.contactId,
          accountId: customer!.accountId,
          currency,
          taxRate: input.taxRate,
          validUntil: input.validUntil ?? null,
          notes: input.notes,
          ...sums,
          ownerId: actor.userId,
          teamId: actor.teamId,
          createdAt: now,
          updatedAt: now,
        });
        await repo.replaceLines(tx, q.id, rows);
        await insertAudit(
          tx,
          auditEntry(actor, 'create', 'quote', q.id, snapshotDiff(q, auditFields, 'created')),
        );
        return view(tx, q);
      });
    },

    /** Edits a draft in place; editing a quote that went out starts its next version as a draft. */
    async update(actor: Actor, id: string, input: QuoteUpdate, expected?: number): Promise<QuoteView> {
      return db.transaction(async (tx) => {
        const cur = await locked(tx, actor, id, expected);
        if (cur.status === 'accepted') throw new AppError('conflict', 'An accepted quote cannot change');
        const status = effectiveStatus(cur, today(deps.clock()));
        const nextRevision = editStartsNewRevision(status);
        const refs =
          input.contactId !== undefined || input.accountId !== undefined
            ? (
                await resolveCustomers(tx, [
                  {
                    contactId: input.contactId === undefined ? cur.contactId : input.contactId,
                    accountId: input.accountId === undefined ? cur.accountId : input.accountId,
                  },
                ])
              )[0]!
            : { contactId: cur.contactId, accountId: cur.accountId };
        const taxRate = input.taxRate ?? Number(cur.taxRate);
        const lines =
          input.lines ??
          ((await repo.linesOf(tx, [id])).get(id) ?? []).map((l) => ({
            productId: l.productId,
            sku: l.sku,
            description: l.description,
            quantity: Number(l.quantity),
            unitPrice: l.unitPrice,
            discountPercent: Number(l.discountPercent),
            taxRate: l.taxRate === null ? null : Number(l.taxRate),
          }));
        const { rows, sums } = await priced(tx, lines, taxRate);
        const next = await repo.updateQuote(tx, id, {
          ...refs,
          taxRate,
          ...(input.validUntil !== undefined ? { validUntil: input.validUntil } : {}),
          ...(input.notes !== undefined ? { notes: input.notes } : {}),
          ...sums,
          ...(nextRevision
            ? { revision: cur.revision + 1, status: 'draft', sentAt: null, decidedAt: null }
            : {}),
          updatedAt: deps.clock(),
          version: cur.version + 1,
        });
        await repo.replaceLines(tx, id, rows);
        await insertAudit(
          tx,
          auditEntry(actor, 'update', 'quote', id, diffFields(cur, next, auditFields), {
            revision: next.revision,
          }),
        );
        return view(tx, next);
      });
    },

    async remove(actor: Actor, id: string, expected?: number): Promise<void> {
      await db.transaction(async (tx) => {
        const cur = authorize(actor, 'delete', 'quotes', await repo.getQuote(tx, id, true), 'Quote');
        checkVersion(cur.version, expected);
        if (cur.status === 'accepted') throw new AppError('conflict', 'An accepted quote is kept');
        await repo.deleteQuote(tx, id);
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'quote', id, snapshotDiff(cur, auditFields, 'deleted')),
        );
      });
    },

    /**
     * Sends, accepts, rejects or expires a quote. Sending keeps the version as it went out;
     * accepting creates the order (same transaction) and can mark the deal won.
     */
    async changeStatus(actor: Actor, id: string, input: QuoteStatusChange, expected?: number) {
      return db.transaction(async (tx) => {
        const cur = await locked(tx, actor, id, expected);
        const now = deps.clock();
        const from = effectiveStatus(cur, today(now));
        if (!quoteTransitionAllowed(from, input.status))
          throw new AppError('conflict', `A quote that is ${from} cannot become ${input.status}`);
        let orderId: string | null = null;
        if (input.status === 'accepted') orderId = await acceptInTx(tx, actor, cur, input.markDealWon, now);
        const next = await repo.updateQuote(tx, id, {
          status: input.status,
          ...(input.status === 'sent' ? { sentAt: now } : { decidedAt: now }),
          ...(orderId ? { orderId } : {}),
          updatedAt: now,
          version: cur.version + 1,
        });
        const shown = await view(tx, next);
        if (input.status === 'sent')
          await repo.saveRevision(tx, {
            quoteId: id,
            revision: next.revision,
            status: 'sent',
            snapshot: shown as unknown as Record<string, unknown>,
            createdBy: actor.userId,
          });
        else await repo.setRevisionStatus(tx, id, next.revision, input.status);
        await insertAudit(tx, auditEntry(actor, 'update', 'quote', id, diffFields(cur, next, auditFields)));
        return shown;
      });
    },

    /** Every version: the ones that went out as they were sent, and the current one. */
    async revisions(actor: Actor, id: string) {
      const q = authorize(actor, 'read', 'quotes', await repo.getQuote(db, id), 'Quote');
      const stored = await repo.revisionsOf(db, id);
      const day = today(deps.clock());
      const data = stored.map((r) => {
        const s = r.snapshot as { total?: number; sentAt?: string | null };
        return {
          revision: r.revision,
          status: r.status,
          total: s.total ?? 0,
          sentAt: s.sentAt ?? null,
          current: r.revision === q.revision,
          createdAt: r.createdAt.toISOString(),
        };
      });
      if (!stored.some((r) => r.revision === q.revision))
        data.push({
          revision: q.revision,
          status: effectiveStatus(q, day),
          total: q.total,
          sentAt: q.sentAt?.toISOString() ?? null,
          current: true,
          createdAt: q.updatedAt.toISOString(),
        });
      return { data, nextCursor: null };
    },

    /** One version: the current quote, or an earlier one as it was sent. */
    async revision(actor: Actor, id: string, revision?: number): Promise<QuoteView> {
      const q = authorize(actor, 'read', 'quotes', await repo.getQuote(db, id), 'Quote');
      if (revision === undefined || revision === q.revision) return view(db, q);
      const r = await repo.getRevision(db, id, revision);
      if (!r) throw notFound('Quote version');
      return r.snapshot as unknown as QuoteView;
    },
  };
}
export type QuoteService = ReturnType<typeof createQuoteService>;
