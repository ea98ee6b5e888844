import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber, formatPercent } from '../../lib/format.ts';
import type { TierRow } from './value-api.ts';
import { TierBadge } from './value-badges.tsx';

/** Customers, share, CLV, mean CLV, historical value and mean P(alive) per tier, with a total. */
export function TierTable({ tiers, currency }: { tiers: TierRow[]; currency: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const money = (v: number | null) => (v === null ? '—' : formatMoney(v, currency, lang, true));
  const customers = tiers.reduce((n, r) => n + r.customers, 0);
  const clv = tiers.reduce((n, r) => n + r.clv, 0);
  const historical = tiers.reduce((n, r) => n + r.historicalValue, 0);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" aria-label={t('value.tierTable')} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('value.tier')}</Table.Th>
            <Table.Th ta="right">{t('value.customers')}</Table.Th>
            <Table.Th ta="right">{t('value.share')}</Table.Th>
            <Table.Th ta="right">{t('value.clv')}</Table.Th>
            <Table.Th ta="right">{t('value.meanClv')}</Table.Th>
            <Table.Th ta="right">{t('value.historicalValue')}</Table.Th>
            <Table.Th ta="right">{t('value.meanPAlive')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ fontVariantNumeric: 'tabular-nums' }}>
          {tiers.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>
                <Text
                  span
                  size="sm"
                  style={{ display: 'inline-flex', gap: 8, alignItems: 'center', whiteSpace: 'nowrap' }}
                >
                  <TierBadge tier={r.key} />
                  {r.label}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(r.customers, lang)}</Table.Td>
              <Table.Td ta="right">{formatPercent(r.share, lang, 1)}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {money(r.clv)}
              </Table.Td>
              <Table.Td ta="right">{money(r.meanClv)}</Table.Td>
              <Table.Td ta="right">{money(r.historicalValue)}</Table.Td>
              <Table.Td ta="right">
                {r.meanPAlive === null ? '—' : formatPercent(r.meanPAlive, lang)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot style={{ fontVariantNumeric: 'tabular-nums' }}>
          <Table.Tr>
            <Table.Th>{t('value.total')}</Table.Th>
            <Table.Th ta="right">{formatNumber(customers, lang)}</Table.Th>
            <Table.Th ta="right">{customers ? formatPercent(1, lang) : '—'}</Table.Th>
            <Table.Th ta="right">{money(clv)}</Table.Th>
            <Table.Th ta="right">{customers ? money(clv / customers) : '—'}</Table.Th>
            <Table.Th ta="right">{money(historical)}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
