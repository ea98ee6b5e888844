import {
  Alert,
  Center,
  EmptyState,
  Grid,
  Group,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatNumber } from '../../lib/format.ts';
import { SignedBarChart } from '../../ui/charts/signed-bar-chart.tsx';
import { IconForms } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ButtonLink } from '../../ui/router-links.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { Stat } from '../../ui/stat.tsx';
import { LifecycleBadge, TierBadge } from '../value/value-badges.tsx';
import { answered, type NpsSummary, useNpsSummary } from './nps-api.ts';
import { formatNps, npsScoreColor } from './nps-badge.tsx';
import { NpsBreakdown } from './nps-breakdown.tsx';
import { NpsSplit } from './nps-split.tsx';

/** The last `n` months as `YYYY-MM`, oldest first. */
function lastMonths(n: number, now = new Date()): string[] {
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (n - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

function Trend({ data, months }: { data: NpsSummary; months: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const byMonth = new Map(data.byMonth.map((m) => [m.month, m]));
  const monthName = new Intl.DateTimeFormat(lang, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  return (
    <SignedBarChart
      label={t('nps.trendChart')}
      domain={[-100, 100]}
      ticks={[-100, -50, 0, 50, 100]}
      formatValue={(v) => formatNps(v, lang)}
      bars={lastMonths(months).map((m) => {
        const row = byMonth.get(m);
        const label = monthName.format(new Date(`${m}-01T00:00:00Z`));
        return {
          key: m,
          label,
          value: row?.score ?? null,
          color: `var(--mantine-color-${npsScoreColor(row?.score ?? null)}-6)`,
          title: row
            ? t('nps.monthTitle', {
                month: label,
                score: formatNps(row.score ?? 0, lang),
                count: answered(row),
              })
            : t('nps.monthEmpty', { month: label }),
        };
      })}
    />
  );
}

/** The NPS dashboard: overall score and groups, the trend by month, by value tier and lifecycle state. */
export function NpsView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [months, setMonths] = useState(12);
  const summary = useNpsSummary(months);
  const data = summary.data;
  const total = data ? answered(data.overall) : 0;
  return (
    <>
      <PageHeader
        title={t('nps.title')}
        description={t('nps.description')}
        actions={
          <SegmentedControl
            aria-label={t('nps.period')}
            value={String(months)}
            onChange={(v) => setMonths(Number(v))}
            data={[6, 12, 24].map((m) => ({ value: String(m), label: t('nps.months', { count: m }) }))}
          />
        }
      />
      {summary.isPending ? (
        <Center py={80}>
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : summary.isError ? (
        <Alert color="red">{errorMessage(summary.error, t)}</Alert>
      ) : !data || total === 0 ? (
        <Center py={60}>
          <EmptyState
            icon={<IconForms size={28} />}
            withIndicatorBackground
            title={t('nps.noAnswers')}
            description={t('nps.noAnswersHint')}
          >
            <EmptyState.Actions>
              <ButtonLink to="/surveys">{t('surveys.title')}</ButtonLink>
            </EmptyState.Actions>
          </EmptyState>
        </Center>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <SectionCard id="nps-overall" title={t('nps.overall')}>
              <Stack gap="md">
                <Group gap="lg" align="flex-end">
                  <Stat
                    label={t('nps.short')}
                    value={
                      <Text span inherit fz={40} c={`${npsScoreColor(data.overall.score)}.7`}>
                        {data.overall.score === null ? '—' : formatNps(data.overall.score, lang)}
                      </Text>
                    }
                  />
                  <Stat label={t('nps.respondents')} value={formatNumber(total, lang)} />
                </Group>
                <NpsSplit tally={data.overall} />
                <Text size="xs" c="dimmed">
                  {t('nps.explain')}
                </Text>
              </Stack>
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <SectionCard id="nps-trend" title={t('nps.trend')}>
              <Trend data={data} months={months} />
              <Text size="xs" c="dimmed" mt="xs">
                {t('nps.trendHint')}
              </Text>
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={12}>
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
              <SectionCard id="nps-tiers" title={t('nps.byTier')}>
                <NpsBreakdown
                  label={t('value.tier')}
                  rows={data.byTier.map((r) => ({
                    ...r,
                    key: r.tier ?? 'none',
                    label: r.tier ? (
                      <TierBadge tier={r.tier} size="sm" />
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('nps.noTier')}
                      </Text>
                    ),
                  }))}
                />
              </SectionCard>
              <SectionCard id="nps-states" title={t('nps.byState')}>
                <NpsBreakdown
                  label={t('value.lifecycle')}
                  rows={data.byLifecycleState.map((r) => ({
                    ...r,
                    key: r.state,
                    label: <LifecycleBadge state={r.state} size="sm" />,
                  }))}
                />
              </SectionCard>
            </SimpleGrid>
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
