import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { formatMoney } from '../../lib/format.ts';
import type { Column } from '../../ui/data-table.tsx';
import { EmptyCell } from '../records/record-cells.tsx';
import type { ListValue } from './value-api.ts';
import { LifecycleBadge, TierBadge } from './value-badges.tsx';

/** Tier, CLV and lifecycle columns of contact and account lists (sortable on the API's keys). */
export function valueColumns<T extends { value?: ListValue }>(t: TFunction, locale: string): Column<T>[] {
  return [
    {
      key: 'tier',
      header: t('value.tier'),
      sortKey: 'tier',
      width: 'minmax(86px, 0.4fr)',
      render: (r) => (r.value?.tier ? <TierBadge tier={r.value.tier} size="sm" /> : <EmptyCell />),
    },
    {
      key: 'clv',
      header: t('value.clv'),
      sortKey: 'clv',
      width: 'minmax(110px, 0.7fr)',
      render: (r) =>
        r.value?.clv == null ? (
          <EmptyCell />
        ) : (
          <Text size="sm" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatMoney(r.value.clv, r.value.currency, locale, true)}
          </Text>
        ),
    },
    {
      key: 'lifecycleState',
      header: t('value.lifecycle'),
      sortKey: 'lifecycleState',
      width: 'minmax(140px, 0.8fr)',
      render: (r) => (r.value ? <LifecycleBadge state={r.value.lifecycleState} size="sm" /> : <EmptyCell />),
    },
  ];
}
