import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../ui/section-card.tsx';
import { answered, type NpsTally } from './nps-api.ts';
import { formatNps, npsScoreColor } from './nps-badge.tsx';
import { NpsSplit } from './nps-split.tsx';

/** An account's NPS over its contacts' latest answers: the score and the three groups. */
export function AccountNpsCard({ nps }: { nps: NpsTally }) {
  const { t, i18n } = useTranslation();
  const total = answered(nps);
  return (
    <SectionCard id="nps" title={t('nps.title')}>
      {nps.score === null || total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('nps.noAnswersAccount')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Group gap="sm" align="baseline">
            <Text
              fz={32}
              fw={700}
              lh={1}
              c={`${npsScoreColor(nps.score)}.7`}
              style={{ fontVariantNumeric: 'tabular-nums' }}
              aria-label={t('nps.scoreLabel', { score: formatNps(nps.score, i18n.language) })}
            >
              {formatNps(nps.score, i18n.language)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('nps.overContacts', { count: total })}
            </Text>
          </Group>
          <NpsSplit tally={nps} />
        </Stack>
      )}
    </SectionCard>
  );
}
