/** List parameters as the API expects them: q, sort, cursor, limit and filter[field][op]=value. */
import type { FilterOp } from '@relata/domain';

export type { FilterOp };

export type FilterCondition = { field: string; op: FilterOp; value: string };

export type ListParams = {
  q?: string;
  sort?: string;
  filters?: FilterCondition[];
  limit?: number;
};

export function listSearchParams(params: ListParams, cursor?: string | null): URLSearchParams {
  const sp = new URLSearchParams();
  sp.set('limit', String(params.limit ?? 50));
  if (params.q?.trim()) sp.set('q', params.q.trim());
  if (params.sort) sp.set('sort', params.sort);
  if (cursor) sp.set('cursor', cursor);
  for (const f of params.filters ?? []) sp.append(`filter[${f.field}][${f.op}]`, f.value);
  return sp;
}
