import { Modal, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type Language, languages, userCreateSchema } from '@relata/domain';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { languageNames } from '../../i18n/index.ts';
import { useForm } from '../../lib/use-form.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { type User, useRoles, useSettingsMutation, useTeams } from '../users/users-api.ts';
import { settingsApi } from './settings-api.ts';

const empty = {
  email: '',
  name: '',
  role: 'agent',
  teamId: null as string | null,
  language: 'en' as Language,
  password: '',
};

export function UserCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const roles = useRoles();
  const teams = useTeams();
  const { values: form, set, reset, errors, parse, showServerError } = useForm(empty);
  const create = useSettingsMutation('users', (body: unknown) => settingsApi.create<User>('/users', body));
  const close = () => {
    reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = parse(userCreateSchema, form);
    if (!body) return;
    create.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('settings.userCreated', { name: form.name }) });
        close();
      },
      onError: showServerError,
    });
  };
  return (
    <Modal opened={opened} onClose={close} title={t('settings.newUser')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('fields.name')}
              required
              value={form.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors.name}
              data-autofocus
            />
            <TextInput
              label={t('fields.email')}
              required
              type="email"
              value={form.email}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={errors.email}
            />
            <Select
              label={t('settings.role')}
              data={(roles.data ?? []).map((r) => ({ value: r.key, label: r.name }))}
              value={form.role}
              onChange={(v) => v && set('role', v)}
              allowDeselect={false}
              error={errors.role}
            />
            <Select
              label={t('fields.teamId')}
              data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
              value={form.teamId}
              onChange={(v) => set('teamId', v)}
              clearable
              error={errors.teamId}
            />
            <Select
              label={t('fields.language')}
              data={languages.map((l) => ({ value: l, label: languageNames[l] }))}
              value={form.language}
              onChange={(v) => v && set('language', v as Language)}
              allowDeselect={false}
            />
            <PasswordInput
              label={t('auth.password')}
              description={t('settings.passwordHint')}
              required
              value={form.password}
              onChange={(e) => set('password', e.currentTarget.value)}
              error={errors.password}
              autoComplete="new-password"
            />
          </SimpleGrid>
          <FormActions onCancel={close} label={t('settings.createUser')} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
