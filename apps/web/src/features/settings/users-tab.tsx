import { Avatar, Badge, Group, Select, Switch, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatRelative, initials } from '../../lib/format.ts';
import { SettingsTable } from '../../ui/settings-table.tsx';
import { useCan, useMe } from '../auth/auth-api.ts';
import { type User, useRoles, useSettingsMutation, useTeams, useUsers } from '../users/users-api.ts';
import { settingsApi } from './settings-api.ts';
import { UserCreateModal } from './user-create-modal.tsx';

export function UsersTab() {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  const roles = useRoles();
  const teams = useTeams();
  const me = useMe();
  const can = useCan();
  const [creating, { open, close }] = useDisclosure(false);
  const update = useSettingsMutation(
    'users',
    ({ user, patch }: { user: User; patch: Record<string, unknown> }) =>
      settingsApi.update<User>(`/users/${user.id}`, patch, user.version),
  );
  const editable = can('update', 'users');
  const patch = (user: User, p: Record<string, unknown>) =>
    update.mutate(
      { user, patch: p },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('settings.saved') }),
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
      },
    );
  return (
    <>
      <SettingsTable
        label={t('settings.users')}
        headers={[
          t('fields.name'),
          t('settings.role'),
          t('fields.teamId'),
          t('settings.active'),
          t('settings.lastLogin'),
        ]}
        loading={users.isPending}
        rows={users.data ?? []}
        empty={t('settings.noUsers')}
        hint={t('settings.usersHint')}
        create={can('create', 'users') && { label: t('settings.newUser'), onClick: open }}
        renderRow={(u) => (
          <Table.Tr key={u.id}>
            <Table.Td>
              <Group gap="sm" wrap="nowrap">
                <Avatar size={32} radius="xl" color="initials" name={u.name}>
                  {initials(u.name)}
                </Avatar>
                <div>
                  <Text size="sm" fw={600}>
                    {u.name}{' '}
                    {u.id === me.data?.id && (
                      <Badge size="xs" variant="light" color="gray">
                        {t('settings.you')}
                      </Badge>
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {u.email}
                  </Text>
                </div>
              </Group>
            </Table.Td>
            <Table.Td>
              <Select
                size="xs"
                aria-label={t('settings.roleOf', { name: u.name })}
                data={(roles.data ?? []).map((r) => ({ value: r.key, label: r.name }))}
                value={u.role}
                onChange={(v) => v && v !== u.role && patch(u, { role: v })}
                allowDeselect={false}
                disabled={!editable}
                w={160}
              />
            </Table.Td>
            <Table.Td>
              <Select
                size="xs"
                aria-label={t('settings.teamOf', { name: u.name })}
                data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
                value={u.teamId}
                onChange={(v) => v !== u.teamId && patch(u, { teamId: v })}
                clearable
                placeholder={t('settings.noTeam')}
                disabled={!editable}
                w={160}
              />
            </Table.Td>
            <Table.Td>
              <Switch
                aria-label={t('settings.activeOf', { name: u.name })}
                checked={u.active}
                onChange={(e) => patch(u, { active: e.currentTarget.checked })}
                disabled={!editable || u.id === me.data?.id}
              />
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {u.lastLoginAt ? formatRelative(u.lastLoginAt, i18n.language) : t('settings.never')}
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <UserCreateModal opened={creating} onClose={close} />
    </>
  );
}
