import type { DeliveryStatus, InvoiceStatus, OrderStatus, RecordType } from '@relata/domain';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Page, type Single } from '../../lib/api-client.ts';
import { type ListParams, listSearchParams } from '../../lib/list-query.ts';
import type { CustomerValue, ProspectValue } from '../value/value-api.ts';

/** Orders, invoices and warranties as the API presents them (money in minor units). */
export type OrderLine = {
  id: string;
  position: number;
  productId: string | null;
  sku: string | null;
  description: string | null;
  category: string | null;
  quantity: number;
  unitPrice: number;
  discountPercent: number;
  lineTotal: number;
};

/** Whom an order is for: its contact when it has one, else its account. */
export type CustomerName = { type: RecordType; id: string; name: string };

/** An order as the 360° view lists it. */
export type OrderSummary = {
  id: string;
  number: string;
  externalId: string | null;
  contactId: string | null;
  accountId: string | null;
  status: OrderStatus;
  orderedAt: string;
  deliveryStatus: DeliveryStatus;
  estimatedDelivery: string | null;
  deliveredAt: string | null;
  open: boolean;
  channel: string | null;
  currency: string;
  exchangeRate: number;
  total: number;
  totalBase: number;
  notes: string;
  ownerId: string | null;
  createdAt: string;
  version: number;
};

/** An order from `GET /orders` (without lines) or `GET /orders/{id}` (with them), naming its customer. */
export type Order = OrderSummary & { customer: CustomerName | null; lines?: OrderLine[] };

export type Invoice = {
  id: string;
  number: string;
  orderId: string | null;
  contactId: string | null;
  accountId: string | null;
  currency: string;
  amount: number;
  paidAmount: number;
  outstanding: number;
  issuedOn: string;
  dueOn: string;
  status: InvoiceStatus;
  overdue: boolean;
  paidAt: string | null;
};

export type WarrantyProduct = { id: string; sku: string; name: string };

export type Warranty = {
  id: string;
  productId: string | null;
  product: WarrantyProduct | null;
  contactId: string | null;
  accountId: string | null;
  orderId: string | null;
  serialNumber: string | null;
  startsOn: string;
  endsOn: string;
  active: boolean;
  terms: string;
};

/** The commercial part of a 360° view; `value` is null when the user may not read value. */
export type Commercial = {
  value: CustomerValue | ProspectValue | null;
  orders: OrderSummary[];
  invoices: Invoice[];
  warranties: Warranty[];
};

export function useCustomer360(type: RecordType, id: string) {
  return useQuery({
    queryKey: ['360', type, id],
    queryFn: async ({ signal }) => (await api<Single<Commercial>>(`/${type}s/${id}/360`, { signal })).data,
  });
}

export function useOrders(params: ListParams) {
  return useInfiniteQuery({
    queryKey: ['orders', 'list', params],
    queryFn: ({ pageParam, signal }) =>
      api<Page<Order>>('/orders', { query: listSearchParams(params, pageParam), signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: string | null) {
  return useQuery({
    queryKey: ['orders', 'one', id],
    queryFn: async ({ signal }) => (await api<Single<Order>>(`/orders/${id}`, { signal })).data,
    enabled: Boolean(id),
  });
}
