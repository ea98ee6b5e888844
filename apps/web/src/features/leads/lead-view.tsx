import {
  ActionIcon,
  Anchor,
  Avatar,
  Button,
  Card,
  Center,
  EmptyState,
  Grid,
  Group,
  Loader,
  Menu,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { languages, openLeadStatuses } from '@relata/domain';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { languageNames } from '../../i18n/index.ts';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatPhone, initials } from '../../lib/format.ts';
import { ConfirmMutationDialog } from '../../ui/confirm-dialog.tsx';
import {
  IconArrowLeft,
  IconCheck,
  IconMail,
  IconPhone,
  IconSearch,
  IconTrash,
  IconUser,
} from '../../ui/icons.tsx';
import { InlineSelectField, InlineTextField } from '../../ui/inline-field.tsx';
import { AnchorLink, ButtonLink } from '../../ui/router-links.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useCan } from '../auth/auth-api.ts';
import { useUserNames, useUsers } from '../users/users-api.ts';
import { LeadStatusBadge, ScoreBadge } from './lead-badges.tsx';
import { LeadConvertModal } from './lead-convert-modal.tsx';
import { LeadHistory } from './lead-history.tsx';
import {
  ConversionCard,
  LeadConsentCard,
  LeadDuplicatesPanel,
  RoutingCard,
  ScoreCard,
} from './lead-panels.tsx';
import { type Lead, useDeleteLead, useLead, useUpdateLead } from './leads-api.ts';

