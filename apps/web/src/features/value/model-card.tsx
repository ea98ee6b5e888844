import { Alert, Group, List, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { GroupedBarChart } from '../../ui/charts/grouped-bar-chart.tsx';
import { IconAlert } from '../../ui/icons.tsx';
import { AnchorLink } from '../../ui/router-links.tsx';
import { Stat } from '../../ui/stat.tsx';
import type { ValueRun } from './value-api.ts';

const paramNames: Record<string, string> = { alpha: 'α', beta: 'β', gamma: 'γ' };
export const modelNames: Record<ValueRun['model'], string> = { bgnbd: 'BG/NBD', pnbd: 'Pareto/NBD' };
const timingKeys = ['loadMs', 'fitMs', 'scoreMs', 'historyMs', 'writeMs', 'totalMs'] as const;

function sig(v: number, lang: string) {
  return new Intl.NumberFormat(lang, { maximumSignificantDigits: 4 }).format(v);
}

function ParamTable({
  label,
  params,
  errors,
}: {
  label: string;
  params: Record<string, number>;
  errors: Record<string, number | null> | null | undefined;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table verticalSpacing={4} aria-label={label} withRowBorders={false}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{label}</Table.Th>
          <Table.Th ta="right">{t('value.estimate')}</Table.Th>
          <Table.Th ta="right">{t('value.standardError')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody style={{ fontVariantNumeric: 'tabular-nums' }}>
        {Object.entries(params).map(([k, v]) => {
          const se = errors?.[k];
          return (
            <Table.Tr key={k}>
              <Table.Td ff="monospace">{paramNames[k] ?? k}</Table.Td>
              <Table.Td ta="right">{sig(v, i18n.language)}</Table.Td>
              <Table.Td ta="right" c="dimmed">
                {se == null ? '—' : `± ${sig(se, i18n.language)}`}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** The fitted model: parameters ± standard errors, fit statistics, warnings and timings. */
export function ModelCard({ run }: { run: ValueRun }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const spendParams: Record<string, number> = {};
  for (const k of ['p', 'q', 'gamma'] as const) {
    const v = run.spend?.[k];
    if (typeof v === 'number') spendParams[k] = v;
  }
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        <Stat label={t('value.model')} value={modelNames[run.model]} hint={t(`value.units.${run.unit}`)} />
        <Stat
          label={t('value.asOf')}
          value={formatDate(run.asOf, lang)}
          hint={formatDateTime(run.finishedAt, lang)}
        />
        <Stat
          label={t('value.customers')}
          value={formatNumber(run.customers ?? 0, lang)}
          hint={t('value.repeatCustomers', { count: run.repeatCustomers ?? 0 })}
        />
        <Stat
          label={t('value.logLikelihood')}
          value={run.logLikelihood === null ? '—' : formatNumber(run.logLikelihood, lang, 1)}
          hint={t('value.orders', { count: run.orderCount ?? 0 })}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {run.params && (
          <ParamTable label={t('value.purchaseModel')} params={run.params} errors={run.standardErrors} />
        )}
        {Object.keys(spendParams).length > 0 && (
          <ParamTable label={t('value.spendModel')} params={spendParams} errors={run.spend?.standardErrors} />
        )}
      </SimpleGrid>
      {run.warnings.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlert />} title={t('value.warnings')}>
          <List size="sm">
            {run.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group gap="md">
        {timingKeys
          .filter((k) => typeof run.timings[k] === 'number')
          .map((k) => (
            <Text key={k} size="xs" c="dimmed">
              {t(`value.timings.${k}`)}:{' '}
              <Text span fw={600} c="var(--mantine-color-text)">
                {formatNumber((run.timings[k] ?? 0) / 1000, lang, 2)} s
              </Text>
            </Text>
          ))}
      </Group>
    </Stack>
  );
}

/** Actual vs predicted purchases per customer in the holdout period, per calibration frequency. */
export function ModelFit({ run, canConfigure }: { run: ValueRun; canConfigure: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const holdout = run.holdout;
  if (!holdout?.bins.length)
    return (
      <Text size="sm" c="dimmed">
        {t('value.noHoldout')}{' '}
        {canConfigure && (
          <AnchorLink to="/settings" search={{ tab: 'value' }} size="sm">
            {t('value.openSettings')}
          </AnchorLink>
        )}
      </Text>
    );
  return (
    <Stack gap="xs">
      <GroupedBarChart
        label={t('value.fitChart')}
        groups={holdout.bins.map((b) => ({
          key: b.frequency,
          label: b.frequency,
          values: [b.actual, b.predicted],
        }))}
        series={[
          { key: 'actual', label: t('value.actual'), color: 'var(--mantine-color-brand-5)' },
          { key: 'predicted', label: t('value.predicted'), color: 'var(--mantine-color-orange-4)' },
        ]}
        formatValue={(v) => formatNumber(v, lang, 1)}
      />
      <Text size="xs" c="dimmed" ta="center">
        {t('value.fitAxis')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('value.fitSummary', {
          days: holdout.days,
          date: holdout.calibrationEnd ? formatDate(holdout.calibrationEnd, lang) : '—',
          actual: formatNumber(holdout.actual ?? 0, lang),
          predicted: formatNumber(holdout.predicted ?? 0, lang),
        })}
      </Text>
    </Stack>
  );
}
