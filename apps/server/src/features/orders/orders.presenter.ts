import { isOpenOrder } from '@relata/domain';
import type { CustomerName } from '../commerce/names.ts';
import type { OrderLineRow, OrderRow } from './orders.repository.ts';

export function presentOrderLine(l: OrderLineRow) {
  return {
    id: l.id,
    position: l.position,
    productId: l.productId,
    sku: l.sku,
    description: l.description,
    category: l.category,
    quantity: Number(l.quantity),
    unitPrice: l.unitPrice,
    discountPercent: Number(l.discountPercent),
    lineTotal: l.lineTotal,
  };
}

export function presentOrder(r: OrderRow, lines?: OrderLineRow[], customer?: CustomerName | null) {
  return {
    id: r.id,
    ...(customer !== undefined ? { customer } : {}),
    number: r.number,
    externalId: r.externalId,
    contactId: r.contactId,
    accountId: r.accountId,
    status: r.status,
    orderedAt: r.orderedAt.toISOString(),
    deliveryStatus: r.deliveryStatus,
    estimatedDelivery: r.estimatedDelivery,
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    open: isOpenOrder(r),
    channel: r.channel,
    currency: r.currency,
    exchangeRate: Number(r.exchangeRate),
    total: r.total,
    totalBase: r.totalBase,
    notes: r.notes,
    ownerId: r.ownerId,
    teamId: r.teamId,
    ...(lines ? { lines: lines.map(presentOrderLine) } : {}),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type OrderView = ReturnType<typeof presentOrder>;
