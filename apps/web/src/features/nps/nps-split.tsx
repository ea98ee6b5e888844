import { Group, Progress, Stack, Text } from '@mantine/core';
import { npsCategories } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { answered, type NpsTally } from './nps-api.ts';
import { npsColors } from './nps-badge.tsx';

const countOf = (n: NpsTally, c: (typeof npsCategories)[number]) =>
  c === 'promoter' ? n.promoters : c === 'passive' ? n.passives : n.detractors;

/** Promoters, passives and detractors as one stacked bar, with counts and shares under it. */
export function NpsSplit({ tally, legend = true }: { tally: NpsTally; legend?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const total = answered(tally);
  return (
    <Stack gap={6}>
      <Progress.Root size={legend ? 14 : 10} aria-hidden>
        {npsCategories.map((c) => {
          const n = countOf(tally, c);
          return n > 0 ? <Progress.Section key={c} value={(n / total) * 100} color={npsColors[c]} /> : null;
        })}
      </Progress.Root>
      {legend && (
        <Group gap="md" wrap="wrap">
          {npsCategories.map((c) => {
            const n = countOf(tally, c);
            return (
              <Group key={c} gap={6} wrap="nowrap">
                <span
                  aria-hidden
                  style={{
                    width: 10,
                    height: 10,
                    borderRadius: 2,
                    display: 'inline-block',
                    background: `var(--mantine-color-${npsColors[c]}-6)`,
                  }}
                />
                <Text size="sm">
                  {t(`nps.groups.${c}`)}{' '}
                  <strong style={{ fontVariantNumeric: 'tabular-nums' }}>{formatNumber(n, lang)}</strong>
                  {total > 0 && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({formatPercent(n / total, lang)})
                    </Text>
                  )}
                </Text>
              </Group>
            );
          })}
        </Group>
      )}
    </Stack>
  );
}
