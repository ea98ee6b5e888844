import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { answered, type NpsTally } from './nps-api.ts';
import { NpsScoreBadge } from './nps-badge.tsx';
import { NpsSplit } from './nps-split.tsx';

export type BreakdownRow = NpsTally & { key: string; label: ReactNode };

/** NPS per group (value tier, lifecycle state): score, answers and the three groups as a bar. */
export function NpsBreakdown({ rows, label }: { rows: BreakdownRow[]; label: string }) {
  const { t, i18n } = useTranslation();
  if (!rows.length)
    return (
      <Text size="sm" c="dimmed">
        {t('nps.noAnswers')}
      </Text>
    );
  return (
    <Table verticalSpacing="xs" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th fz="xs" c="dimmed" tt="uppercase">
            {label}
          </Table.Th>
          <Table.Th fz="xs" c="dimmed" tt="uppercase">
            {t('nps.short')}
          </Table.Th>
          <Table.Th fz="xs" c="dimmed" tt="uppercase" ta="right">
            {t('nps.answers')}
          </Table.Th>
          <Table.Th fz="xs" c="dimmed" tt="uppercase" w="40%">
            {t('nps.split')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td>
              <NpsScoreBadge score={r.score} size="sm" bare />
            </Table.Td>
            <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatNumber(answered(r), i18n.language)}
            </Table.Td>
            <Table.Td>
              <NpsSplit tally={r} legend={false} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
