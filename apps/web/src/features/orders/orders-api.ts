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

export type Order = {
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
  lines?: OrderLine[];
  createdAt: string;
  version: number;
};

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

export type Warranty = {
  id: string;
  productId: string | null;
  contactId: string | null;
  accountId: string | null;
  orderId: string | null;
  serialNumber: string | null;
  startsOn: string;
  endsOn: string;
  active: boolean;
  terms: string;
};

export type Product = { id: string; sku: string; name: string; category: string | null };

/** The commercial part of a 360° view; `value` is null when the user may not read value. */
export type Commercial = {
  value: CustomerValue | ProspectValue | null;
  orders: Order[];
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

/** The catalogue (for product names on warranties), read once per session. */
export function useProducts(enabled: boolean) {
  return useQuery({
    queryKey: ['products', 'all'],
    queryFn: async ({ signal }) => {
      const out: Product[] = [];
      let cursor: string | null = null;
      // A catalogue is small; a few pages at most.
      for (let i = 0; i < 10; i++) {
        const res: Page<Product> = await api<Page<Product>>('/products', {
          query: { limit: 200, cursor },
          signal,
        });
        out.push(...res.data);
        cursor = res.nextCursor;
        if (!cursor) break;
      }
      return out;
    },
    enabled,
    staleTime: 10 * 60_000,
  });
}
