import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { IconClock } from '../../ui/icons-activity.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useSlaPolicies } from '../service-settings/service-api.ts';
import type { Case, SlaClock } from './cases-api.ts';
import { type ClockName, SlaTimer } from './sla-timer.tsx';

function ClockRow({ name, clock, extra }: { name: ClockName; clock: SlaClock; extra?: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Stack gap={4} data-testid={`sla-${name}`}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" fw={600}>
          {t(`cases.sla.${name}`)}
        </Text>
        <SlaTimer clock={clock} name={name} />
      </Group>
      <Text size="xs" c="dimmed">
        {clock.dueAt
          ? t('cases.sla.dueAt', { time: formatDateTime(clock.dueAt, lang) })
          : t('cases.sla.noTarget')}
        {clock.metAt && ` · ${t('cases.sla.stoppedAt', { time: formatDateTime(clock.metAt, lang) })}`}
      </Text>
      {extra && (
        <Text size="xs" c="dimmed">
          {extra}
        </Text>
      )}
    </Stack>
  );
}

/**
 * Both SLA clocks with their due times and a live countdown (wall time; the due times already
 * count business hours), the pause while waiting on the customer and the escalation level.
 */
export function CaseSlaPanel({ c }: { c: Case }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const policies = useSlaPolicies();
  const policy = c.slaPolicyId ? policies.data?.find((p) => p.id === c.slaPolicyId) : undefined;
  const res = c.sla.resolution;
  const paused = [
    res.pausedSince ? t('cases.sla.pausedSince', { time: formatDateTime(res.pausedSince, lang) }) : null,
    res.pausedMinutes > 0
      ? t('cases.sla.pausedTotal', {
          time: t('cases.report.minutes', { value: formatNumber(res.pausedMinutes, lang) }),
        })
      : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <SectionCard
      id="sla"
      title={t('cases.sla.title')}
      icon={<IconClock size={16} />}
      actions={
        c.sla.escalationLevel > 0 ? (
          <Badge color="red" variant="light" size="sm">
            {t('cases.sla.escalation', { level: c.sla.escalationLevel })}
          </Badge>
        ) : undefined
      }
    >
      <Stack gap="md">
        <ClockRow name="firstResponse" clock={c.sla.firstResponse} />
        <ClockRow name="resolution" clock={res} extra={paused || null} />
        <Text size="xs" c="dimmed">
          {c.slaPolicyId ? t('cases.sla.policy', { name: policy?.name ?? '…' }) : t('cases.sla.noPolicy')}
          {' · '}
          {t('cases.sla.wallTime')}
        </Text>
      </Stack>
    </SectionCard>
  );
}
