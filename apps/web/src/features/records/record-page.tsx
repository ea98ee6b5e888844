import { Button, Center, Grid, Kbd, Loader, Stack, Tooltip } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { RecordType } from '@relata/domain';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmMutationDialog } from '../../ui/confirm-dialog.tsx';
import { IconPlus, IconUser } from '../../ui/icons.tsx';
import { InlineSelectField } from '../../ui/inline-field.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { WithheldValue } from '../../ui/withheld-value.tsx';
import { AttachmentsPanel } from '../attachments/attachments-panel.tsx';
import { useCan } from '../auth/auth-api.ts';
import { CustomerCasesPanel } from '../cases/customer-cases-panel.tsx';
import { CustomFieldsSection } from '../custom-fields/custom-fields-section.tsx';
import { LogInteractionModal } from '../interactions/log-interaction-modal.tsx';
import { TimelinePanel } from '../interactions/timeline-panel.tsx';
import { InvoicesPanel, OrdersPanel, WarrantiesPanel } from '../orders/commerce-panels.tsx';
import { RelationshipsPanel } from '../relationships/relationships-panel.tsx';
import { OpenTasksCard } from '../tasks/open-tasks-card.tsx';
import { useTeams, useUserNames, useUsers } from '../users/users-api.ts';
import { ValueCard } from '../value/value-card.tsx';
import { AddressFields } from './address-fields.tsx';
import { DuplicatesPanel } from './duplicates-panel.tsx';
import { type Fact, RecordHeader } from './record-header.tsx';
import { listPath } from './record-links.ts';
import { RecordMissing } from './record-missing.tsx';
import { collectionOf, type RecordOf } from './record-types.ts';
import { useDeleteRecord, useRecord } from './records-api.ts';
import { type SaveRecord, useSaveRecord } from './use-save-record.ts';

/** What a record type puts on its page; the rest is the same for every record. */
export type RecordPageParts = {
  header: { name: string; subtitle?: ReactNode; badge?: ReactNode; facts: Fact[] };
  /** The type's own inputs in the details card; owner and team follow them. */
  details: ReactNode;
  /** Cards at the top of the side column, above the details. */
  aside?: ReactNode;
  /** Cards between the details and the custom fields. */
  sections?: ReactNode;
  /** The type's own buttons in the header, before "Log interaction". */
  actions?: ReactNode;
  /** The type's own items of the header's ⋯ menu. */
  menu?: ReactNode;
  /** A message under the header (e.g. after an erasure). */
  notice?: ReactNode;
};

type Props<T extends RecordType> = {
  type: T;
  id: string;
  children: (record: RecordOf<T>, edit: { save: SaveRecord; readOnly: boolean }) => RecordPageParts;
};

/**
 * The page of one contact or account: header with "Log interaction" (also the `L` key) and
 * delete; open tasks and the timeline (interactions, tasks, notes, changes) in the wide column;
 * details (inline editing), attachments, relationships, custom fields and address beside them.
 */
