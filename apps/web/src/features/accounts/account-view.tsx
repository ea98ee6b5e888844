import { Anchor, Badge, Center, Grid, Loader, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { accountSizes, accountTypes } from '@relata/domain';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { IconBuilding, IconUser, IconWorld } from '../../ui/icons.tsx';
import { InlineSelectField, InlineTextField } from '../../ui/inline-field.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { HistoryPanel } from '../audit/history-panel.tsx';
import { useCan } from '../auth/auth-api.ts';
import { CustomFieldsSection } from '../custom-fields/custom-fields-section.tsx';
import { AddressFields } from '../records/address-fields.tsx';
import { DuplicatesPanel } from '../records/duplicates-panel.tsx';
import { type Fact, RecordHeader } from '../records/record-header.tsx';
import { RecordMissing } from '../records/record-missing.tsx';
import { useDeleteRecord, useRecord } from '../records/records-api.ts';
import { useSaveRecord } from '../records/use-save-record.ts';
import { RelationshipsPanel } from '../relationships/relationships-panel.tsx';
import { useTeams, useUserNames, useUsers } from '../users/users-api.ts';
import { accountTypeColors } from './accounts-list.tsx';

export function AccountView({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const account = useRecord('account', id);
  const save = useSaveRecord('account', account.data);
  const del = useDeleteRecord('account');
  const can = useCan();
  const users = useUsers();
  const teams = useTeams();
  const names = useUserNames();
  const [confirming, { open, close }] = useDisclosure(false);

  if (account.isPending) {
    return (
      <Center py={80}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (account.isError) return <RecordMissing error={account.error} back="/accounts" />;

  const a = account.data;
  const readOnly = !can('update', 'accounts', a);
  const owner = a.ownerId ? names.get(a.ownerId) : undefined;
  const facts: Fact[] = [];
  if (a.domain) {
    facts.push({
      key: 'domain',
      icon: <IconWorld size={15} />,
      content: (
        <Anchor href={`https://${a.domain}`} target="_blank" rel="noreferrer noopener">
          {a.domain}
        </Anchor>
      ),
    });
  }
  if (a.industry) facts.push({ key: 'industry', icon: <IconBuilding size={15} />, content: a.industry });
  if (owner)
    facts.push({
      key: 'owner',
      icon: <IconUser size={15} />,
      content: t('records.ownedBy', { name: owner }),
    });

  return (
    <>
      <RecordHeader
        name={a.name}
        square
        badge={
          <Badge color={accountTypeColors[a.type]} variant="light" tt="none">
            {t(`accountTypes.${a.type}`)}
          </Badge>
        }
        subtitle={a.size ? t('accounts.employees', { size: a.size }) : undefined}
        facts={facts}
        back={{ to: '/accounts', label: t('accounts.title') }}
        onDelete={can('delete', 'accounts', a) ? open : undefined}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <DuplicatesPanel type="account" id={a.id} canMerge={can('merge', 'accounts', a)} />
            <SectionCard id="details" title={t('records.details')}>
              <InlineTextField
                label={t('fields.name')}
                value={a.name}
                readOnly={readOnly}
                onSave={(v) => save({ name: v })}
              />
              <InlineTextField
                label={t('fields.domain')}
                value={a.domain}
                readOnly={readOnly}
                onSave={(v) => save({ domain: v })}
              />
              <InlineSelectField
                label={t('fields.type')}
                value={a.type}
                options={accountTypes.map((v) => ({ value: v, label: t(`accountTypes.${v}`) }))}
                readOnly={readOnly}
                onSave={(v) => save({ type: v ?? undefined })}
              />
              <InlineTextField
                label={t('fields.industry')}
                value={a.industry}
                readOnly={readOnly}
                onSave={(v) => save({ industry: v })}
              />
              <InlineSelectField
                label={t('fields.size')}
                value={a.size}
                options={accountSizes.map((v) => ({ value: v, label: v }))}
                clearable
                readOnly={readOnly}
                onSave={(v) => save({ size: v })}
              />
              <InlineSelectField
                label={t('fields.ownerId')}
                value={a.ownerId}
                options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                clearable
                readOnly={readOnly}
                onSave={(v) => save({ ownerId: v })}
              />
              <InlineSelectField
                label={t('fields.teamId')}
                value={a.teamId}
                options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
                clearable
                readOnly={readOnly}
                onSave={(v) => save({ teamId: v })}
              />
            </SectionCard>
            <SectionCard id="custom" title={t('records.customFields')}>
              <CustomFieldsSection entity="account" values={a.custom} readOnly={readOnly} onSave={save} />
            </SectionCard>
            <SectionCard id="address" title={t('records.address')}>
              <AddressFields address={a.address} readOnly={readOnly} onSave={save} />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <RelationshipsPanel
              recordType="account"
              recordId={a.id}
              canEdit={can('create', 'relationships')}
            />
            <HistoryPanel recordId={a.id} recordType="account" />
          </Stack>
        </Grid.Col>
      </Grid>
      <ConfirmDialog
        opened={confirming}
        title={t('accounts.deleteTitle')}
        message={t('records.deleteConfirm', { name: a.name })}
        confirmLabel={t('common.delete')}
        loading={del.isPending}
        onClose={close}
        onConfirm={() =>
          del.mutate(
            { id: a.id, version: a.version },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('records.deleted', { name: a.name }) });
                void navigate({ to: '/accounts' });
              },
              onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
            },
          )
        }
      />
    </>
  );
}
