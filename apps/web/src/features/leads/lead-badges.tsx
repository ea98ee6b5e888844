import { Badge, type MantineColor, Stack, Text, Tooltip } from '@mantine/core';
import type { LeadStatus, ScoreReason } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { useReasonLabel } from './lead-reasons.ts';

const statusColors: Record<LeadStatus, MantineColor> = {
  new: 'blue',
  working: 'yellow',
  qualified: 'teal',
  unqualified: 'gray',
  converted: 'violet',
};

export function LeadStatusBadge({ status, size = 'md' }: { status: LeadStatus; size?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant={status === 'converted' ? 'filled' : 'light'} size={size}>
      {t(`leads.statuses.${status}`)}
    </Badge>
  );
}

/** Hot from 30 points, warm from 10, cold below. */
export function scoreColor(score: number): MantineColor {
  return score >= 30 ? 'red' : score >= 10 ? 'orange' : score > 0 ? 'yellow' : 'gray';
}

/** A signed number of points: +10, −10, 0. */
export function formatPoints(points: number, locale: string): string {
  return new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }).format(points);
}

/** The lead's score; its reasons on hover. */
export function ScoreBadge({
  score,
  reasons,
  size = 'md',
}: {
  score: number;
  reasons?: ScoreReason[];
  size?: string;
}) {
  const { t, i18n } = useTranslation();
  const label = useReasonLabel();
  const badge = (
    <Badge
      color={scoreColor(score)}
      variant="light"
      size={size}
      radius="sm"
      style={{ fontVariantNumeric: 'tabular-nums' }}
      aria-label={t('leads.scoreLabel', { score })}
    >
      {score}
    </Badge>
  );
  if (!reasons?.length) return badge;
  return (
    <Tooltip
      withArrow
      label={
        <Stack gap={2}>
          {reasons.map((r) => (
            <Text key={r.ruleId} size="xs">
              {formatPoints(r.points, i18n.language)} {label(r)}
            </Text>
          ))}
        </Stack>
      }
    >
      {badge}
    </Tooltip>
  );
}
