import { Card, Group, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatMoney } from '../../lib/format.ts';
import { BarChart } from '../../ui/charts/bar-chart.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Stat } from '../../ui/stat.tsx';
import { type Sum, useForecast, usePipelines } from './deals-api.ts';

const month = (plus = 0) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + plus, 1)).toISOString().slice(0, 7);
};

/** Weighted pipeline (amount × stage probability) by expected-close month and by owner. */
export function ForecastView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const pipelines = usePipelines();
  const [pipelineId, setPipelineId] = useState<string | null>(null);
  const [from, setFrom] = useState(month());
  const [to, setTo] = useState(month(11));
  const [mine, setMine] = useState(false);
  const forecast = useForecast({
    pipelineId: pipelineId ?? undefined,
    from,
    to,
    ...(mine ? { ownerId: 'me' } : {}),
  });
  const f = forecast.data;
  const money = (v: number) => (f ? formatMoney(v, f.currency, lang, true) : '');
  const monthName = (m: string) =>
    new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${m}-01T00:00:00Z`),
    );
  const row = (label: string, s: Sum, key: string) => (
    <Table.Tr key={key}>
      <Table.Td>{label}</Table.Td>
      <Table.Td ta="right">{s.count}</Table.Td>
      <Table.Td ta="right">{money(s.amount)}</Table.Td>
      <Table.Td ta="right" fw={600}>
        {money(s.weighted)}
      </Table.Td>
    </Table.Tr>
  );
  const head = (first: string) => (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{first}</Table.Th>
        <Table.Th ta="right">{t('deals.forecast.deals')}</Table.Th>
        <Table.Th ta="right">{t('deals.forecast.amount')}</Table.Th>
        <Table.Th ta="right">{t('deals.forecast.weighted')}</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
  return (
    <Stack gap="md">
      <PageHeader title={t('deals.forecast.title')} description={t('deals.forecast.description')} />
      <Group gap="sm" wrap="wrap" align="flex-end">
        <Select
          label={t('deals.pipeline')}
          placeholder={t('deals.forecast.allPipelines')}
          data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={pipelineId}
          onChange={setPipelineId}
          clearable
          w={220}
        />
        <TextInput
          type="month"
          label={t('deals.forecast.from')}
          value={from}
          onChange={(e) => e.currentTarget.value && setFrom(e.currentTarget.value)}
          w={170}
        />
        <TextInput
          type="month"
          label={t('deals.forecast.to')}
          value={to}
          onChange={(e) => e.currentTarget.value && setTo(e.currentTarget.value)}
          w={170}
        />
        <Switch
          label={t('deals.onlyMine')}
          checked={mine}
          onChange={(e) => setMine(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {forecast.isError && <Text c="red">{errorMessage(forecast.error, t)}</Text>}
      {f && (
        <>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
            <Stat label={t('deals.forecast.weightedTotal')} value={money(f.totals.weighted)} />
            <Stat label={t('deals.forecast.pipelineTotal')} value={money(f.totals.amount)} />
            <Stat label={t('deals.forecast.openDeals')} value={String(f.totals.count)} />
          </SimpleGrid>
          <Card>
            <BarChart
              label={t('deals.forecast.byMonth')}
              bars={f.months.map((m) => ({
                key: m.month,
                label: monthName(m.month),
                value: m.weighted / 100,
              }))}
              formatValue={(v) => money(Math.round(v * 100))}
            />
          </Card>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Card>
              <Text fw={600} size="sm" mb="xs">
                {t('deals.forecast.byMonth')}
              </Text>
              <Table.ScrollContainer minWidth={360}>
                <Table verticalSpacing={4}>
                  {head(t('deals.forecast.month'))}
                  <Table.Tbody>
                    {f.months.map((m) => row(monthName(m.month), m, m.month))}
                    {row(t('deals.forecast.total'), f.totals, 'total')}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {f.undated.count > 0 && (
                <Text size="xs" c="dimmed" mt="xs">
                  {t('deals.forecast.undated', { count: f.undated.count, amount: money(f.undated.weighted) })}
                </Text>
              )}
            </Card>
            <Card>
              <Text fw={600} size="sm" mb="xs">
                {t('deals.forecast.byOwner')}
              </Text>
              <Table.ScrollContainer minWidth={360}>
                <Table verticalSpacing={4}>
                  {head(t('deals.owner'))}
                  <Table.Tbody>
                    {f.owners.map((o) =>
                      row(o.ownerName ?? t('deals.forecast.noOwner'), o, o.ownerId ?? 'none'),
                    )}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
