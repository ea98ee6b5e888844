import { Checkbox, Group, NumberInput, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { AnswerValue } from '@relata/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './respond.module.css';
import type { PublicQuestion } from './respond-api.ts';
import { NpsScale, RatingStars } from './score-inputs.tsx';

type Props = {
  question: PublicQuestion;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  /** A translated message under the question. */
  error?: string | undefined;
};

/** One question of the response page, in the input that fits its type. */
export function QuestionField({ question: q, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const labelId = `${id}-label`;
  const errorId = `${id}-error`;
  const label = (
    <>
      {q.text}
      {q.required && (
        <Text span c="red" ml={4} aria-label={t('respond.required')}>
          *
        </Text>
      )}
    </>
  );
  const message = error && (
    <Text id={errorId} c="red" size="sm" mt={8} role="alert">
      {error}
    </Text>
  );
  const num = typeof value === 'number' ? value : undefined;
  const str = typeof value === 'string' ? value : '';
  const list = Array.isArray(value) ? value : [];

  switch (q.type) {
    case 'nps':
    case 'rating':
      return (
        <fieldset className={classes.question} aria-describedby={error ? errorId : undefined}>
          <legend id={labelId} className={classes.legend}>
            {label}
          </legend>
          {q.type === 'nps' ? (
            <NpsScale value={num} onChange={onChange} />
          ) : (
            <RatingStars value={num} onChange={onChange} />
          )}
          {message}
        </fieldset>
      );
    case 'single_choice':
      return (
        <fieldset className={classes.question}>
          <legend id={labelId} className={classes.legend}>
            {label}
          </legend>
          <Radio.Group
            value={str || null}
            onChange={(v) => onChange(v || undefined)}
            aria-labelledby={labelId}
          >
            <Stack gap={8}>
              {(q.options ?? []).map((o) => (
                <Radio.Card key={o.value} value={o.value} p="md" radius="md" aria-label={o.label}>
                  <Group wrap="nowrap" gap="md">
                    <Radio.Indicator />
                    <Text size="md">{o.label}</Text>
                  </Group>
                </Radio.Card>
              ))}
            </Stack>
          </Radio.Group>
          {message}
        </fieldset>
      );
    case 'multiple_choice':
      return (
        <fieldset className={classes.question}>
          <legend id={labelId} className={classes.legend}>
            {label}
          </legend>
          <Checkbox.Group
            value={list}
            onChange={(v) => onChange(v.length ? v : undefined)}
            aria-labelledby={labelId}
          >
            <Stack gap={8}>
              {(q.options ?? []).map((o) => (
                <Checkbox.Card key={o.value} value={o.value} p="md" radius="md" aria-label={o.label}>
                  <Group wrap="nowrap" gap="md">
                    <Checkbox.Indicator />
                    <Text size="md">{o.label}</Text>
                  </Group>
                </Checkbox.Card>
              ))}
            </Stack>
          </Checkbox.Group>
          {message}
        </fieldset>
      );
    case 'text':
      return (
        <Textarea
          label={label}
          labelProps={{ className: classes.legend }}
          size="md"
          autosize
          minRows={3}
          maxRows={10}
          maxLength={5000}
          value={str}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
          error={error}
        />
      );
    case 'date':
      return (
        <TextInput
          label={label}
          labelProps={{ className: classes.legend }}
          size="md"
          type="date"
          value={str}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
          error={error}
          maw={260}
        />
      );
    case 'number':
      return (
        <NumberInput
          label={label}
          labelProps={{ className: classes.legend }}
          size="md"
          inputMode="decimal"
          value={num ?? ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
          error={error}
          maw={260}
        />
      );
  }
}
