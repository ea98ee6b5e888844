import { EmptyState, Group, Select, Text } from '@mantine/core';
import { dealStatuses } from '@relata/domain';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import type { FilterCondition } from '../../lib/list-query.ts';
import { usePagedRows } from '../../lib/paged-list.ts';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { EmptyCell } from '../records/record-cells.tsx';
import { DealStatusBadge } from './deal-badges.tsx';
import { type Deal, type Pipeline, useDeals } from './deals-api.ts';

/** All deals of a pipeline as a virtualised table: filter by status and stage, sort by the columns. */
export function DealsList({ pipeline, ownerId }: { pipeline: Pipeline; ownerId?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const [status, setStatus] = useState<string | null>('open');
  const [stageId, setStageId] = useState<string | null>(null);
  const [sort, setSort] = useState<string | undefined>('expectedCloseDate');
  const filters = useMemo(() => {
    const out: FilterCondition[] = [{ field: 'pipelineId', op: 'eq', value: pipeline.id }];
    if (status) out.push({ field: 'status', op: 'eq', value: status });
    if (stageId) out.push({ field: 'stageId', op: 'eq', value: stageId });
    if (ownerId) out.push({ field: 'ownerId', op: 'eq', value: ownerId });
    return out;
  }, [pipeline.id, status, stageId, ownerId]);
  const list = useDeals({ filters, sort, limit: 50 });
  const { rows, table } = usePagedRows(list);
  const stageName = useMemo(() => new Map(pipeline.stages.map((s) => [s.id, s.name])), [pipeline]);
  const columns = useMemo<Column<Deal>[]>(
    () => [
      {
        key: 'name',
        header: t('deals.name'),
        sortKey: 'name',
        width: 'minmax(200px, 2fr)',
        render: (d) => (
          <Text size="sm" fw={600} truncate>
            {d.name}
          </Text>
        ),
      },
      {
        key: 'customer',
        header: t('deals.customer'),
        width: 'minmax(160px, 1.4fr)',
        render: (d) => (d.account ?? d.contact)?.name ?? <EmptyCell />,
      },
      {
        key: 'stage',
        header: t('deals.stage'),
        width: 'minmax(130px, 1fr)',
        render: (d) => stageName.get(d.stageId) ?? <EmptyCell />,
      },
      {
        key: 'status',
        header: t('deals.status'),
        sortKey: 'status',
        width: 'minmax(90px, 0.6fr)',
        render: (d) => <DealStatusBadge status={d.status} />,
      },
      {
        key: 'amount',
        header: t('deals.amount'),
        sortKey: 'amountBase',
        width: 'minmax(120px, 0.9fr)',
        render: (d) => (
          <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatMoney(d.amount, d.currency, lang)}
          </Text>
        ),
      },
      {
        key: 'expectedCloseDate',
        header: t('deals.expectedClose'),
        sortKey: 'expectedCloseDate',
        width: 'minmax(130px, 0.9fr)',
        render: (d) => (d.expectedCloseDate ? formatDate(d.expectedCloseDate, lang) : <EmptyCell />),
      },
      {
        key: 'owner',
        header: t('deals.owner'),
        width: 'minmax(130px, 1fr)',
        render: (d) => d.owner?.name ?? <EmptyCell />,
      },
      {
        key: 'daysInStage',
        header: t('deals.inStage'),
        sortKey: 'stageEnteredAt',
        width: 'minmax(100px, 0.7fr)',
        render: (d) => t('deals.daysInStage', { count: d.daysInStage }),
      },
    ],
    [t, lang, stageName],
  );
  return (
    <>
      <Group gap="sm" mb="sm" wrap="wrap">
        <Select
          aria-label={t('deals.status')}
          placeholder={t('deals.anyStatus')}
          data={dealStatuses.map((s) => ({ value: s, label: t(`deals.statuses.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={160}
        />
        <Select
          aria-label={t('deals.stage')}
          placeholder={t('deals.anyStage')}
          data={pipeline.stages.map((s) => ({ value: s.id, label: s.name }))}
          value={stageId}
          onChange={setStageId}
          clearable
          w={200}
        />
      </Group>
      <DataTable
        label={t('deals.title')}
        columns={columns}
        rows={rows}
        rowKey={(d) => d.id}
        rowLabel={(d) => d.name}
        sort={sort}
        onSortChange={setSort}
        onRowOpen={(d) => void navigate({ to: '/deals/$dealId', params: { dealId: d.id } })}
        {...table}
        empty={
          list.isError ? (
            <Text c="red">{errorMessage(list.error, t)}</Text>
          ) : (
            <EmptyState withIndicatorBackground title={t('deals.empty')} description={t('deals.emptyHint')} />
          )
        }
      />
    </>
  );
}
