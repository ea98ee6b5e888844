import { Box, Card, Group, SegmentedControl, Text } from '@mantine/core';
import { type Language, languages } from '@relata/domain';
import { useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { RespondForm } from '../survey-response/respond-form.tsx';
import { previewQuestions, type SurveyDraft } from './survey-draft.ts';

/**
 * The respondent's page as it will look, live while editing: in any of the languages (with its
 * translations and the page's own words), on a phone-sized sheet. Nothing is sent from it.
 */
export function SurveyPreview({ draft }: { draft: SurveyDraft }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<Language>(draft.language);
  const scoped = useMemo(() => {
    const clone = i18n.cloneInstance({ lng: language });
    void clone.changeLanguage(language);
    return clone;
  }, [i18n, language]);
  const questions = previewQuestions(draft, language);
  return (
    <Card
      p="md"
      style={{ position: 'sticky', top: 76 }}
      component="section"
      aria-label={t('surveys.preview')}
    >
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Text fw={600} size="sm">
          {t('surveys.preview')}
        </Text>
        <SegmentedControl
          size="xs"
          aria-label={t('surveys.previewLanguage')}
          value={language}
          onChange={(v) => setLanguage(v as Language)}
          data={languages.map((l) => ({ value: l, label: l.toUpperCase() }))}
        />
      </Group>
      <Box
        mx="auto"
        style={{
          width: '100%',
          maxWidth: 390,
          maxHeight: 'calc(100vh - 200px)',
          overflowY: 'auto',
          borderRadius: 24,
          border: '8px solid var(--mantine-color-dark-7)',
          background: 'var(--relata-bg)',
          padding: 12,
        }}
      >
        <I18nextProvider i18n={scoped}>
          <RespondForm
            key={language}
            name={draft.names[language]?.trim() || draft.name || t('surveys.untitled')}
            description={draft.descriptions[language]?.trim() || draft.description}
            questions={questions}
            initial={{}}
            headingOrder={2}
            submitLabel={scoped.t('respond.submit')}
          />
        </I18nextProvider>
      </Box>
      <Text size="xs" c="dimmed" ta="center" mt="xs">
        {t('surveys.previewHint')}
      </Text>
    </Card>
  );
}
