import { isOverdue } from '@relata/domain';
import type { InvoiceRow, PaymentRow } from './invoices.repository.ts';

export const today = (now: Date) => now.toISOString().slice(0, 10);

export function presentPayment(p: PaymentRow) {
  return {
    id: p.id,
    invoiceId: p.invoiceId,
    externalId: p.externalId,
    amount: p.amount,
    paidAt: p.paidAt.toISOString(),
    method: p.method,
    reference: p.reference,
    createdAt: p.createdAt.toISOString(),
  };
}

export function presentInvoice(r: InvoiceRow, now: Date, payments?: PaymentRow[]) {
  return {
    id: r.id,
    number: r.number,
    externalId: r.externalId,
    orderId: r.orderId,
    contactId: r.contactId,
    accountId: r.accountId,
    currency: r.currency,
    amount: r.amount,
    paidAmount: r.paidAmount,
    outstanding: Math.max(0, r.amount - r.paidAmount),
    issuedOn: r.issuedOn,
    dueOn: r.dueOn,
    status: r.status,
    overdue: isOverdue(r, today(now)),
    paidAt: r.paidAt?.toISOString() ?? null,
    ...(payments ? { payments: payments.map(presentPayment) } : {}),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type InvoiceView = ReturnType<typeof presentInvoice>;