function Header({
  lead,
  onConvert,
  onDelete,
}: {
  lead: Lead;
  onConvert?: () => void;
  onDelete?: () => void;
}) {
  const { t } = useTranslation();
  const names = useUserNames();
  const owner = lead.ownerId ? names.get(lead.ownerId) : undefined;
  return (
    <Stack gap="sm" mb="lg">
      <AnchorLink to="/leads" size="sm" c="dimmed" w="fit-content">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('leads.title')}
        </Group>
      </AnchorLink>
      <Card p="lg">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="lg" wrap="nowrap" align="center" style={{ minWidth: 0 }}>
            <Avatar size={64} radius="xl" color="initials" name={lead.name} variant="light">
              <Text fw={700} size="xl">
                {initials(lead.name)}
              </Text>
            </Avatar>
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Group gap="sm">
                <Title order={1} fz={24} style={{ letterSpacing: '-0.02em' }}>
                  {lead.name}
                </Title>
                <LeadStatusBadge status={lead.status} />
                <ScoreBadge score={lead.score} reasons={lead.scoreReasons} />
              </Group>
              {(lead.jobTitle || lead.company) && (
                <Text c="dimmed" size="sm">
                  {[lead.jobTitle, lead.company].filter(Boolean).join(' · ')}
                </Text>
              )}
              <Group gap="lg" mt={4}>
                {lead.email && (
                  <Group gap={6} wrap="nowrap">
                    <IconMail size={15} />
                    <Anchor size="sm" href={`mailto:${lead.email}`}>
                      {lead.email}
                    </Anchor>
                  </Group>
                )}
                {lead.phone && (
                  <Group gap={6} wrap="nowrap">
                    <IconPhone size={15} />
                    <Anchor size="sm" href={`tel:${lead.phone}`}>
                      {formatPhone(lead.phone)}
                    </Anchor>
                  </Group>
                )}
                <Group gap={6} wrap="nowrap">
                  <IconUser size={15} />
                  <Text size="sm">
                    {owner ? t('records.ownedBy', { name: owner }) : t('leads.unassigned')}
                  </Text>
                </Group>
              </Group>
            </Stack>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {onConvert && (
              <Button leftSection={<IconCheck size={16} />} onClick={onConvert}>
                {t('leads.convert.button')}
              </Button>
            )}
            {onDelete && (
              <Menu position="bottom-end">
                <Menu.Target>
                  <ActionIcon variant="default" size="lg" aria-label={t('common.moreActions')}>
                    <Text fw={700} lh={1}>
                      ⋯
                    </Text>
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={onDelete}>
                    {t('common.delete')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
      </Card>
    </Stack>
  );
}

function Details({ lead, readOnly }: { lead: Lead; readOnly: boolean }) {
  const { t } = useTranslation();
  const users = useUsers();
  const update = useUpdateLead();
  const save = async (patch: Record<string, unknown>) => {
    await update.mutateAsync({ id: lead.id, version: lead.version, patch });
  };
  const text = (key: keyof Lead & string, label: string, type?: 'email' | 'tel') => (
    <InlineTextField
      label={label}
      value={lead[key] as string | null}
      type={type}
      display={key === 'phone' && lead.phone ? formatPhone(lead.phone) : undefined}
      readOnly={readOnly}
      onSave={(v) => save({ [key]: v.trim() === '' && key !== 'firstName' && key !== 'lastName' ? null : v })}
    />
  );
  return (
    <SectionCard id="details" title={t('records.details')}>
      <InlineSelectField
        label={t('leads.fields.status')}
        value={lead.status}
        options={(lead.status === 'converted' ? (['converted'] as const) : openLeadStatuses).map((s) => ({
          value: s,
          label: t(`leads.statuses.${s}`),
        }))}
        readOnly={readOnly}
        onSave={(v) => save({ status: v })}
      />
      {text('firstName', t('fields.firstName'))}
      {text('lastName', t('fields.lastName'))}
      {text('email', t('fields.email'), 'email')}
      {text('phone', t('fields.phone'), 'tel')}
      {text('company', t('leads.fields.company'))}
      {text('jobTitle', t('fields.jobTitle'))}
      {text('country', t('leads.fields.country'))}
      <InlineSelectField
        label={t('fields.language')}
        value={lead.language}
        options={languages.map((l) => ({ value: l, label: languageNames[l] }))}
        clearable
        readOnly={readOnly}
        onSave={(v) => save({ language: v })}
      />
      {text('source', t('leads.fields.source'))}
      {text('campaign', t('leads.fields.campaign'))}
      {text('message', t('leads.fields.message'))}
      <InlineSelectField
        label={t('fields.ownerId')}
        value={lead.ownerId}
        options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        clearable
        readOnly={readOnly}
        onSave={(v) => save({ ownerId: v })}
      />
    </SectionCard>
  );
}

/** The page of one lead: details in place, score and its reasons, duplicates, routing, history, conversion. */
export function LeadView({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const query = useLead(id);
  const del = useDeleteLead();
  const [converting, convert] = useDisclosure(false);
  const [deleting, deleteDialog] = useDisclosure(false);
  if (query.isPending)
    return (
      <Center py={80}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (query.isError) {
    const notFound = isApiError(query.error) && query.error.status === 404;
    return (
      <Center py={80}>
        <EmptyState
          icon={<IconSearch size={28} />}
          withIndicatorBackground
          title={notFound ? t('records.notFound') : errorMessage(query.error, t)}
          description={notFound ? t('records.notFoundHint') : undefined}
        >
          <EmptyState.Actions>
            <ButtonLink to="/leads" variant="default">
              {t('common.back')}
            </ButtonLink>
          </EmptyState.Actions>
        </EmptyState>
      </Center>
    );
  }
  const lead = query.data;
  const converted = lead.status === 'converted';
  const readOnly = converted || !can('update', 'leads', lead);
  return (
    <>
      <Header
        lead={lead}
        onConvert={!readOnly ? convert.open : undefined}
        onDelete={can('delete', 'leads', lead) ? deleteDialog.open : undefined}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            {!converted && <LeadDuplicatesPanel lead={lead} />}
            <ScoreCard lead={lead} />
            <RoutingCard lead={lead} />
            <LeadHistory leadId={lead.id} canAdd={!converted && can('create', 'notes')} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <ConversionCard lead={lead} />
            <Details lead={lead} readOnly={readOnly} />
            <LeadConsentCard lead={lead} />
          </Stack>
        </Grid.Col>
      </Grid>
      {converting && <LeadConvertModal lead={lead} onClose={convert.close} />}
      <ConfirmMutationDialog
        target={deleting ? lead : null}
        mutation={del}
        onClose={deleteDialog.close}
        onDone={() => {
          notifications.show({ color: 'teal', message: t('records.deleted', { name: lead.name }) });
          void navigate({ to: '/leads' });
        }}
        title={t('leads.deleteTitle')}
        message={t('records.deleteConfirm', { name: lead.name })}
      />
    </>
  );
}
