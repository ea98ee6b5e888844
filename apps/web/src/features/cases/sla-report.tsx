import {
  Alert,
  Card,
  Group,
  Progress,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { channelLabel } from '../interactions/channel-meta.tsx';
import type { SlaGroupBy, SlaReportGroup, SlaReportQuery } from './cases-api.ts';
import { useSlaReport } from './cases-api.ts';

const groupBys: readonly SlaGroupBy[] = ['priority', 'queue', 'channel', 'tier'];
const presets = [7, 30, 90, 365] as const;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const daysAgo = (n: number) => isoDay(new Date(Date.now() - n * 86_400_000));

function groupLabel(g: SlaReportGroup, by: SlaGroupBy, t: TFunction): string {
  if (g.key === null) return t(`cases.report.none.${by}`);
  switch (by) {
    case 'priority':
      return t(`cases.priorities.${g.key as 'low'}`, { defaultValue: g.key });
    case 'queue':
      return g.label ?? g.key;
    case 'channel':
      return channelLabel(g.key, t);
    case 'tier':
      return g.key;
  }
}

function Share({ met, missed, compliance }: { met: number; missed: number; compliance: number | null }) {
  const { i18n } = useTranslation();
  if (compliance === null) return <Text c="dimmed">—</Text>;
  const color = compliance >= 0.9 ? 'teal' : compliance >= 0.75 ? 'yellow' : 'red';
  return (
    <Stack gap={2} miw={110}>
      <Group gap={6} justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {formatPercent(compliance, i18n.language, 1)}
        </Text>
        <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {met} / {met + missed}
        </Text>
      </Group>
      <Progress value={compliance * 100} color={color} size="sm" aria-hidden />
    </Stack>
  );
}

function minutes(value: number | null, locale: string, t: TFunction): ReactNode {
  if (value === null) return <Text c="dimmed">—</Text>;
  return value >= 120
    ? t('cases.report.hours', { value: formatNumber(value / 60, locale, 1) })
    : t('cases.report.minutes', { value: formatNumber(value, locale) });
}

/** SLA compliance of the cases opened in a period, per priority, queue, channel or tier. */
export function SlaReportView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [query, setQuery] = useState<SlaReportQuery>({
    from: daysAgo(30),
    to: isoDay(new Date()),
    groupBy: 'priority',
  });
  const report = useSlaReport(query);
  const preset = presets.find((n) => query.from === daysAgo(n) && query.to === isoDay(new Date()));
  const set = (patch: Partial<SlaReportQuery>) => setQuery((q) => ({ ...q, ...patch }));
  const data = report.data;

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('cases.report.period')}
          data={[
            ...presets.map((n) => ({ value: String(n), label: t('cases.report.lastDays', { count: n }) })),
            { value: 'custom', label: t('cases.report.custom') },
          ]}
          value={preset ? String(preset) : 'custom'}
          onChange={(v) => v && v !== 'custom' && set({ from: daysAgo(Number(v)), to: isoDay(new Date()) })}
          allowDeselect={false}
          w={180}
        />
        <TextInput
          type="date"
          label={t('cases.report.from')}
          value={query.from}
          onChange={(e) => e.currentTarget.value && set({ from: e.currentTarget.value })}
          w={160}
        />
        <TextInput
          type="date"
          label={t('cases.report.to')}
          value={query.to}
          onChange={(e) => e.currentTarget.value && set({ to: e.currentTarget.value })}
          w={160}
        />
        <Select
          label={t('cases.report.groupBy')}
          data={groupBys.map((g) => ({ value: g, label: t(`cases.report.by.${g}`) }))}
          value={query.groupBy}
          onChange={(v) => v && set({ groupBy: v as SlaGroupBy })}
          allowDeselect={false}
          w={170}
        />
      </Group>
      {report.isError && <Alert color="red">{errorMessage(report.error, t)}</Alert>}
      <Card p={0}>
        <ScrollArea>
          <Table
            verticalSpacing="sm"
            horizontalSpacing="lg"
            aria-label={t('cases.report.title')}
            aria-busy={report.isFetching}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`cases.report.by.${query.groupBy}`)}</Table.Th>
                <Table.Th ta="right">{t('cases.report.cases')}</Table.Th>
                <Table.Th>{t('cases.sla.firstResponse')}</Table.Th>
                <Table.Th>{t('cases.sla.resolution')}</Table.Th>
                <Table.Th>{t('cases.report.avgFirstResponse')}</Table.Th>
                <Table.Th>{t('cases.report.avgResolution')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data?.groups.map((g) => (
                <Table.Tr key={g.key ?? 'none'}>
                  <Table.Td fw={600}>{groupLabel(g, query.groupBy, t)}</Table.Td>
                  <Table.Td ta="right">{g.cases}</Table.Td>
                  <Table.Td>
                    <Share {...g.firstResponse} />
                  </Table.Td>
                  <Table.Td>
                    <Share {...g.resolution} />
                  </Table.Td>
                  <Table.Td>{minutes(g.avgFirstResponseMinutes, lang, t)}</Table.Td>
                  <Table.Td>{minutes(g.avgResolutionMinutes, lang, t)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            {data && data.groups.length > 0 && (
              <Table.Tfoot style={{ borderTop: '2px solid var(--relata-border)' }}>
                <Table.Tr>
                  <Table.Th>{t('cases.report.total')}</Table.Th>
                  <Table.Th ta="right">{data.total.cases}</Table.Th>
                  <Table.Td>
                    <Share {...data.total.firstResponse} />
                  </Table.Td>
                  <Table.Td>
                    <Share {...data.total.resolution} />
                  </Table.Td>
                  <Table.Td />
                  <Table.Td />
                </Table.Tr>
              </Table.Tfoot>
            )}
          </Table>
        </ScrollArea>
        {data && data.groups.length === 0 && (
          <Text c="dimmed" ta="center" py="xl" size="sm">
            {t('cases.report.empty')}
          </Text>
        )}
      </Card>
      <Text size="xs" c="dimmed">
        {t('cases.report.hint')}
      </Text>
    </Stack>
  );
}
