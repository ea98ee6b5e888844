import { Button, Card, Center, EmptyState, Group, Loader, Stack, Text } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { BrandMark } from '../../ui/brand-mark.tsx';
import { IconAlert, IconCheck } from '../../ui/icons.tsx';
import { IconClock } from '../../ui/icons-activity.tsx';
import classes from './respond.module.css';
import { answerErrors, type PublicSurvey, usePublicSurvey, useSubmitAnswers } from './respond-api.ts';
import { RespondForm } from './respond-form.tsx';

type Problem = 'expired' | 'unknown' | 'closed' | 'generic';

function problemOf(e: unknown): Problem {
  if (!isApiError(e)) return 'generic';
  if (e.status === 410) return 'expired';
  if (e.status === 404) return 'unknown';
  if (e.status === 409) return 'closed';
  return 'generic';
}

function Notice({ kind, children }: { kind: Problem | 'thanks'; children?: ReactNode }) {
  const { t } = useTranslation();
  const icon =
    kind === 'thanks' ? (
      <IconCheck size={28} />
    ) : kind === 'expired' ? (
      <IconClock size={28} />
    ) : (
      <IconAlert size={28} />
    );
  return (
    <Card p="xl" role={kind === 'thanks' ? 'status' : 'alert'}>
      <EmptyState
        icon={icon}
        withIndicatorBackground
        title={t(`respond.${kind}.title`)}
        description={t(`respond.${kind}.text`)}
      >
        {children && <EmptyState.Actions>{children}</EmptyState.Actions>}
      </EmptyState>
    </Card>
  );
}

/** Shows the survey in the language the API chose for the respondent (not stored as a preference). */
function useSurveyLanguage(data: PublicSurvey | undefined) {
  const { i18n } = useTranslation();
  const language = data?.survey.language;
  useEffect(() => {
    if (!language) return;
    document.documentElement.lang = language;
    void i18n.changeLanguage(language);
  }, [language, i18n]);
  useEffect(() => {
    if (data?.survey.name) document.title = data.survey.name;
  }, [data?.survey.name]);
}

function Answering({ token, data }: { token: string; data: PublicSurvey }) {
  const { t } = useTranslation();
  const submit = useSubmitAnswers(token);
  const [thanked, setThanked] = useState(false);
  const problem = submit.isError ? problemOf(submit.error) : null;
  const fieldErrors = submit.isError ? answerErrors(submit.error) : {};
  const messages = Object.fromEntries(
    Object.entries(fieldErrors).map(([k, code]) => [
      k,
      code === 'required' ? t('respond.errors.required') : t('respond.errors.invalid'),
    ]),
  );

  if (data.closed || problem === 'closed') return <Notice kind="closed" />;
  if (problem === 'expired' || problem === 'unknown') return <Notice kind={problem} />;
  if (thanked)
    return (
      <Notice kind="thanks">
        <Button variant="default" size="md" onClick={() => setThanked(false)}>
          {t('respond.edit')}
        </Button>
      </Notice>
    );
  return (
    <Stack gap="md">
      {problem === 'generic' && !Object.keys(fieldErrors).length && (
        <Text c="red" role="alert">
          {t('respond.generic.text')}
        </Text>
      )}
      <RespondForm
        key={data.submittedAt ?? 'new'}
        name={data.survey.name}
        description={data.survey.description}
        questions={data.questions}
        initial={data.answers}
        submittedAt={data.submittedAt}
        errors={messages}
        submitting={submit.isPending}
        submitLabel={data.submittedAt ? t('respond.update') : t('respond.submit')}
        onSubmit={(answers) =>
          submit.mutate(answers, {
            onSuccess: () => {
              setThanked(true);
              window.scrollTo({ top: 0 });
            },
          })
        }
      />
    </Stack>
  );
}

/** The public page behind a personal survey link: no sign-in, the signed link is the key. */
export function RespondView({ token }: { token: string }) {
  const { t } = useTranslation();
  const query = usePublicSurvey(token);
  useSurveyLanguage(query.data);
  return (
    <main className={classes.page}>
      <div className={classes.sheet}>
        {query.isPending ? (
          <Center py={80}>
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : query.isError ? (
          <Notice kind={problemOf(query.error)} />
        ) : (
          <Answering token={token} data={query.data} />
        )}
        <Group justify="center" mt="xl" gap={6} c="dimmed">
          <BrandMark size={18} />
          <Text size="xs" c="dimmed">
            {t('respond.poweredBy')}
          </Text>
        </Group>
      </div>
    </main>
  );
}
