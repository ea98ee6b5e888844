import { Alert, Card, Center, Loader, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { Stat } from '../../ui/stat.tsx';
import { QuestionSummaryCard } from './question-summary.tsx';
import { type Survey, useSurveySummary } from './surveys-api.ts';

/** The survey's results: responses, response rate and a chart or figures per question. */
export function SurveyResults({ survey }: { survey: Survey }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const summary = useSurveySummary(survey.id);
  if (summary.isPending)
    return (
      <Center py={60}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (summary.isError) return <Alert color="red">{errorMessage(summary.error, t)}</Alert>;
  const data = summary.data;
  const invited = survey.invitations ?? 0;
  const byKey = new Map(survey.questions.map((q) => [q.key, q]));
  return (
    <Stack gap="lg">
      <Card>
        <SimpleGrid cols={{ base: 2, sm: 3 }}>
          <Stat label={t('surveys.invitations')} value={formatNumber(invited, lang)} />
          <Stat label={t('surveys.responses')} value={formatNumber(data.responses, lang)} />
          <Stat
            label={t('surveys.responseRate')}
            value={invited ? formatPercent(data.responses / invited, lang) : '—'}
          />
        </SimpleGrid>
      </Card>
      {survey.currentVersion > 1 && (
        <Alert color="blue" variant="light">
          {t('surveys.resultsVersionHint', { version: survey.currentVersion })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        {data.questions.map((s, i) => (
          <QuestionSummaryCard key={s.key} s={s} question={byKey.get(s.key)} n={i + 1} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
