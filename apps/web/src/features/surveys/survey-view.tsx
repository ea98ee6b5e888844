import { ActionIcon, Badge, Button, Center, Group, Loader, Menu, Stack, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatNumber } from '../../lib/format.ts';
import { ConfirmMutationDialog } from '../../ui/confirm-dialog.tsx';
import { IconArrowLeft, IconTrash } from '../../ui/icons.tsx';
import { IconSend } from '../../ui/icons-activity.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { AnchorLink } from '../../ui/router-links.tsx';
import { useCan } from '../auth/auth-api.ts';
import { RecordMissing } from '../records/record-missing.tsx';
import { InvitationsTable } from './invitations-table.tsx';
import { InviteModal } from './invite-modal.tsx';
import { ResponsesTable } from './responses-table.tsx';
import { SurveyStatusBadge } from './survey-badges.tsx';
import { SurveyEditor } from './survey-editor.tsx';
import { SurveyResults } from './survey-results.tsx';
import { type Survey, useInvitations, useSurvey, useSurveyMutations } from './surveys-api.ts';

type Tab = 'questions' | 'results' | 'invitations' | 'responses';

function BackLink() {
  const { t } = useTranslation();
  return (
    <AnchorLink to="/surveys" size="sm" c="dimmed" w="fit-content" mb="xs" style={{ display: 'block' }}>
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('surveys.title')}
      </Group>
    </AnchorLink>
  );
}

function SurveyDetail({ survey }: { survey: Survey }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { update, remove } = useSurveyMutations();
  const invitations = useInvitations(survey.id);
  const [tab, setTab] = useState<Tab>(survey.status === 'draft' ? 'questions' : 'results');
  const [inviting, invite] = useDisclosure(false);
  const [deleting, setDeleting] = useState<Survey | null>(null);
  const editable = can('update', 'surveys', survey);
  // Invitations come newest first, so the first names the latest version that was sent.
  const sent = invitations.data?.pages[0]?.data[0]?.version === survey.currentVersion;
  const setStatus = (status: 'open' | 'closed') =>
    update.mutate(
      { survey, patch: { status } },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: t(status === 'closed' ? 'surveys.closedNote' : 'surveys.reopenedNote'),
          }),
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
      },
    );
  const lang = i18n.language;

  return (
    <>
      <BackLink />
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {survey.name}
            <SurveyStatusBadge status={survey.status} />
            <Badge variant="outline" color="gray">
              {t('surveys.versionLong', { version: survey.currentVersion })}
            </Badge>
          </Group>
        }
        description={`${t('surveys.invitationCount', { count: survey.invitations ?? 0 })} · ${t('surveys.responseCount', { count: survey.responses ?? 0 })}`}
        actions={
          editable && (
            <>
              {survey.status !== 'closed' && (
                <Button leftSection={<IconSend size={16} />} onClick={invite.open}>
                  {t('surveys.send')}
                </Button>
              )}
              <Menu position="bottom-end">
                <Menu.Target>
                  <ActionIcon variant="default" size="lg" aria-label={t('common.moreActions')}>
                    <Text fw={700} lh={1}>
                      ⋯
                    </Text>
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  {survey.status === 'closed' ? (
                    <Menu.Item onClick={() => setStatus('open')}>{t('surveys.reopen')}</Menu.Item>
                  ) : (
                    <Menu.Item onClick={() => setStatus('closed')}>{t('surveys.close')}</Menu.Item>
                  )}
                  {can('delete', 'surveys', survey) && (
                    <Menu.Item
                      color="red"
                      leftSection={<IconTrash size={16} />}
                      onClick={() => setDeleting(survey)}
                    >
                      {t('common.delete')}
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            </>
          )
        }
      />
      <Tabs
        value={tab}
        onChange={(v) => v && setTab(v as Tab)}
        variant="outline"
        radius="md"
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="questions">{t('surveys.tabs.questions')}</Tabs.Tab>
          <Tabs.Tab value="results">{t('surveys.tabs.results')}</Tabs.Tab>
          <Tabs.Tab value="invitations">
            {t('surveys.tabs.invitations')} ({formatNumber(survey.invitations ?? 0, lang)})
          </Tabs.Tab>
          <Tabs.Tab value="responses">
            {t('surveys.tabs.responses')} ({formatNumber(survey.responses ?? 0, lang)})
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="questions">
          <SurveyEditor survey={survey} sent={sent} readOnly={!editable} />
        </Tabs.Panel>
        <Tabs.Panel value="results">
          <SurveyResults survey={survey} />
        </Tabs.Panel>
        <Tabs.Panel value="invitations">
          <InvitationsTable survey={survey} />
        </Tabs.Panel>
        <Tabs.Panel value="responses">
          <ResponsesTable survey={survey} />
        </Tabs.Panel>
      </Tabs>
      <InviteModal survey={survey} opened={inviting} onClose={invite.close} />
      <ConfirmMutationDialog
        target={deleting}
        mutation={remove}
        onClose={() => setDeleting(null)}
        onDone={() => void navigate({ to: '/surveys' })}
        title={t('surveys.deleteTitle')}
        message={t('surveys.deleteConfirm', { name: survey.name })}
      />
    </>
  );
}

/** A survey's page (`/surveys/new` creates one): questions and preview, results, invitations, responses. */
export function SurveyView({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const query = useSurvey(id, id !== 'new');
  if (id === 'new')
    return (
      <Stack gap={0}>
        <BackLink />
        <PageHeader title={t('surveys.new')} description={t('surveys.newHint')} />
        <SurveyEditor
          survey={null}
          sent={false}
          readOnly={!can('create', 'surveys')}
          onCreated={(s) =>
            void navigate({ to: '/surveys/$surveyId', params: { surveyId: s.id }, replace: true })
          }
        />
      </Stack>
    );
  if (query.isPending)
    return (
      <Center py={80}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (query.isError) return <RecordMissing error={query.error} back="/surveys" />;
  return <SurveyDetail survey={query.data} />;
}
