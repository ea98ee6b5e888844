import {
  Alert,
  Button,
  Card,
  Grid,
  Group,
  Menu,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type Language,
  languages,
  type QuestionType,
  questionTypes,
  surveyCreateSchema,
} from '@relata/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, languageNames } from '../../i18n/index.ts';
import { useFormErrors } from '../../lib/use-form.ts';
import { IconPlus } from '../../ui/icons.tsx';
import { useCustomFields } from '../custom-fields/custom-fields-api.ts';
import { QuestionCard } from './question-card.tsx';
import { SurveyTextsEditor } from './question-parts.tsx';
import {
  draftOf,
  emptyDraft,
  newQuestion,
  type QuestionDraft,
  questionsChanged,
  type SurveyDraft,
  toPayload,
} from './survey-draft.ts';
import { SurveyPreview } from './survey-preview.tsx';
import { type Survey, useSurveyMutations } from './surveys-api.ts';

/** The messages of question `i`, by path inside the question. */
function questionErrors(errors: Record<string, string>, i: number): Record<string, string> {
  const prefix = `questions.${i}.`;
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([k, v]) => k.startsWith(prefix) && v)
      .map(([k, v]) => [k.slice(prefix.length), v]),
  );
}

type Props = {
  /** Null for a new survey. */
  survey: Survey | null;
  /** Whether invitations went out with the current question version. */
  sent: boolean;
  readOnly: boolean;
  onCreated?: (s: Survey) => void;
};

/** Name, language, link validity and the ordered questions, beside a live preview of the response page. */
export function SurveyEditor({ survey, sent, readOnly, onCreated }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SurveyDraft>(() =>
    survey ? draftOf(survey) : emptyDraft(currentLanguage(), t('surveys.npsPlaceholder')),
  );
  const form = useFormErrors();
  const { create, update } = useSurveyMutations();
  const customFields = useCustomFields('contact');
  const saved = useMemo(() => (survey ? JSON.stringify(toPayload(draftOf(survey))) : null), [survey]);
  const dirty = saved === null || JSON.stringify(toPayload(draft)) !== saved;
  const changedQuestions = survey ? questionsChanged(draft, survey) : true;
  const newVersion = Boolean(survey && sent && changedQuestions);

  const set = <K extends keyof SurveyDraft>(key: K, value: SurveyDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    form.clear(key);
  };
  const setQuestion = (i: number, q: QuestionDraft) =>
    setDraft((d) => ({ ...d, questions: d.questions.map((x, j) => (j === i ? q : x)) }));
  const move = (i: number, by: -1 | 1) =>
    setDraft((d) => {
      const qs = [...d.questions];
      const [q] = qs.splice(i, 1);
      if (q) qs.splice(i + by, 0, q);
      return { ...d, questions: qs };
    });
  const add = (type: QuestionType) =>
    setDraft((d) => ({
      ...d,
      questions: [...d.questions, newQuestion(type, new Set(d.questions.map((q) => q.key)))],
    }));

  const save = () => {
    const payload = form.parse(surveyCreateSchema, toPayload(draft));
    if (!payload) return;
    if (!survey) {
      create.mutate(payload, {
        onSuccess: (s) => {
          notifications.show({ color: 'teal', message: t('surveys.created', { name: s.name }) });
          onCreated?.(s);
        },
        onError: form.showServerError,
      });
      return;
    }
    // Unchanged questions are not sent: sending them again would make a new version of a sent survey.
    const { questions, ...rest } = payload;
    update.mutate(
      { survey, patch: changedQuestions ? { ...rest, questions } : rest },
      {
        onSuccess: (s) => {
          setDraft(draftOf(s));
          notifications.show({
            color: 'teal',
            message:
              s.currentVersion > survey.currentVersion
                ? t('surveys.savedVersion', { version: s.currentVersion })
                : t('surveys.saved'),
          });
        },
        onError: form.showServerError,
      },
    );
  };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="md">
          {survey && sent && (
            <Alert
              color={newVersion ? 'orange' : 'blue'}
              title={
                newVersion
                  ? t('surveys.newVersionTitle', { version: survey.currentVersion + 1 })
                  : t('surveys.sentTitle')
              }
            >
              {newVersion
                ? t('surveys.newVersionText', { version: survey.currentVersion })
                : t('surveys.sentText', { version: survey.currentVersion })}
            </Alert>
          )}
          <Card component="section" aria-label={t('surveys.settings')}>
            <Stack gap="sm">
              <TextInput
                label={t('fields.name')}
                withAsterisk
                value={draft.name}
                error={form.errors.name}
                onChange={(e) => set('name', e.currentTarget.value)}
                disabled={readOnly}
              />
              <Textarea
                label={t('surveys.intro')}
                description={t('surveys.introHint')}
                autosize
                minRows={2}
                value={draft.description}
                error={form.errors.description}
                onChange={(e) => set('description', e.currentTarget.value)}
                disabled={readOnly}
              />
              <SurveyTextsEditor
                names={draft.names}
                descriptions={draft.descriptions}
                language={draft.language}
                disabled={readOnly}
                onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
              />
              <Group grow align="flex-start">
                <Select
                  label={t('surveys.language')}
                  description={t('surveys.languageHint')}
                  data={languages.map((l) => ({ value: l, label: languageNames[l] }))}
                  value={draft.language}
                  allowDeselect={false}
                  onChange={(v) => v && set('language', v as Language)}
                  disabled={readOnly}
                />
                <NumberInput
                  label={t('surveys.linkDays')}
                  description={t('surveys.linkDaysHint')}
                  min={1}
                  max={365}
                  allowDecimal={false}
                  value={draft.linkDays}
                  error={form.errors.linkDays}
                  onChange={(v) => set('linkDays', typeof v === 'number' ? v : 30)}
                  disabled={readOnly}
                />
              </Group>
            </Stack>
          </Card>
          {form.errors.questions && (
            <Text c="red" size="sm">
              {form.errors.questions}
            </Text>
          )}
          <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="md">
              {draft.questions.map((q, i) => (
                <QuestionCard
                  key={q.id}
                  question={q}
                  index={i}
                  count={draft.questions.length}
                  language={draft.language}
                  errors={questionErrors(form.errors, i)}
                  customFields={customFields.data ?? []}
                  onChange={(next) => setQuestion(i, next)}
                  onMove={(by) => move(i, by)}
                  onRemove={() =>
                    setDraft((d) => ({ ...d, questions: d.questions.filter((_, j) => j !== i) }))
                  }
                />
              ))}
            </Stack>
          </fieldset>
          {!readOnly && (
            <Group justify="space-between">
              <Menu position="bottom-start">
                <Menu.Target>
                  <Button variant="default" leftSection={<IconPlus size={16} />}>
                    {t('surveys.addQuestion')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {questionTypes.map((type) => (
                    <Menu.Item key={type} onClick={() => add(type)}>
                      {t(`surveys.types.${type}`)}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
              <Group gap="sm">
                {survey && dirty && (
                  <Button
                    variant="subtle"
                    color="gray"
                    onClick={() => {
                      setDraft(draftOf(survey));
                      form.reset();
                    }}
                  >
                    {t('surveys.discard')}
                  </Button>
                )}
                <Button onClick={save} loading={create.isPending || update.isPending} disabled={!dirty}>
                  {!survey
                    ? t('surveys.create')
                    : newVersion
                      ? t('surveys.saveVersion', { version: survey.currentVersion + 1 })
                      : t('common.save')}
                </Button>
              </Group>
            </Group>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <SurveyPreview draft={draft} />
      </Grid.Col>
    </Grid>
  );
}
