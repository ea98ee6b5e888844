import {
  Button,
  EmptyState,
  Group,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { caseStatuses, channels, priorities } from '@relata/domain';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import type { FilterCondition } from '../../lib/list-query.ts';
import { usePagedRows } from '../../lib/paged-list.ts';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { IconSearch } from '../../ui/icons.tsx';
import { IconInbox } from '../../ui/icons-activity.tsx';
import { AnchorLink } from '../../ui/router-links.tsx';
import { channelLabel } from '../interactions/channel-meta.tsx';
import { OrderCustomer } from '../orders/customer-link.tsx';
import { FilterBuilder, FilterChips } from '../records/filter-builder.tsx';
import type { FilterField } from '../records/filter-fields.ts';
import { EmptyCell, OwnerCell } from '../records/record-cells.tsx';
import { useQueues } from '../service-settings/service-api.ts';
import { useUserNames } from '../users/users-api.ts';
import { CaseStatusBadge, DisputeBadge, PriorityBadge } from './case-badges.tsx';
import { type Case, useCases } from './cases-api.ts';
import { currentClock, SlaTimer } from './sla-timer.tsx';

export const queueViews = ['mine', 'open', 'breached', 'disputes', 'all'] as const;
export type QueueView = (typeof queueViews)[number];

const viewFilters: Record<QueueView, FilterCondition[]> = {
  mine: [
    { field: 'assigneeId', op: 'eq', value: 'me' },
    { field: 'open', op: 'eq', value: 'true' },
  ],
  open: [{ field: 'open', op: 'eq', value: 'true' }],
  breached: [
    { field: 'breached', op: 'eq', value: 'true' },
    { field: 'open', op: 'eq', value: 'true' },
  ],
  disputes: [{ field: 'dispute', op: 'eq', value: 'true' }],
  all: [],
};

const sorts = ['nextDueAt', '-priorityRank', '-createdAt'] as const;

/** The service desk's queue: quick views, a queue picker, filters, and a live SLA timer per case. */
export function CaseQueue() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const names = useUserNames();
  const queues = useQueues();
  const [view, setView] = useState<QueueView>('open');
  const [queueId, setQueueId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [sort, setSort] = useState<string | undefined>('nextDueAt');
  const [filters, setFilters] = useState<FilterCondition[]>([]);
  const queueName = useMemo(() => new Map((queues.data ?? []).map((x) => [x.id, x.name])), [queues.data]);

  const fields = useMemo<FilterField[]>(
    () => [
      {
        key: 'status',
        label: t('cases.fields.status'),
        kind: 'enum',
        values: caseStatuses,
        valueLabel: (v) => t(`cases.statuses.${v as Case['status']}`),
      },
      {
        key: 'priority',
        label: t('cases.fields.priority'),
        kind: 'enum',
        values: priorities,
        valueLabel: (v) => t(`cases.priorities.${v as Case['priority']}`),
      },
      {
        key: 'channel',
        label: t('cases.fields.channel'),
        kind: 'enum',
        values: channels,
        valueLabel: (v) => channelLabel(v, t),
      },
      {
        key: 'queueId',
        label: t('cases.fields.queue'),
        kind: 'uuid',
        values: (queues.data ?? []).map((x) => x.id),
        valueLabel: (v) => queueName.get(v) ?? v,
      },
      { key: 'assigneeId', label: t('cases.fields.assignee'), kind: 'uuid', ref: 'users' },
      { key: 'teamId', label: t('cases.fields.team'), kind: 'uuid', ref: 'teams' },
      { key: 'tags', label: t('cases.fields.tags'), kind: 'tags' },
      { key: 'nextDueAt', label: t('cases.fields.nextDueAt'), kind: 'datetime' },
      { key: 'createdAt', label: t('cases.fields.createdAt'), kind: 'datetime' },
    ],
    [t, queues.data, queueName],
  );

  const allFilters = useMemo(
    () => [
      ...viewFilters[view],
      ...(queueId ? [{ field: 'queueId', op: 'eq' as const, value: queueId }] : []),
      ...filters,
    ],
    [view, queueId, filters],
  );
  const params = useMemo(() => ({ q, sort, filters: allFilters, limit: 50 }), [q, sort, allFilters]);
  const list = useCases(params);
  const { rows, table } = usePagedRows(list);
  const narrowed = Boolean(q) || filters.length > 0 || Boolean(queueId);

  const columns = useMemo<Column<Case>[]>(
    () => [
      {
        key: 'number',
        header: t('cases.fields.number'),
        sortKey: 'number',
        width: 'minmax(112px, 0.4fr)',
        render: (c) => (
          <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {c.number}
          </Text>
        ),
      },
      {
        key: 'subject',
        header: t('cases.fields.subject'),
        sortKey: 'subject',
        width: 'minmax(140px, 2fr)',
        render: (c) => (
          <AnchorLink
            to="/cases/$caseId"
            params={{ caseId: c.id }}
            onClick={(e) => e.stopPropagation()}
            c="dark"
            fw={600}
            size="sm"
            underline="hover"
            style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
          >
            {c.subject}
          </AnchorLink>
        ),
      },
      {
        key: 'customer',
        header: t('cases.customer'),
        width: 'minmax(120px, 1.1fr)',
        render: (c) => <OrderCustomer customer={c.customer ?? null} />,
      },
      {
        key: 'priority',
        header: t('cases.fields.priority'),
        sortKey: 'priorityRank',
        width: 'minmax(100px, 0.5fr)',
        render: (c) => <PriorityBadge priority={c.priority} />,
      },
      {
        key: 'status',
        header: t('cases.fields.status'),
        sortKey: 'status',
        width: 'minmax(160px, 0.8fr)',
        render: (c) => <CaseStatusBadge status={c.status} />,
      },
      {
        key: 'queue',
        header: t('cases.fields.queue'),
        width: 'minmax(90px, 0.8fr)',
        render: (c) =>
          c.queueId ? (
            <Text size="sm" truncate>
              {queueName.get(c.queueId) ?? '…'}
            </Text>
          ) : (
            <EmptyCell />
          ),
      },
      {
        key: 'assignee',
        header: t('cases.fields.assignee'),
        width: 'minmax(100px, 0.9fr)',
        render: (c) => <OwnerCell name={c.assigneeId ? names.get(c.assigneeId) : undefined} />,
      },
      {
        key: 'sla',
        header: t('cases.fields.sla'),
        sortKey: 'nextDueAt',
        width: 'minmax(150px, 0.9fr)',
        render: (c) => {
          const current = currentClock(c);
          return current ? <SlaTimer clock={current.clock} name={current.name} size="md" /> : <EmptyCell />;
        },
      },
      {
        key: 'dispute',
        header: t('cases.fields.dispute'),
        width: 'minmax(76px, 0.4fr)',
        render: (c) => (c.dispute ? <DisputeBadge status={c.disputeStatus} compact /> : null),
      },
    ],
    [t, names, queueName],
  );

  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap">
        <ScrollArea type="never" maw="100%">
          <SegmentedControl
            aria-label={t('cases.views.label')}
            value={view}
            onChange={(v) => setView(v as QueueView)}
            data={queueViews.map((v) => ({ value: v, label: t(`cases.views.${v}`) }))}
          />
        </ScrollArea>
        <Select
          aria-label={t('cases.fields.queue')}
          placeholder={t('cases.anyQueue')}
          data={(queues.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          value={queueId}
          onChange={setQueueId}
          clearable
          searchable
          w={200}
        />
        <Select
          aria-label={t('cases.sortBy')}
          data={sorts.map((s) => ({ value: s, label: t(`cases.sorts.${s}`) }))}
          value={sorts.includes(sort as (typeof sorts)[number]) ? sort : null}
          placeholder={t('cases.sortBy')}
          onChange={(v) => setSort(v ?? undefined)}
          w={190}
        />
      </Group>
      <Group gap="sm" wrap="wrap">
        <TextInput
          aria-label={t('cases.search')}
          placeholder={t('cases.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={300}
          type="search"
        />
        <FilterBuilder fields={fields} value={filters} onChange={setFilters} />
        <FilterChips fields={fields} value={filters} onChange={setFilters} />
      </Group>
      <DataTable
        label={t('cases.queueTable')}
        columns={columns}
        rows={rows}
        rowKey={(c) => c.id}
        rowLabel={(c) => `${c.number} ${c.subject}`}
        sort={sort}
        onSortChange={setSort}
        onRowOpen={(c) => void navigate({ to: '/cases/$caseId', params: { caseId: c.id } })}
        {...table}
        maxHeight="calc(100vh - 330px)"
        empty={
          list.isError ? (
            <Text c="red">{errorMessage(list.error, t)}</Text>
          ) : (
            <EmptyState
              icon={<IconInbox size={28} />}
              withIndicatorBackground
              title={narrowed ? t('list.noMatches') : t(`cases.empty.${view}`)}
              description={narrowed ? t('list.noMatchesHint') : t('cases.emptyHint')}
            >
              {narrowed && (
                <EmptyState.Actions>
                  <Button
                    variant="default"
                    onClick={() => {
                      setFilters([]);
                      setQueueId(null);
                      setSearch('');
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
