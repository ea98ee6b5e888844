import { Badge, type MantineColor, Tooltip } from '@mantine/core';
import type { NpsCategory } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import type { ContactNps } from './nps-api.ts';

export const npsColors: Record<NpsCategory, MantineColor> = {
  promoter: 'teal',
  passive: 'yellow',
  detractor: 'red',
};

/** The chart colours of the three groups (the same hues as the badges). */
export const npsFill: Record<NpsCategory, string> = {
  promoter: 'var(--mantine-color-teal-6)',
  passive: 'var(--mantine-color-yellow-5)',
  detractor: 'var(--mantine-color-red-6)',
};

/** An NPS from −100 to 100 with its sign: +42, −100, 0. */
export function formatNps(score: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(score);
}

/** Good from 30 up, middling from 0, poor below. */
export function npsScoreColor(score: number | null): MantineColor {
  if (score === null) return 'gray';
  return score >= 30 ? 'teal' : score >= 0 ? 'yellow' : 'red';
}

/** A contact's NPS group: promoters are shown as "Advocate"; the score and date on hover. */
export function NpsBadge({ nps, size = 'md' }: { nps: ContactNps | null; size?: string }) {
  const { t, i18n } = useTranslation();
  if (!nps) return null;
  const label = t(`nps.categories.${nps.category}`);
  const detail = t('nps.badgeTitle', {
    score: nps.score,
    date: nps.answeredAt ? formatDate(nps.answeredAt, i18n.language) : '—',
  });
  return (
    <Tooltip label={detail}>
      <Badge
        color={npsColors[nps.category]}
        variant={nps.category === 'passive' ? 'light' : 'filled'}
        size={size}
        aria-label={t('nps.badgeLabel', { category: label, score: nps.score })}
        style={{ flexShrink: 0 }}
      >
        {label} · {nps.score}
      </Badge>
    </Tooltip>
  );
}

/** An account's (or any group's) NPS as a coloured figure; nothing without answers. */
export function NpsScoreBadge({
  score,
  size = 'md',
  bare = false,
}: {
  score: number | null;
  size?: string;
  /** Only the figure, under a heading that already says NPS. */
  bare?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (score === null) return null;
  return (
    <Badge
      color={npsScoreColor(score)}
      variant="light"
      size={size}
      aria-label={t('nps.scoreLabel', { score: formatNps(score, i18n.language) })}
      style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}
    >
      {bare ? formatNps(score, i18n.language) : `${t('nps.short')} ${formatNps(score, i18n.language)}`}
    </Badge>
  );
}
