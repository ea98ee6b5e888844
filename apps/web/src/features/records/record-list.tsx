import { Button, EmptyState, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import type { RecordType } from '@relata/domain';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import type { FilterCondition } from '../../lib/list-query.ts';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { IconSearch } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { useCustomFields } from '../custom-fields/custom-fields-api.ts';
import { FilterBuilder, FilterChips } from './filter-builder.tsx';
import { filterFields } from './filter-fields.ts';
import type { RecordOf } from './record-types.ts';
import { useRecordList } from './records-api.ts';

type Props<T extends RecordType> = {
  type: T;
  title: string;
  description: string;
  q: string | undefined;
  onQChange: (q: string | undefined) => void;
  columns: Column<RecordOf<T>>[];
  onOpen: (row: RecordOf<T>) => void;
  actions?: ReactNode;
  emptyIcon: ReactNode;
};

/** The list screen of contacts or accounts: search, filters, sortable virtualised table. */
export function RecordList<T extends RecordType>(props: Props<T>) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(props.q ?? '');
  const [sort, setSort] = useState<string | undefined>(undefined);
  const [filters, setFilters] = useState<FilterCondition[]>([]);
  const customFields = useCustomFields(props.type);
  const fields = useMemo(
    () => filterFields(props.type, customFields.data ?? [], (key) => t(`fields.${key}`)),
    [props.type, customFields.data, t],
  );

  useEffect(() => setSearch(props.q ?? ''), [props.q]);
  const pushQ = useDebouncedCallback((value: string) => props.onQChange(value.trim() || undefined), 300);

  const params = useMemo(() => ({ q: props.q, sort, filters, limit: 50 }), [props.q, sort, filters]);
  const list = useRecordList(props.type, params);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.data) ?? [], [list.data]);
  const { fetchNextPage } = list;
  const loadMore = useMemo(() => () => void fetchNextPage(), [fetchNextPage]);
  const filtered = Boolean(props.q) || filters.length > 0;

  return (
    <Stack gap="md">
      <PageHeader title={props.title} description={props.description} actions={props.actions} />
      <Group gap="sm" wrap="wrap">
        <TextInput
          aria-label={t('list.search', { entity: props.title })}
          placeholder={t('list.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            pushQ(e.currentTarget.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') props.onQChange(search.trim() || undefined);
          }}
          w={320}
          type="search"
        />
        <FilterBuilder fields={fields} value={filters} onChange={setFilters} />
        <FilterChips fields={fields} value={filters} onChange={setFilters} />
      </Group>
      <DataTable
        label={props.title}
        columns={props.columns}
        rows={rows}
        rowKey={(r) => r.id}
        rowLabel={(r) => r.name}
        sort={sort}
        onSortChange={setSort}
        onRowOpen={props.onOpen}
        loading={list.isPending}
        hasMore={list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={loadMore}
        footer={
          list.isError
            ? errorMessage(list.error, t)
            : t('list.shown', { count: rows.length, more: list.hasNextPage ? '+' : '' })
        }
        empty={
          list.isError ? (
            <Text c="red">{errorMessage(list.error, t)}</Text>
          ) : (
            <EmptyState
              icon={props.emptyIcon}
              withIndicatorBackground
              title={filtered ? t('list.noMatches') : t('list.empty', { entity: props.title })}
              description={filtered ? t('list.noMatchesHint') : t('list.emptyHint')}
            >
              {filtered && (
                <EmptyState.Actions>
                  <Button
                    variant="default"
                    onClick={() => {
                      setFilters([]);
                      props.onQChange(undefined);
                    }}
                  >
                    {t('filters.clear')}
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          )
        }
      />
    </Stack>
  );
}
