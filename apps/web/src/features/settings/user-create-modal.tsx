import { Button, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type Language, languages, userCreateSchema } from '@relata/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageNames } from '../../i18n/index.ts';
import { apiFieldErrors, errorMessage, type FieldMessages, zodFieldErrors } from '../../lib/errors.ts';
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
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<FieldMessages>({});
  const create = useSettingsMutation('users', (body: unknown) => settingsApi.create<User>('/users', body));
  const set = <K extends keyof typeof empty>(key: K, value: (typeof empty)[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };
  const close = () => {
    setForm(empty);
    setErrors({});
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = userCreateSchema.safeParse(form);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error, t));
    create.mutate(parsed.data, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('settings.userCreated', { name: form.name }) });
        close();
      },
      onError: (err) => {
        const fe = apiFieldErrors(err);
        setErrors(fe);
        if (!Object.keys(fe).length) notifications.show({ color: 'red', message: errorMessage(err, t) });
      },
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
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('settings.createUser')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
