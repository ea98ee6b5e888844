import { Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { IconHistory } from '../../ui/icons.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useStageHistory } from './deals-api.ts';

/** Days, hours or minutes, whichever reads best. */
export function useDuration() {
  const { t } = useTranslation();
  return (seconds: number) => {
    if (seconds >= 86_400) return t('deals.duration.days', { count: Math.floor(seconds / 86_400) });
    if (seconds >= 3_600) return t('deals.duration.hours', { count: Math.floor(seconds / 3_600) });
    return t('deals.duration.minutes', { count: Math.max(1, Math.floor(seconds / 60)) });
  };
}

/** Every stage the deal entered, who moved it and how long it stayed. */
export function DealHistory({ dealId }: { dealId: string }) {
  const { t, i18n } = useTranslation();
  const history = useStageHistory(dealId);
  const duration = useDuration();
  const moves = history.data ?? [];
  return (
    <SectionCard id="stage-history" title={t('deals.history')} icon={<IconHistory size={16} />}>
      <Timeline active={moves.length - 1} bulletSize={14} lineWidth={2}>
        {moves.map((m) => (
          <Timeline.Item key={m.id} title={m.toStageName}>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {formatDateTime(m.movedAt, i18n.language)}
                {m.movedBy ? ` · ${m.movedBy.name}` : ''}
              </Text>
              <Text size="xs">
                {m.leftAt
                  ? t('deals.stayed', { duration: duration(m.secondsInStage) })
                  : t('deals.inStageFor', { duration: duration(m.secondsInStage) })}
              </Text>
            </Stack>
          </Timeline.Item>
        ))}
      </Timeline>
    </SectionCard>
  );
}
