import { Anchor, Center, Grid, Loader, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { languages } from '@relata/domain';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { languageNames } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatPhone } from '../../lib/format.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { IconMail, IconPhone, IconUser } from '../../ui/icons.tsx';
import { InlineSelectField, InlineTextField } from '../../ui/inline-field.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { HistoryPanel } from '../audit/history-panel.tsx';
import { useCan } from '../auth/auth-api.ts';
import { CustomFieldsSection } from '../custom-fields/custom-fields-section.tsx';
import { AddressFields } from '../records/address-fields.tsx';
import { DuplicatesPanel } from '../records/duplicates-panel.tsx';
import { type Fact, RecordHeader } from '../records/record-header.tsx';
import { RecordMissing } from '../records/record-missing.tsx';
import { primaryEmail, primaryPhone } from '../records/record-types.ts';
import { useDeleteRecord, useRecord } from '../records/records-api.ts';
import { useSaveRecord } from '../records/use-save-record.ts';
import { RelationshipsPanel } from '../relationships/relationships-panel.tsx';
import { useTeams, useUserNames, useUsers } from '../users/users-api.ts';
import { ChannelsEditor } from './channels-editor.tsx';

export function ContactView({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const contact = useRecord('contact', id);
  const save = useSaveRecord('contact', contact.data);
  const del = useDeleteRecord('contact');
  const can = useCan();
  const users = useUsers();
  const teams = useTeams();
  const names = useUserNames();
  const [confirming, { open, close }] = useDisclosure(false);

  if (contact.isPending) {
    return (
      <Center py={80}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (contact.isError) return <RecordMissing error={contact.error} back="/contacts" />;

  const c = contact.data;
  const readOnly = !can('update', 'contacts', c);
  const email = primaryEmail(c);
  const phone = primaryPhone(c);
  const owner = c.ownerId ? names.get(c.ownerId) : undefined;
  const facts: Fact[] = [];
  if (email)
    facts.push({
      key: 'email',
      icon: <IconMail size={15} />,
      content: <Anchor href={`mailto:${email}`}>{email}</Anchor>,
    });
  if (phone)
    facts.push({
      key: 'phone',
      icon: <IconPhone size={15} />,
      content: <Anchor href={`tel:${phone}`}>{formatPhone(phone)}</Anchor>,
    });
  if (owner)
    facts.push({
      key: 'owner',
      icon: <IconUser size={15} />,
      content: t('records.ownedBy', { name: owner }),
    });

  return (
    <>
      <RecordHeader
        name={c.name || t('contacts.unnamed')}
        subtitle={c.jobTitle}
        facts={facts}
        back={{ to: '/contacts', label: t('contacts.title') }}
        onDelete={can('delete', 'contacts', c) ? open : undefined}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <DuplicatesPanel type="contact" id={c.id} canMerge={can('merge', 'contacts', c)} />
            <SectionCard id="details" title={t('records.details')}>
              <InlineTextField
                label={t('fields.firstName')}
                value={c.firstName}
                readOnly={readOnly}
                onSave={(v) => save({ firstName: v })}
              />
              <InlineTextField
                label={t('fields.lastName')}
                value={c.lastName}
                readOnly={readOnly}
                onSave={(v) => save({ lastName: v })}
              />
              <InlineTextField
                label={t('fields.jobTitle')}
                value={c.jobTitle}
                readOnly={readOnly}
                onSave={(v) => save({ jobTitle: v })}
              />
              <InlineSelectField
                label={t('fields.language')}
                value={c.language}
                options={languages.map((l) => ({ value: l, label: languageNames[l] }))}
                clearable
                readOnly={readOnly}
                onSave={(v) => save({ language: v })}
              />
              <InlineSelectField
                label={t('fields.ownerId')}
                value={c.ownerId}
                options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                clearable
                readOnly={readOnly}
                onSave={(v) => save({ ownerId: v })}
              />
              <InlineSelectField
                label={t('fields.teamId')}
                value={c.teamId}
                options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
                clearable
                readOnly={readOnly}
                onSave={(v) => save({ teamId: v })}
              />
            </SectionCard>
            <SectionCard id="channels" title={t('records.contactInfo')}>
              <ChannelsEditor kind="emails" items={c.emails} readOnly={readOnly} onSave={save} />
              <ChannelsEditor kind="phones" items={c.phones} readOnly={readOnly} onSave={save} />
            </SectionCard>
            <SectionCard id="custom" title={t('records.customFields')}>
              <CustomFieldsSection entity="contact" values={c.custom} readOnly={readOnly} onSave={save} />
            </SectionCard>
            <SectionCard id="address" title={t('records.address')}>
              <AddressFields address={c.address} readOnly={readOnly} onSave={save} />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <RelationshipsPanel
              recordType="contact"
              recordId={c.id}
              canEdit={can('create', 'relationships')}
            />
            <HistoryPanel recordId={c.id} recordType="contact" />
          </Stack>
        </Grid.Col>
      </Grid>
      <ConfirmDialog
        opened={confirming}
        title={t('contacts.deleteTitle')}
        message={t('records.deleteConfirm', { name: c.name })}
        confirmLabel={t('common.delete')}
        loading={del.isPending}
        onClose={close}
        onConfirm={() =>
          del.mutate(
            { id: c.id, version: c.version },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('records.deleted', { name: c.name }) });
                void navigate({ to: '/contacts' });
              },
              onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
            },
          )
        }
      />
    </>
  );
}
