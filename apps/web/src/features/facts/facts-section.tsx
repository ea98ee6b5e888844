import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { AnchorLink } from '../../ui/router-links.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { type Fact, useFacts } from './facts-api.ts';

/** A fact's value as text: lists joined, everything else as written. */
const shown = (v: unknown) =>
  Array.isArray(v) ? v.join(', ') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);

function Source({ fact }: { fact: Fact }) {
  const { t } = useTranslation();
  if (fact.source !== 'survey') return <>{t('facts.otherSource', { source: fact.source })}</>;
  return (
    <>
      {fact.survey?.name ? (
        <AnchorLink to="/surveys/$surveyId" params={{ surveyId: fact.survey.id }} size="xs">
          {t('facts.fromSurvey', { survey: fact.survey.name })}
        </AnchorLink>
      ) : (
        t('facts.deletedSurvey')
      )}
      {fact.question?.text && <> · {t('facts.question', { question: fact.question.text })}</>}
    </>
  );
}

/**
 * What the contact told us outside interactions (survey answers kept as facts, NPS), newest
 * first, each with where it came from and when.
 */
export function FactsSection({ contactId }: { contactId: string }) {
  const { t, i18n } = useTranslation();
  const facts = useFacts(contactId);
  const rows = facts.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <SectionCard id="facts" title={t('facts.title')}>
      {facts.isPending ? (
        <Center py="md">
          <Loader size="sm" />
        </Center>
      ) : facts.isError ? (
        <Text c="red" size="sm">
          {errorMessage(facts.error, t)}
        </Text>
      ) : rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('facts.empty')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Stack
            gap="sm"
            component="ul"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-label={t('facts.title')}
          >
            {rows.map((f) => (
              <li key={f.id}>
                <Group gap="xs" wrap="nowrap" align="baseline" justify="space-between">
                  <Text size="sm" fw={600} ff="monospace">
                    {f.key === 'nps' ? t('facts.nps') : f.key}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDate(f.recordedAt, i18n.language)}
                  </Text>
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                  {shown(f.value)}
                </Text>
                <Text size="xs" c="dimmed">
                  <Source fact={f} />
                </Text>
              </li>
            ))}
          </Stack>
          {facts.hasNextPage && (
            <Button
              variant="subtle"
              size="compact-sm"
              w="fit-content"
              loading={facts.isFetchingNextPage}
              onClick={() => void facts.fetchNextPage()}
            >
              {t('table.loadMore')}
            </Button>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}
