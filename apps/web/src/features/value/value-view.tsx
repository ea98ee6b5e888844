import {
  Alert,
  Center,
  EmptyState,
  Grid,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatMoney, formatMoneyCompact, formatNumber } from '../../lib/format.ts';
import { BarChart } from '../../ui/charts/bar-chart.tsx';
import { IconChartBar } from '../../ui/icons-commerce.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { Stat } from '../../ui/stat.tsx';
import { useCan } from '../auth/auth-api.ts';
import { DriversSection } from './drivers-section.tsx';
import { FlowsCard } from './flows-card.tsx';
import { LifecycleCounts } from './lifecycle-counts.tsx';
import { ModelCard, ModelFit } from './model-card.tsx';
import { RecomputeButton } from './recompute-button.tsx';
import { TierTable } from './tier-table.tsx';
import { type CustomerType, useValueSummary, type ValueSummary } from './value-api.ts';

export function CustomerTypeSwitch({
  value,
  onChange,
}: {
  value: CustomerType;
  onChange: (v: CustomerType) => void;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('value.customerType')}
      value={value}
      onChange={(v) => onChange(v as CustomerType)}
      data={[
        { value: 'contact', label: t('nav.contacts') },
        { value: 'account', label: t('nav.accounts') },
      ]}
    />
  );
}

function Distribution({ summary }: { summary: ValueSummary }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const d = summary.distribution;
  const money = (v: number | null) => (v === null ? '—' : formatMoney(v, summary.currency, lang, true));
  return (
    <Stack gap="md">
      <SimpleGrid cols={4} spacing="md">
        <Stat label={t('value.scored')} value={formatNumber(d.customers, lang)} />
        <Stat label={t('value.totalClv')} value={formatMoneyCompact(d.total, summary.currency, lang)} />
        <Stat label={t('value.meanClv')} value={money(d.mean)} />
        <Stat label={t('value.medianClv')} value={money(d.median)} />
      </SimpleGrid>
      <BarChart
        label={t('value.distributionChart')}
        gap={0.08}
        bars={d.bins.map((b, i) => ({
          key: String(i),
          label: formatMoneyCompact(b.from, summary.currency, lang),
          value: b.customers,
          title: t('value.binTitle', {
            from: money(b.from),
            to: money(b.to),
            count: b.customers,
          }),
        }))}
        formatValue={(v) => formatNumber(v, lang)}
      />
      <Text size="xs" c="dimmed" ta="center">
        {t('value.distributionAxis', { max: money(d.max) })}
      </Text>
    </Stack>
  );
}

/**
 * The "Customer value" page: tiers, CLV distribution, lifecycle states, recent flows, the model
 * and LTV drivers.
 */
export function ValueView() {
  const { t } = useTranslation();
  const can = useCan();
  const [type, setType] = useState<CustomerType>('contact');
  const summary = useValueSummary(type);
  const data = summary.data;
  return (
    <>
      <PageHeader
        title={t('value.title')}
        description={t('value.description')}
        actions={
          <>
            <CustomerTypeSwitch value={type} onChange={setType} />
            <RecomputeButton type={type} latest={data?.latestRun ?? null} canRun={can('create', 'value')} />
          </>
        }
      />
      {summary.isPending ? (
        <Center py={80}>
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : summary.isError ? (
        <Alert color="red">{errorMessage(summary.error, t)}</Alert>
      ) : !data?.run ? (
        <Center py={60}>
          <EmptyState
            icon={<IconChartBar size={28} />}
            withIndicatorBackground
            title={t('value.noRun')}
            description={can('create', 'value') ? t('value.noRunHint') : t('value.noRunReader')}
          />
        </Center>
      ) : (
        <Stack gap="lg">
          {data.latestRun?.status === 'failed' && data.latestRun.id !== data.run.id && (
            <Alert color="red" title={t('value.runFailed')}>
              {data.latestRun.error ?? t('errors.generic')}
            </Alert>
          )}
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <SectionCard id="tiers" title={t('value.tiers')}>
                <TierTable tiers={data.tiers} currency={data.currency} />
              </SectionCard>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <SectionCard id="lifecycle" title={t('value.lifecycleCounts')}>
                <LifecycleCounts summary={data} />
              </SectionCard>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <SectionCard id="distribution" title={t('value.distribution')}>
                <Distribution summary={data} />
              </SectionCard>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <SectionCard id="fit" title={t('value.fit')}>
                <ModelFit run={data.run} canConfigure={can('update', 'value')} />
              </SectionCard>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <FlowsCard type={type} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <SectionCard id="model" title={t('value.modelCard')}>
                <ModelCard run={data.run} />
              </SectionCard>
            </Grid.Col>
          </Grid>
          <DriversSection type={type} />
        </Stack>
      )}
    </>
  );
}
