import { ActionIcon, Button, Group, Modal, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { teamCreateSchema, teamUpdateSchema } from '@relata/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFieldErrors, errorMessage, type FieldMessages, zodFieldErrors } from '../../lib/errors.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { IconPencil, IconPlus, IconTrash } from '../../ui/icons.tsx';
import { SettingsTable } from '../../ui/settings-table.tsx';
import { useCan } from '../auth/auth-api.ts';
import { type Team, useSettingsMutation, useTeams, useUsers } from '../users/users-api.ts';
import { settingsApi } from './settings-api.ts';

function TeamModal({ team, opened, onClose }: { team: Team | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(team?.name ?? '');
  const [description, setDescription] = useState(team?.description ?? '');
  const [errors, setErrors] = useState<FieldMessages>({});
  const save = useSettingsMutation('teams', (body: Record<string, unknown>) =>
    team
      ? settingsApi.update<Team>(`/teams/${team.id}`, body, team.version)
      : settingsApi.create<Team>('/teams', body),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = (team ? teamUpdateSchema : teamCreateSchema).safeParse({ name, description });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error, t));
    save.mutate(parsed.data, {
      onSuccess: onClose,
      onError: (err) => {
        const fe = apiFieldErrors(err);
        setErrors(Object.keys(fe).length ? fe : { name: errorMessage(err, t) });
      },
    });
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
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
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
  const list = teams.data ?? [];
  const members = (id: string) => (users.data ?? []).filter((u) => u.teamId === id).length;
  return (
    <>
      <SettingsTable
        label={t('settings.teams')}
        headers={[t('fields.name'), t('settings.descriptionLabel'), t('settings.members'), '']}
        loading={teams.isPending}
        empty={list.length ? null : t('settings.noTeams')}
        toolbar={
          <>
            <Text size="sm" c="dimmed">
              {t('settings.teamsHint')}
            </Text>
            {can('create', 'teams') && (
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
                {t('settings.newTeam')}
              </Button>
            )}
          </>
        }
      >
        {list.map((team) => (
          <Table.Tr key={team.id}>
            <Table.Td fw={600}>{team.name}</Table.Td>
            <Table.Td c="dimmed">{team.description}</Table.Td>
            <Table.Td>{members(team.id)}</Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                {can('update', 'teams') && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    onClick={() => setEditing(team)}
                    aria-label={t('settings.editNamed', { name: team.name })}
                  >
                    <IconPencil size={16} />
                  </ActionIcon>
                )}
                {can('delete', 'teams') && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => setRemoving(team)}
                    aria-label={t('settings.deleteNamed', { name: team.name })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </SettingsTable>
      {editing && (
        <TeamModal team={editing === 'new' ? null : editing} opened onClose={() => setEditing(null)} />
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t('settings.deleteTeam')}
        message={t('records.deleteConfirm', { name: removing?.name ?? '' })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove.mutate(removing, {
            onSuccess: () => setRemoving(null),
            onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
          })
        }
      />
    </>
  );
}
