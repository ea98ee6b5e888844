import type { QuoteCreate, QuoteStatus, QuoteStatusChange, QuoteUpdate } from '@relata/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiBase, type Page, type Single } from '../../lib/api-client.ts';

export type Product = {
  id: string;
  sku: string;
  name: string;
  price: number;
  currency: string;
  active: boolean;
};

export type QuoteLine = {
  position: number;
  productId: string | null;
  sku: string | null;
  description: string;
  quantity: number;
  unitPrice: number;
  discountPercent: number;
  taxRate: number;
  ownTaxRate: boolean;
  net: number;
};

export type Quote = {
  id: string;
  number: string;
  revision: number;
  status: QuoteStatus;
  dealId: string | null;
  contactId: string | null;
  accountId: string | null;
  customer?: { type: string; id: string; name: string } | null;
  currency: string;
  taxRate: number;
  validUntil: string | null;
  notes: string;
  lines?: QuoteLine[];
  subtotal: number;
  taxes?: { rate: number; base: number; tax: number }[];
  tax: number;
  total: number;
  orderId: string | null;
  sentAt: string | null;
  decidedAt: string | null;
  updatedAt: string;
  version: number;
};

export type QuoteRevision = {
  revision: number;
  status: QuoteStatus;
  total: number;
  sentAt: string | null;
  current: boolean;
};

export function useProducts() {
  return useQuery({
    queryKey: ['products', 'active'],
    queryFn: async ({ signal }) =>
      (await api<Page<Product>>('/products', { query: { limit: 200, sort: 'name' }, signal })).data.filter(
        (p) => p.active,
      ),
    staleTime: 5 * 60_000,
  });
}

export function useDealQuotes(dealId: string) {
  return useQuery({
    queryKey: ['quotes', 'deal', dealId],
    queryFn: async ({ signal }) =>
      (
        await api<Page<Quote>>('/quotes', {
          query: { 'filter[dealId]': dealId, limit: 50, sort: '-createdAt' },
          signal,
        })
      ).data,
  });
}

export function useQuote(id: string | null) {
  return useQuery({
    queryKey: ['quotes', 'one', id],
    queryFn: async ({ signal }) => (await api<Single<Quote>>(`/quotes/${id}`, { signal })).data,
    enabled: Boolean(id),
  });
}

export function useQuoteRevisions(id: string | null) {
  return useQuery({
    queryKey: ['quotes', 'revisions', id],
    queryFn: async ({ signal }) =>
      (await api<Page<QuoteRevision>>(`/quotes/${id}/revisions`, { signal })).data,
    enabled: Boolean(id),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['quotes'] });
    void qc.invalidateQueries({ queryKey: ['deals'] });
    void qc.invalidateQueries({ queryKey: ['orders'] });
  };
}

export function useSaveQuote() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (v: { id?: string; version?: number; body: QuoteCreate | QuoteUpdate }) =>
      v.id
        ? (await api<Single<Quote>>(`/quotes/${v.id}`, { method: 'PATCH', body: v.body, version: v.version }))
            .data
        : (await api<Single<Quote>>('/quotes', { method: 'POST', body: v.body })).data,
    onSuccess: invalidate,
  });
}

export function useQuoteStatus() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (v: {
      id: string;
      change: Partial<QuoteStatusChange> & { status: QuoteStatusChange['status'] };
    }) => (await api<Single<Quote>>(`/quotes/${v.id}/status`, { method: 'POST', body: v.change })).data,
    onSuccess: invalidate,
  });
}

/** The PDF's address (a download with the session cookie). */
export const quotePdfUrl = (id: string, lang: string, revision?: number) =>
  `${apiBase}/quotes/${id}/pdf?lang=${['en', 'sv', 'nb', 'ru'].includes(lang) ? lang : 'en'}${revision ? `&revision=${revision}` : ''}`;
