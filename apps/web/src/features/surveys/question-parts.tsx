import {
  ActionIcon,
  Button,
  Collapse,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { type Language, languages } from '@relata/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageNames } from '../../i18n/index.ts';
import { IconChevronDown, IconChevronUp, IconPlus, IconTrash } from '../../ui/icons.tsx';
import type { CustomField } from '../custom-fields/custom-fields-api.ts';
import {
  mappableFieldTypes,
  newOption,
  type OptionDraft,
  type QuestionDraft,
  toKey,
} from './survey-draft.ts';

type Errors = Record<string, string>;

/** The answers of a choice question: a label each, and the stored value (derived from the label). */
export function OptionsEditor({
  options,
  errors,
  onChange,
}: {
  options: OptionDraft[];
  errors: Errors;
  onChange: (options: OptionDraft[]) => void;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<OptionDraft>) =>
    onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('surveys.options')}
      </Text>
      {errors.options && (
        <Text size="xs" c="red">
          {errors.options}
        </Text>
      )}
      {options.map((o, i) => (
        <Group key={o.id} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            flex={1}
            size="sm"
            aria-label={t('surveys.optionLabel', { n: i + 1 })}
            placeholder={t('surveys.optionLabel', { n: i + 1 })}
            value={o.label}
            error={errors[`options.${i}.label`]}
            onChange={(e) => {
              const label = e.currentTarget.value;
              set(i, o.valueEdited ? { label } : { label, value: toKey(label, `option_${i + 1}`) });
            }}
          />
          <TextInput
            w={150}
            size="sm"
            aria-label={t('surveys.optionValue', { n: i + 1 })}
            placeholder={t('surveys.optionValueHint')}
            value={o.value}
            error={errors[`options.${i}.value`]}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            onChange={(e) => set(i, { value: e.currentTarget.value, valueEdited: true })}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            mt={4}
            aria-label={t('surveys.removeOption', { n: i + 1 })}
            disabled={options.length <= 1}
            onClick={() => onChange(options.filter((_, j) => j !== i))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        w="fit-content"
        leftSection={<IconPlus size={14} />}
        onClick={() => onChange([...options, newOption('', options.length)])}
      >
        {t('surveys.addOption')}
      </Button>
    </Stack>
  );
}

/**
 * The question's text and its options' labels in the other languages; respondents see their own
 * language where it is filled in, the default text elsewhere.
 */
export function TranslationsEditor({
  question,
  language,
  onChange,
}: {
  question: QuestionDraft;
  language: Language;
  onChange: (patch: Pick<QuestionDraft, 'texts' | 'options'>) => void;
}) {
  const { t } = useTranslation();
  const others = languages.filter((l) => l !== language);
  const filled = others.filter((l) => question.texts[l]?.trim()).length;
  const [open, setOpen] = useState(filled > 0);
  const setLabel = (i: number, l: Language, label: string) =>
    onChange({
      texts: question.texts,
      options: question.options.map((o, j) => (j === i ? { ...o, labels: { ...o.labels, [l]: label } } : o)),
    });
  return (
    <div>
      <UnstyledButton onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        <Group gap={4}>
          {open ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
          <Text size="sm" c="brand.7" fw={500}>
            {t('surveys.translations', { filled, total: others.length })}
          </Text>
        </Group>
      </UnstyledButton>
      <Collapse expanded={open}>
        {open && (
          <Stack gap="sm" mt={6}>
            {others.map((l) => (
              <Stack key={l} gap={4}>
                <TextInput
                  size="sm"
                  label={t('surveys.textIn', { language: languageNames[l] })}
                  value={question.texts[l] ?? ''}
                  onChange={(e) =>
                    onChange({
                      texts: { ...question.texts, [l]: e.currentTarget.value },
                      options: question.options,
                    })
                  }
                />
                {question.options.map((o, i) => (
                  <TextInput
                    key={o.id}
                    size="xs"
                    ml="md"
                    aria-label={t('surveys.optionIn', { n: i + 1, language: languageNames[l] })}
                    placeholder={o.label || t('surveys.optionLabel', { n: i + 1 })}
                    leftSection={
                      <Text size="xs" c="dimmed">
                        {i + 1}
                      </Text>
                    }
                    value={o.labels[l] ?? ''}
                    onChange={(e) => setLabel(i, l, e.currentTarget.value)}
                  />
                ))}
              </Stack>
            ))}
          </Stack>
        )}
      </Collapse>
    </div>
  );
}

/** The survey's name and introduction in the other languages, like the questions' translations. */
export function SurveyTextsEditor({
  names,
  descriptions,
  language,
  disabled,
  onChange,
}: {
  names: Partial<Record<Language, string>>;
  descriptions: Partial<Record<Language, string>>;
  language: Language;
  disabled: boolean;
  onChange: (patch: { names?: typeof names; descriptions?: typeof descriptions }) => void;
}) {
  const { t } = useTranslation();
  const others = languages.filter((l) => l !== language);
  const filled = others.filter((l) => names[l]?.trim()).length;
  const [open, setOpen] = useState(filled > 0);
  return (
    <div>
      <UnstyledButton onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        <Group gap={4}>
          {open ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
          <Text size="sm" c="brand.7" fw={500}>
            {t('surveys.nameTranslations', { filled, total: others.length })}
          </Text>
        </Group>
      </UnstyledButton>
      <Collapse expanded={open}>
        {/* Mounted only while open: hidden "Name in …" fields would answer to "Name" too. */}
        {open && (
          <Stack gap="sm" mt={6}>
            {others.map((l) => (
              <Group key={l} grow align="flex-start" gap="xs">
                <TextInput
                  size="sm"
                  label={t('surveys.nameIn', { language: languageNames[l] })}
                  value={names[l] ?? ''}
                  disabled={disabled}
                  onChange={(e) => onChange({ names: { ...names, [l]: e.currentTarget.value } })}
                />
                <Textarea
                  size="sm"
                  autosize
                  minRows={1}
                  label={t('surveys.introIn', { language: languageNames[l] })}
                  value={descriptions[l] ?? ''}
                  disabled={disabled}
                  onChange={(e) =>
                    onChange({ descriptions: { ...descriptions, [l]: e.currentTarget.value } })
                  }
                />
              </Group>
            ))}
          </Stack>
        )}
      </Collapse>
    </div>
  );
}

/** "Store the answer as…": nothing, a fact on the profile, or a custom field of the contact. */
export function MapsToEditor({
  question,
  customFields,
  error,
  onChange,
}: {
  question: QuestionDraft;
  customFields: readonly CustomField[];
  error?: string | undefined;
  onChange: (mapsTo: string | null) => void;
}) {
  const { t } = useTranslation();
  const mapsTo = question.mapsTo;
  const kind = !mapsTo ? 'none' : mapsTo.startsWith('fact.') ? 'fact' : mapsTo;
  const fitting = customFields.filter(
    (f) => mappableFieldTypes[question.type].includes(f.type) || `custom.${f.key}` === mapsTo,
  );
  const data = [
    { value: 'none', label: t('surveys.storeNone') },
    { value: 'fact', label: t('surveys.storeFact') },
    ...(fitting.length
      ? [
          {
            group: t('surveys.storeCustomGroup'),
            items: fitting.map((f) => ({
              value: `custom.${f.key}`,
              label: `${f.label} (${t(`customFields.types.${f.type}`)})`,
            })),
          },
        ]
      : []),
  ];
  return (
    <Stack gap={6}>
      <Select
        size="sm"
        label={t('surveys.storeAs')}
        data={data}
        value={kind}
        allowDeselect={false}
        error={error}
        onChange={(v) => {
          if (!v || v === 'none') onChange(null);
          else if (v === 'fact') onChange(`fact.${question.key}`);
          else onChange(String(v));
        }}
        description={question.type === 'nps' ? t('surveys.npsAlwaysFact') : undefined}
      />
      {kind === 'fact' && (
        <TextInput
          size="sm"
          label={t('surveys.factKey')}
          leftSection={
            <Text size="sm" c="dimmed" pl={6}>
              fact.
            </Text>
          }
          leftSectionWidth={44}
          value={mapsTo?.slice(5) ?? ''}
          onChange={(e) => onChange(`fact.${e.currentTarget.value}`)}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
        />
      )}
    </Stack>
  );
}
