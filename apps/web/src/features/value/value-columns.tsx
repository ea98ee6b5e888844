import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { formatMoney, formatPercent } from '../../lib/format.ts';
import type { Column } from '../../ui/data-table.tsx';
import { EmptyCell } from '../records/record-cells.tsx';
import type { ListValue } from './value-api.ts';
import { LifecycleBadge, TierBadge } from './value-badges.tsx';

/**
 * Tier, CLV, P(alive), RFM and lifecycle columns of contact and account lists, each sortable on
 * the API's key of the same name.
 */
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
      key: 'pAlive',
      header: t('value.pAlive'),
      sortKey: 'pAlive',
      width: 'minmax(116px, 0.5fr)',
      render: (r) =>
        r.value?.pAlive == null ? (
          <EmptyCell />
        ) : (
          <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatPercent(r.value.pAlive, locale)}
          </Text>
        ),
    },
    {
      key: 'rfmScore',
      header: t('value.rfmShort'),
      sortKey: 'rfmScore',
      width: 'minmax(92px, 0.4fr)',
      render: (r) =>
        r.value?.rfmScore == null ? (
          <EmptyCell />
        ) : (
          <Text
            size="sm"
            ff="monospace"
            title={t('value.rfmTitle', {
              r: r.value.rfmScore[0],
              f: r.value.rfmScore[1],
              m: r.value.rfmScore[2],
            })}
          >
            {r.value.rfmScore}
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
