import { Modal, Stack, Table, Textarea, TextInput } from '@mantine/core';
import { teamCreateSchema, teamUpdateSchema } from '@relata/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../lib/use-form.ts';
import { ConfirmMutationDialog } from '../../ui/confirm-dialog.tsx';
import { FormActions } from '../../ui/form-actions.tsx';
import { RowActions, SettingsTable } from '../../ui/settings-table.tsx';
import { useCan } from '../auth/auth-api.ts';
import { type Team, useSettingsMutation, useTeams, useUsers } from '../users/users-api.ts';
import { settingsApi } from './settings-api.ts';

function TeamModal({ team, opened, onClose }: { team: Team | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(team?.name ?? '');
  const [description, setDescription] = useState(team?.description ?? '');
  const { errors, parse, showServerError } = useFormErrors({ fallbackField: 'name' });
  const save = useSettingsMutation('teams', (body: Record<string, unknown>) =>
    team
      ? settingsApi.update<Team>(`/teams/${team.id}`, body, team.version)
      : settingsApi.create<Team>('/teams', body),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = parse(team ? teamUpdateSchema : teamCreateSchema, { name, description });
    if (body) save.mutate(body, { onSuccess: onClose, onError: showServerError });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={team ? t('settings.editTeam') : t('settings.newTeam')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('fields.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <Textarea
            label={t('settings.descriptionLabel')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
          />
          <FormActions onCancel={onClose} label={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

export function TeamsTab() {
  const { t } = useTranslation();
  const teams = useTeams();
  const users = useUsers();
  const can = useCan();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const [removing, setRemoving] = useState<Team | null>(null);
  const remove = useSettingsMutation('teams', (team: Team) =>
    settingsApi.remove(`/teams/${team.id}`, team.version),
  );
  const members = (id: string) => (users.data ?? []).filter((u) => u.teamId === id).length;
  return (
    <>
      <SettingsTable
        label={t('settings.teams')}
        headers={[t('fields.name'), t('settings.descriptionLabel'), t('settings.members'), '']}
        loading={teams.isPending}
        rows={teams.data ?? []}
        empty={t('settings.noTeams')}
        hint={t('settings.teamsHint')}
        create={can('create', 'teams') && { label: t('settings.newTeam'), onClick: () => setEditing('new') }}
        renderRow={(team) => (
          <Table.Tr key={team.id}>
            <Table.Td fw={600}>{team.name}</Table.Td>
            <Table.Td c="dimmed">{team.description}</Table.Td>
            <Table.Td>{members(team.id)}</Table.Td>
            <Table.Td>
              <RowActions
                name={team.name}
                onEdit={can('update', 'teams') && (() => setEditing(team))}
                onDelete={can('delete', 'teams') && (() => setRemoving(team))}
              />
            </Table.Td>
          </Table.Tr>
        )}
      />
      {editing && (
        <TeamModal team={editing === 'new' ? null : editing} opened onClose={() => setEditing(null)} />
      )}
      <ConfirmMutationDialog
        target={removing}
        mutation={remove}
        onClose={() => setRemoving(null)}
        title={t('settings.deleteTeam')}
        message={t('records.deleteConfirm', { name: removing?.name ?? '' })}
      />
    </>
  );
}
