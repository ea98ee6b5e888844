import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoneyCompact, formatNumber, formatPercent } from '../../lib/format.ts';
import type { ValueSummary } from './value-api.ts';
import { LifecycleBadge, lifecycleColors } from './value-badges.tsx';

/** Customers per lifecycle state, with their share and the CLV they carry. */
export function LifecycleCounts({ summary }: { summary: ValueSummary }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const total = summary.lifecycle.reduce((n, s) => n + s.customers, 0);
  return (
    <Stack
      gap={10}
      component="ul"
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
      aria-label={t('value.lifecycleCounts')}
    >
      {summary.lifecycle.map((s) => {
        const share = total ? s.customers / total : 0;
        return (
          <li key={s.state}>
            <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
              <LifecycleBadge state={s.state} size="sm" />
              <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                <strong>{formatNumber(s.customers, lang)}</strong>{' '}
                <Text span c="dimmed" size="xs">
                  {formatPercent(share, lang)} · {t('value.clvShort')}{' '}
                  {formatMoneyCompact(s.clv, summary.currency, lang)}
                </Text>
              </Text>
            </Group>
            <Progress value={share * 100} color={lifecycleColors[s.state]} size="sm" aria-hidden />
          </li>
        );
      })}
    </Stack>
  );
}
