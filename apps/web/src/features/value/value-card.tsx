import { Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import type { RecordType } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../../lib/format.ts';
import { IconStar } from '../../ui/icons.tsx';
import { Stat } from '../../ui/stat.tsx';
import { useCustomer360 } from '../orders/orders-api.ts';
import { modelNames } from './model-card.tsx';
import { type CustomerValue, isScored } from './value-api.ts';
import { LifecycleBadge, TierBadge } from './value-badges.tsx';

function RfmTooltip({ value }: { value: CustomerValue }) {
  const { t } = useTranslation();
  const { r, f, m } = value.rfm;
  return (
    <Stack gap={2}>
      <Text size="xs">{t('value.rfmR', { score: r ?? '–' })}</Text>
      <Text size="xs">{t('value.rfmF', { score: f ?? '–' })}</Text>
      <Text size="xs">{t('value.rfmM', { score: m ?? '–' })}</Text>
      <Text size="xs" c="dimmed">
        {t('value.rfmScale')}
      </Text>
    </Stack>
  );
}

/** What CLV means for this customer: the horizon of the run that scored it, and that run. */
function ClvTooltip({ value }: { value: CustomerValue }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={2}>
      {value.horizonMonths !== undefined && (
        <Text size="xs">{t('value.clvHint', { count: value.horizonMonths })}</Text>
      )}
      {value.model && value.asOf && (
        <Text size="xs" c="dimmed">
          {t('value.scoredBy', {
            model: modelNames[value.model],
            date: formatDate(value.asOf, i18n.language),
          })}
        </Text>
      )}
    </Stack>
  );
}

function Scored({ value, creditScore }: { value: CustomerValue; creditScore: number | null }) {
  const { t, i18n } = useTranslation();
  // The horizon of the run that scored this customer, not today's setting (it may have changed since).
  const months = value.horizonMonths;
  const horizon = months === undefined ? undefined : t('value.nextMonths', { count: months });
  const lang = i18n.language;
  const money = (v: number) => formatMoney(v, value.currency, lang, true);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="lg" verticalSpacing="md">
      <Stat
        label={t('value.clv')}
        value={value.clv === null ? '—' : money(value.clv)}
        hint={horizon}
        tooltip={months === undefined && !value.model ? undefined : <ClvTooltip value={value} />}
      />
      <Stat
        label={t('value.pAlive')}
        value={value.pAlive === null ? '—' : formatPercent(value.pAlive, lang)}
        tooltip={t('value.pAliveHint')}
      />
      <Stat
        label={t('value.expectedPurchases')}
        value={value.expectedPurchases === null ? '—' : formatNumber(value.expectedPurchases, lang, 1)}
        hint={horizon}
      />
      <Stat
        label={t('value.historicalValue')}
        value={money(value.historicalValue)}
        hint={t('value.purchasesSince', {
          count: value.purchases,
          date: formatDate(value.firstPurchaseOn, lang),
        })}
      />
      <Stat
        label={t('value.rfm')}
        value={value.rfm.score ?? '—'}
        hint={t('value.lastPurchase', { date: formatDate(value.lastPurchaseOn, lang) })}
        tooltip={<RfmTooltip value={value} />}
      />
      <Stat label={t('value.creditScore')} value={creditScore ?? '—'} hint={t('value.creditScoreScale')} />
    </SimpleGrid>
  );
}

/** Tier, CLV, P(alive), expected purchases, historical value, RFM, lifecycle and credit score. */
export function ValueCard({
  type,
  id,
  creditScore,
}: {
  type: RecordType;
  id: string;
  creditScore: number | null;
}) {
  const { t, i18n } = useTranslation();
  const view = useCustomer360(type, id);
  if (view.isPending) return <Skeleton h={118} radius="lg" />;
  const value = view.data?.value;
  if (!value) return null;
  const scored = isScored(value) ? value : null;
  return (
    <Card component="section" aria-labelledby="value-title" id="value" p="lg">
      <Group justify="space-between" mb="md" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="nowrap">
          <IconStar size={16} color="var(--mantine-color-gray-6)" />
          <Text id="value-title" fw={600} size="sm" component="h2" m={0}>
            {t('value.cardTitle')}
          </Text>
          {scored?.tier && <TierBadge tier={scored.tier} />}
        </Group>
        <Group gap={6} wrap="nowrap">
          <LifecycleBadge state={value.lifecycleState} />
          {scored?.lifecycleSince && (
            <Text size="xs" c="dimmed">
              {t('value.since', { date: formatDate(scored.lifecycleSince, i18n.language) })}
            </Text>
          )}
        </Group>
      </Group>
      {scored ? (
        <Scored value={scored} creditScore={creditScore} />
      ) : (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('value.noPurchases')}
          </Text>
          <Text size="sm">
            {t('value.creditScore')}: <strong>{creditScore ?? '—'}</strong>
          </Text>
        </Group>
      )}
    </Card>
  );
}
