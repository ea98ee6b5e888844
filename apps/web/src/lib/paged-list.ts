/** The rows of a cursor-paged list query and the DataTable props that page through them. */
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from './api-client.ts';
import { errorMessage } from './errors.ts';

export function usePagedRows<T>(list: UseInfiniteQueryResult<InfiniteData<Page<T>>>) {
  const { t } = useTranslation();
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.data) ?? [], [list.data]);
  const { fetchNextPage } = list;
  const onLoadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  return {
    rows,
    /** Spread into DataTable: loading, paging and a footer saying how many are shown (or the error). */
    table: {
      loading: list.isPending,
      hasMore: list.hasNextPage,
      loadingMore: list.isFetchingNextPage,
      onLoadMore,
      footer: list.isError
        ? errorMessage(list.error, t)
        : t('list.shown', { count: rows.length, more: list.hasNextPage ? '+' : '' }),
    },
  };
}
