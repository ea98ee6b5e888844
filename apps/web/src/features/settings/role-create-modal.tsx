import { Modal, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { type Permissions, roleCreateSchema } from '@relata/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../lib/use-form.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { type Role, useSettingsMutation } from '../users/users-api.ts';
import { NameKeyFields } from './name-key-fields.tsx';
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
  const { errors, reset, parse, showServerError } = useFormErrors({ fallbackField: 'key' });
  const create = useSettingsMutation('roles', (body: unknown) => settingsApi.create<Role>('/roles', body));
  useEffect(() => {
    if (opened) setPermissions(template);
  }, [opened, template]);
  const close = () => {
    setKey('');
    setName('');
    setDescription('');
    reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = parse(roleCreateSchema, { key, name, description, permissions });
    if (body) create.mutate(body, { onSuccess: close, onError: showServerError });
  };
  return (
    <Modal opened={opened} onClose={close} title={t('settings.newRole')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NameKeyFields
              nameLabel={t('fields.name')}
              name={name}
              keyValue={key}
              onChange={(next) => {
                setName(next.name);
                setKey(next.key);
              }}
              nameError={errors.name}
              keyError={errors.key}
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
          <FormActions onCancel={close} label={t('settings.createRole')} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
