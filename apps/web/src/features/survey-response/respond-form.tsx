import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import type { AnswerValue } from '@relata/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { QuestionField } from './question-field.tsx';
import classes from './respond.module.css';
import type { Answers, PublicQuestion } from './respond-api.ts';

const empty = (v: AnswerValue | undefined) =>
  v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

type Props = {
  name: string;
  description: string;
  questions: PublicQuestion[];
  initial: Answers;
  /** When the respondent answered before: shown above the questions. */
  submittedAt?: string | null;
  /** Messages by question key, e.g. from the server. */
  errors?: Record<string, string>;
  submitting?: boolean;
  /** Omitted in the builder's preview, where nothing is sent. */
  onSubmit?: (answers: Answers) => void;
  submitLabel: string;
  /** The survey name is the page's h1 on the response page, a lower heading in the preview. */
  headingOrder?: 1 | 2;
};

/** The questions of a survey as a respondent answers them (also the builder's live preview). */
export function RespondForm(props: Props) {
  const { t, i18n } = useTranslation();
  const [answers, setAnswers] = useState<Answers>(props.initial);
  const [missing, setMissing] = useState<Record<string, string>>({});
  // A server message goes away once its answer is changed, until the next submit.
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const server = Object.fromEntries(Object.entries(props.errors ?? {}).filter(([k]) => !changed.has(k)));
  const errors = { ...server, ...missing };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!props.onSubmit) return;
    const required = Object.fromEntries(
      props.questions
        .filter((q) => q.required && empty(answers[q.key]))
        .map((q) => [q.key, t('respond.errors.required')]),
    );
    setMissing(required);
    setChanged(new Set());
    const first = Object.keys(required)[0];
    if (first) {
      document.getElementById(`question-${first}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    props.onSubmit(answers);
  };

  return (
    <form onSubmit={submit} noValidate className={classes.form}>
      <Stack gap="md">
        <div>
          <Title
            order={props.headingOrder ?? 1}
            fz={{ base: 24, sm: 28 }}
            style={{ letterSpacing: '-0.02em' }}
          >
            {props.name}
          </Title>
          {props.description && (
            <Text c="dimmed" mt={6} style={{ whiteSpace: 'pre-line' }}>
              {props.description}
            </Text>
          )}
        </div>
        {props.submittedAt && (
          <Alert color="brand" variant="light">
            {t('respond.answeredBefore', { date: formatDateTime(props.submittedAt, i18n.language) })}
          </Alert>
        )}
        {props.questions.map((q) => (
          <Card key={q.key} id={`question-${q.key}`} p={{ base: 'md', sm: 'lg' }}>
            <QuestionField
              question={q}
              value={answers[q.key]}
              error={errors[q.key] || undefined}
              onChange={(v) => {
                setAnswers((a) => ({ ...a, [q.key]: v }));
                setMissing(({ [q.key]: _, ...rest }) => rest);
                setChanged((c) => new Set(c).add(q.key));
              }}
            />
          </Card>
        ))}
        <Button
          type="submit"
          size="lg"
          fullWidth
          loading={props.submitting}
          disabled={!props.onSubmit}
          style={{ minHeight: 52 }}
        >
          {props.submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
