import { Badge, Blockquote, Card, Group, Progress, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { npsCategory, type SurveyQuestion } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, formatPercent } from '../../lib/format.ts';
import { BarChart } from '../../ui/charts/bar-chart.tsx';
import { Stat } from '../../ui/stat.tsx';
import { formatNps, npsFill, npsScoreColor } from '../nps/nps-badge.tsx';
import { NpsSplit } from '../nps/nps-split.tsx';
import { answerText } from './responses-table.tsx';
import type { QuestionSummary } from './surveys-api.ts';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function ScoreBars({ s, from, to }: { s: QuestionSummary; from: number; to: number }) {
  const { t, i18n } = useTranslation();
  return (
    <BarChart
      label={t('surveys.chartLabel', { question: s.text })}
      height={180}
      integer
      bars={range(from, to).map((n) => ({
        key: String(n),
        label: String(n),
        value: s.counts[String(n)] ?? 0,
        color: s.type === 'nps' ? npsFill[npsCategory(n)] : undefined,
        title: t('surveys.barTitle', { value: n, count: s.counts[String(n)] ?? 0 }),
      }))}
      formatValue={(v) => formatNumber(v, i18n.language)}
    />
  );
}

/** Answers per option, in the question's order (values of earlier versions after them). */
function ChoiceBars({ s, question }: { s: QuestionSummary; question: SurveyQuestion | undefined }) {
  const { i18n } = useTranslation();
  const values = [
    ...(question?.options ?? []).map((o) => o.value),
    ...Object.keys(s.counts).filter((v) => !question?.options?.some((o) => o.value === v)),
  ];
  const max = Math.max(1, ...Object.values(s.counts));
  return (
    <Stack gap={8} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {values.map((v) => {
        const n = s.counts[v] ?? 0;
        return (
          <li key={v}>
            <Group justify="space-between" gap="xs" mb={2} wrap="nowrap">
              <Text size="sm" truncate>
                {answerText(question, v)}
              </Text>
              <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                <strong>{formatNumber(n, i18n.language)}</strong>{' '}
                <Text span size="xs" c="dimmed">
                  {s.answered ? formatPercent(n / s.answered, i18n.language) : ''}
                </Text>
              </Text>
            </Group>
            <Progress value={(n / max) * 100} size="md" color="brand" aria-hidden />
          </li>
        );
      })}
    </Stack>
  );
}

function Body({ s, question }: { s: QuestionSummary; question: SurveyQuestion | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const numbers = Object.keys(s.counts).map(Number).filter(Number.isFinite);
  switch (s.type) {
    case 'nps':
      return (
        <Stack gap="sm">
          <Group gap="xl" align="flex-end">
            <Stat
              label={t('nps.short')}
              value={
                <Text span inherit c={`${npsScoreColor(s.nps?.score ?? null)}.7`}>
                  {s.nps?.score == null ? '—' : formatNps(s.nps.score, lang)}
                </Text>
              }
            />
            {s.mean !== null && <Stat label={t('surveys.mean')} value={formatNumber(s.mean, lang, 1)} />}
          </Group>
          {s.nps && <NpsSplit tally={s.nps} />}
          <ScoreBars s={s} from={0} to={10} />
        </Stack>
      );
    case 'rating':
      return (
        <Stack gap="sm">
          <Stat
            label={t('surveys.mean')}
            value={s.mean === null ? '—' : `${formatNumber(s.mean, lang, 1)} ★`}
          />
          <ScoreBars s={s} from={1} to={5} />
        </Stack>
      );
    case 'single_choice':
    case 'multiple_choice':
      return <ChoiceBars s={s} question={question} />;
    case 'number':
      return (
        <SimpleGrid cols={3}>
          <Stat label={t('surveys.mean')} value={s.mean === null ? '—' : formatNumber(s.mean, lang, 2)} />
          <Stat
            label={t('surveys.min')}
            value={numbers.length ? formatNumber(Math.min(...numbers), lang, 2) : '—'}
          />
          <Stat
            label={t('surveys.max')}
            value={numbers.length ? formatNumber(Math.max(...numbers), lang, 2) : '—'}
          />
        </SimpleGrid>
      );
    case 'date': {
      const dates = Object.keys(s.counts).sort();
      return (
        <SimpleGrid cols={2}>
          <Stat label={t('surveys.earliest')} value={dates[0] ? formatDate(dates[0], lang) : '—'} />
          <Stat
            label={t('surveys.latest')}
            value={dates.length ? formatDate(dates[dates.length - 1], lang) : '—'}
          />
        </SimpleGrid>
      );
    }
    case 'text':
      return (s.samples ?? []).length ? (
        <ScrollArea.Autosize mah={320} type="auto">
          <Stack gap={6} pr="xs">
            {(s.samples ?? []).map((v, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: samples may repeat and have no id
              <Blockquote key={i} p="xs" pl="md" color="gray" fz="sm" style={{ whiteSpace: 'pre-line' }}>
                {String(v)}
              </Blockquote>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      ) : (
        <Text size="sm" c="dimmed">
          {t('surveys.noAnswers')}
        </Text>
      );
  }
}

/** One question's results: bars for scores and choices, the NPS, means and text samples. */
export function QuestionSummaryCard({
  s,
  question,
  n,
}: {
  s: QuestionSummary;
  question: SurveyQuestion | undefined;
  n: number;
}) {
  const { t } = useTranslation();
  return (
    <Card component="section" aria-label={s.text} h="100%">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={600} size="sm">
            {n}. {s.text}
          </Text>
          <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
            {t(`surveys.types.${s.type}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('surveys.answeredCount', { count: s.answered })}
        </Text>
        {s.answered > 0 ? (
          <Body s={s} question={question} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('surveys.noAnswers')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
