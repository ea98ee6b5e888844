import { Badge, Modal, Select, Stack, Switch, Table, Textarea, TextInput } from '@mantine/core';
import { queueCreateSchema, queueUpdateSchema } from '@relata/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../lib/use-form.ts';
import { ConfirmMutationDialog } from '../../ui/confirm-dialog.tsx';
import { FormActions } from '../../ui/form-actions.tsx';
import { RowActions, SettingsTable } from '../../ui/settings-table.tsx';
import { useCan } from '../auth/auth-api.ts';
import { useTeams, useUserNames, useUsers } from '../users/users-api.ts';
import { type Queue, useQueues, useSetupMutation } from './service-api.ts';

function QueueModal({ queue, onClose }: { queue: Queue | null; onClose: () => void }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const users = useUsers();
  const { save } = useSetupMutation<Queue>('queues');
  const [name, setName] = useState(queue?.name ?? '');
  const [description, setDescription] = useState(queue?.description ?? '');
  const [teamId, setTeamId] = useState<string | null>(queue?.teamId ?? null);
  const [escalationUserId, setEscalationUserId] = useState<string | null>(queue?.escalationUserId ?? null);
  const [active, setActive] = useState(queue?.active ?? true);
  const { errors, parse, showServerError } = useFormErrors({ fallbackField: 'name' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = parse(queue ? queueUpdateSchema : queueCreateSchema, {
      name,
      description,
      teamId,
      escalationUserId,
      active,
    });
    if (body) save.mutate({ row: queue, body }, { onSuccess: onClose, onError: showServerError });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={queue ? t('serviceSettings.queues.edit') : t('serviceSettings.queues.new')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            data-autofocus
            label={t('serviceSettings.fields.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Textarea
            label={t('serviceSettings.fields.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
          />
          <Select
            label={t('serviceSettings.queues.team')}
            data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={teamId}
            onChange={setTeamId}
            clearable
            error={errors.teamId}
          />
          <Select
            label={t('serviceSettings.queues.escalationUser')}
            description={t('serviceSettings.queues.escalationHint')}
            data={(users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
            value={escalationUserId}
            onChange={setEscalationUserId}
            clearable
            searchable
            error={errors.escalationUserId}
          />
          <Switch
            label={t('serviceSettings.fields.active')}
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
          <FormActions onCancel={onClose} label={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

export function QueuesSection() {
  const { t } = useTranslation();
  const can = useCan();
  const queues = useQueues();
  const teams = useTeams();
  const names = useUserNames();
  const { remove } = useSetupMutation<Queue>('queues');
  const [editing, setEditing] = useState<Queue | 'new' | null>(null);
  const [removing, setRemoving] = useState<Queue | null>(null);
  const teamName = (id: string | null) => (id ? teams.data?.find((x) => x.id === id)?.name : undefined);
  return (
    <>
      <SettingsTable
        label={t('serviceSettings.queues.title')}
        headers={[
          t('serviceSettings.fields.name'),
          t('serviceSettings.queues.team'),
          t('serviceSettings.queues.escalationUser'),
          t('serviceSettings.fields.active'),
          '',
        ]}
        loading={queues.isPending}
        rows={queues.data ?? []}
        empty={t('serviceSettings.queues.empty')}
        hint={t('serviceSettings.queues.hint')}
        create={
          can('create', 'queues') && {
            label: t('serviceSettings.queues.new'),
            onClick: () => setEditing('new'),
          }
        }
        renderRow={(q) => (
          <Table.Tr key={q.id}>
            <Table.Td fw={600}>{q.name}</Table.Td>
            <Table.Td>{teamName(q.teamId) ?? '—'}</Table.Td>
            <Table.Td>{q.escalationUserId ? (names.get(q.escalationUserId) ?? '…') : '—'}</Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={q.active ? 'teal' : 'gray'}>
                {q.active ? t('serviceSettings.active') : t('serviceSettings.inactive')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <RowActions
                name={q.name}
                onEdit={can('update', 'queues') && (() => setEditing(q))}
                onDelete={can('delete', 'queues') && (() => setRemoving(q))}
              />
            </Table.Td>
          </Table.Tr>
        )}
      />
      {editing && <QueueModal queue={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmMutationDialog
        target={removing}
        mutation={remove}
        onClose={() => setRemoving(null)}
        title={t('serviceSettings.queues.delete')}
        message={t('records.deleteConfirm', { name: removing?.name ?? '' })}
      />
    </>
  );
}
