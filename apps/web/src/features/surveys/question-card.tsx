import {
  ActionIcon,
  Badge,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { type Language, type QuestionType, questionTypes } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { languageNames } from '../../i18n/index.ts';
import { IconTrash } from '../../ui/icons.tsx';
import { IconArrowDown, IconArrowUp } from '../../ui/icons-commerce.tsx';
import type { CustomField } from '../custom-fields/custom-fields-api.ts';
import { MapsToEditor, OptionsEditor, TranslationsEditor } from './question-parts.tsx';
import { isChoice, newOption, type QuestionDraft, toKey } from './survey-draft.ts';

type Props = {
  question: QuestionDraft;
  index: number;
  count: number;
  language: Language;
  /** Messages of this question, by path inside it (`key`, `options.1.label`…). */
  errors: Record<string, string>;
  customFields: readonly CustomField[];
  onChange: (q: QuestionDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

/** One question of the builder: type, text, key, required, options, translations, where to store it. */
export function QuestionCard({
  question: q,
  index,
  count,
  language,
  errors,
  customFields,
  onChange,
  onMove,
  onRemove,
}: Props) {
  const { t } = useTranslation();
  const n = index + 1;
  const setType = (type: QuestionType) => {
    const options =
      isChoice(type) && q.options.length === 0 ? [newOption('', 0), newOption('', 1)] : q.options;
    // A mapping to a custom field of another kind would not fit the new answers.
    const mapsTo = q.mapsTo?.startsWith('custom.') ? null : q.mapsTo;
    onChange({ ...q, type, options, mapsTo });
  };
  const setKey = (key: string, edited: boolean) =>
    onChange({
      ...q,
      key,
      keyEdited: edited,
      mapsTo: q.mapsTo === `fact.${q.key}` ? `fact.${key}` : q.mapsTo,
    });

  return (
    <Card component="section" aria-label={t('surveys.questionN', { n })} p="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Badge variant="light" color="brand" size="lg" circle>
              {n}
            </Badge>
            <Select
              size="sm"
              w={200}
              aria-label={t('surveys.questionType', { n })}
              data={questionTypes.map((v) => ({ value: v, label: t(`surveys.types.${v}`) }))}
              value={q.type}
              allowDeselect={false}
              onChange={(v) => v && setType(v as QuestionType)}
            />
          </Group>
          <Group gap={2} wrap="nowrap">
            <Tooltip label={t('surveys.moveUp')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('surveys.moveUpN', { n })}
                disabled={index === 0}
                onClick={() => onMove(-1)}
              >
                <IconArrowUp size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('surveys.moveDown')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('surveys.moveDownN', { n })}
                disabled={index === count - 1}
                onClick={() => onMove(1)}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('surveys.removeQuestion')}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('surveys.removeQuestionN', { n })}
                disabled={count <= 1}
                onClick={onRemove}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        <TextInput
          label={t('surveys.questionText', { language: languageNames[language] })}
          placeholder={q.type === 'nps' ? t('surveys.npsPlaceholder') : undefined}
          value={q.text}
          error={errors.text}
          withAsterisk
          onChange={(e) => {
            const text = e.currentTarget.value;
            if (q.keyEdited) onChange({ ...q, text });
            else {
              const key = toKey(text, q.key);
              onChange({ ...q, text, key, mapsTo: q.mapsTo === `fact.${q.key}` ? `fact.${key}` : q.mapsTo });
            }
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            size="sm"
            label={t('surveys.key')}
            description={t('surveys.keyHint')}
            value={q.key}
            error={errors.key}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            onChange={(e) => setKey(e.currentTarget.value, true)}
          />
          <Switch
            mt={{ base: 0, sm: 30 }}
            label={t('surveys.required')}
            checked={q.required}
            onChange={(e) => onChange({ ...q, required: e.currentTarget.checked })}
          />
        </SimpleGrid>
        {isChoice(q.type) && (
          <OptionsEditor
            options={q.options}
            errors={errors}
            onChange={(options) => onChange({ ...q, options })}
          />
        )}
        <MapsToEditor
          question={q}
          customFields={customFields}
          error={errors.mapsTo}
          onChange={(mapsTo) => onChange({ ...q, mapsTo })}
        />
        <TranslationsEditor
          question={q}
          language={language}
          onChange={(patch) => onChange({ ...q, ...patch })}
        />
      </Stack>
    </Card>
  );
}
