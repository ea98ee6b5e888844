import { isQuoteLapsed, type QuoteStatus, quoteTotals } from '@relata/domain';
import type { CustomerName } from '../commerce/names.ts';
import type { QuoteLineRow, QuoteRow } from './quotes.repository.ts';

/** A sent quote past its last valid day reads as expired. */
export const effectiveStatus = (q: QuoteRow, today: string): QuoteStatus =>
  isQuoteLapsed(q, today) ? 'expired' : q.status;

export function presentQuote(
  q: QuoteRow,
  opts: {
    today: string;
    lines?: QuoteLineRow[];
    customer?: CustomerName | null;
    deal?: { id: string; name: string } | null;
  },
) {
  const lines = opts.lines?.map((l) => ({
    position: l.position,
    productId: l.productId,
    sku: l.sku,
    description: l.description,
    quantity: Number(l.quantity),
    unitPrice: l.unitPrice,
    discountPercent: Number(l.discountPercent),
    /** The line's own rate, or the quote's. */
    taxRate: l.taxRate === null ? Number(q.taxRate) : Number(l.taxRate),
    ownTaxRate: l.taxRate !== null,
    net: l.net,
  }));
  const totals = lines ? quoteTotals(lines) : null;
  return {
    id: q.id,
    number: q.number,
    revision: q.revision,
    status: effectiveStatus(q, opts.today),
    dealId: q.dealId,
    ...(opts.deal !== undefined ? { deal: opts.deal } : {}),
    contactId: q.contactId,
    accountId: q.accountId,
    ...(opts.customer !== undefined ? { customer: opts.customer } : {}),
    currency: q.currency,
    taxRate: Number(q.taxRate),
    validUntil: q.validUntil,
    notes: q.notes,
    ...(lines ? { lines } : {}),
    gross: q.gross,
    discount: q.discount,
    subtotal: q.subtotal,
    ...(totals ? { taxes: totals.taxes } : {}),
    tax: q.tax,
    total: q.total,
    orderId: q.orderId,
    sentAt: q.sentAt?.toISOString() ?? null,
    decidedAt: q.decidedAt?.toISOString() ?? null,
    ownerId: q.ownerId,
    teamId: q.teamId,
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
    version: q.version,
  };
}
export type QuoteView = ReturnType<typeof presentQuote>;
