import { Button, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type Permissions, roleCreateSchema } from '@relata/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFieldErrors, errorMessage, type FieldMessages, zodFieldErrors } from '../../lib/errors.ts';
import { type Role, useSettingsMutation } from '../users/users-api.ts';
import { PermissionMatrix } from './permission-matrix.tsx';
import { settingsApi } from './settings-api.ts';

export function RoleCreateModal({
  opened,
  onClose,
  template,
}: {
  opened: boolean;
  onClose: () => void;
  template: Permissions;
}) {
  const { t } = useTranslation();
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [permissions, setPermissions] = useState<Permissions>(template);
  const [errors, setErrors] = useState<FieldMessages>({});
  const create = useSettingsMutation('roles', (body: unknown) => settingsApi.create<Role>('/roles', body));
  useEffect(() => {
    if (opened) setPermissions(template);
  }, [opened, template]);
  const close = () => {
    setKey('');
    setName('');
    setDescription('');
    setErrors({});
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = roleCreateSchema.safeParse({ key, name, description, permissions });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error, t));
    create.mutate(parsed.data, {
      onSuccess: close,
      onError: (err) => {
        const fe = apiFieldErrors(err);
        setErrors(Object.keys(fe).length ? fe : { key: errorMessage(err, t) });
      },
    });
  };
  return (
    <Modal opened={opened} onClose={close} title={t('settings.newRole')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('fields.name')}
              required
              value={name}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setName(v);
                if (!key || key === slug(name)) setKey(slug(v));
              }}
              error={errors.name}
              data-autofocus
            />
            <TextInput
              label={t('settings.key')}
              description={t('settings.keyHint')}
              required
              value={key}
              onChange={(e) => setKey(e.currentTarget.value)}
              error={errors.key}
            />
          </SimpleGrid>
          <Textarea
            label={t('settings.descriptionLabel')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <PermissionMatrix value={permissions} onChange={setPermissions} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('settings.createRole')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^[^a-z]+/, '')
    .slice(0, 50);
}