export function RecordPage<T extends RecordType>({ type, id, children }: Props<T>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useRecord(type, id);
  const save = useSaveRecord(type, query.data);
  const del = useDeleteRecord(type);
  const can = useCan();
  const users = useUsers();
  const teams = useTeams();
  const names = useUserNames();
  const [confirming, { open, close }] = useDisclosure(false);
  const [logging, logDialog] = useDisclosure(false);
  const collection = collectionOf(type);
  const canLog =
    can('create', 'interactions') && !(query.data && 'erasedAt' in query.data && query.data.erasedAt);
  useHotkeys([['L', () => canLog && query.isSuccess && logDialog.open()]]);

  if (query.isPending) {
    return (
      <Center py={80}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (query.isError) return <RecordMissing error={query.error} back={listPath(type)} />;

  const record = query.data;
  // An erased person's record is an anonymous shell that takes no new data.
  const erased = 'erasedAt' in record && Boolean(record.erasedAt);
  const readOnly = erased || !can('update', collection, record);
  const parts = children(record, { save, readOnly });
  // Fields the customer withholds (contacts) show no value and offer no input.
  const withheld: readonly string[] = 'withheldFields' in record ? record.withheldFields : [];
  const owner = record.ownerId ? names.get(record.ownerId) : undefined;
  const facts: Fact[] = owner
    ? [
        ...parts.header.facts,
        { key: 'owner', icon: <IconUser size={15} />, content: t('records.ownedBy', { name: owner }) },
      ]
    : parts.header.facts;

  return (
    <>
      <RecordHeader
        {...parts.header}
        facts={facts}
        square={type === 'account'}
        back={{ to: listPath(type), label: t(`${collection}.title`) }}
        actions={
          <>
            {parts.actions}
            {canLog && (
              <Tooltip
                label={
                  <>
                    {t('interactions.log')} <Kbd size="xs">L</Kbd>
                  </>
                }
              >
                <Button leftSection={<IconPlus size={16} />} onClick={logDialog.open} aria-keyshortcuts="L">
                  {t('interactions.log')}
                </Button>
              </Tooltip>
            )}
          </>
        }
        menuItems={parts.menu}
        onDelete={can('delete', collection, record) ? open : undefined}
      />
      {parts.notice}
      {can('read', 'value') && (
        <div style={{ marginBottom: 'var(--mantine-spacing-lg)' }}>
          <ValueCard type={type} id={record.id} creditScore={record.creditScore} />
        </div>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <DuplicatesPanel type={type} id={record.id} canMerge={can('merge', collection, record)} />
            <OpenTasksCard
              recordType={type}
              recordId={record.id}
              canCreate={!erased && can('create', 'tasks')}
            />
            {can('read', 'cases') && <CustomerCasesPanel type={type} id={record.id} />}
            {can('read', 'orders') && <OrdersPanel type={type} id={record.id} />}
            <TimelinePanel recordType={type} recordId={record.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            {parts.aside}
            <SectionCard id="details" title={t('records.details')}>
              {parts.details}
              <InlineSelectField
                label={t('fields.ownerId')}
                value={record.ownerId}
                options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                clearable
                readOnly={readOnly}
                onSave={(v) => save({ ownerId: v })}
              />
              <InlineSelectField
                label={t('fields.teamId')}
                value={record.teamId}
                options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
                clearable
                readOnly={readOnly}
                onSave={(v) => save({ teamId: v })}
              />
            </SectionCard>
            <InvoicesPanel type={type} id={record.id} />
            <WarrantiesPanel type={type} id={record.id} />
            {parts.sections}
            <AttachmentsPanel recordType={type} recordId={record.id} canEdit={!readOnly} />
            <RelationshipsPanel
              recordType={type}
              recordId={record.id}
              canEdit={!erased && can('create', 'relationships')}
            />
            <SectionCard id="custom" title={t('records.customFields')}>
              <CustomFieldsSection
                entity={type}
                values={record.custom}
                readOnly={readOnly}
                onSave={save}
                withheld={withheld}
              />
            </SectionCard>
            <SectionCard id="address" title={t('records.address')}>
              {withheld.includes('address') ? (
                <WithheldValue label={t('fields.address')} />
              ) : (
                <AddressFields address={record.address} readOnly={readOnly} onSave={save} />
              )}
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
      <LogInteractionModal opened={logging} onClose={logDialog.close} record={{ type, id: record.id }} />
      <ConfirmMutationDialog
        target={confirming ? record : null}
        mutation={del}
        onClose={close}
        onDone={() => {
          notifications.show({ color: 'teal', message: t('records.deleted', { name: record.name }) });
          void navigate({ to: listPath(type) });
        }}
        title={t(`${collection}.deleteTitle`)}
        message={t('records.deleteConfirm', { name: record.name })}
      />
    </>
  );
}
