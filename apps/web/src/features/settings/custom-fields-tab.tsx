import { ActionIcon, Badge, Button, Code, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RecordType } from '@relata/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { IconPencil, IconPlus, IconTrash } from '../../ui/icons.tsx';
import { SettingsTable } from '../../ui/settings-table.tsx';
import { useCan } from '../auth/auth-api.ts';
import {
  type CustomField,
  useCustomFieldMutations,
  useCustomFields,
} from '../custom-fields/custom-fields-api.ts';
import { CustomFieldModal } from './custom-field-modal.tsx';

export function CustomFieldsTab() {
  const { t } = useTranslation();
  const [entity, setEntity] = useState<RecordType>('contact');
  const fields = useCustomFields(entity);
  const { remove } = useCustomFieldMutations();
  const can = useCan();
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const [removing, setRemoving] = useState<CustomField | null>(null);
  const list = fields.data ?? [];
  return (
    <>
      <SettingsTable
        label={t('settings.customFields')}
        headers={[
          t('customFields.label'),
          t('settings.key'),
          t('customFields.type'),
          t('customFields.required'),
          t('customFields.position'),
          '',
        ]}
        loading={fields.isPending}
        empty={list.length ? null : t('customFields.noneDefined')}
        toolbar={
          <>
            <SegmentedControl
              aria-label={t('customFields.entity')}
              value={entity}
              onChange={(v) => setEntity(v as RecordType)}
              data={[
                { value: 'contact', label: t('nav.contacts') },
                { value: 'account', label: t('nav.accounts') },
              ]}
              size="xs"
            />
            {can('create', 'custom_fields') && (
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
                {t('customFields.new')}
              </Button>
            )}
          </>
        }
      >
        {list.map((f) => (
          <Table.Tr key={f.id}>
            <Table.Td fw={600}>{f.label}</Table.Td>
            <Table.Td>
              <Code>{f.key}</Code>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color="gray" tt="none">
                {t(`customFields.types.${f.type}`)}
              </Badge>
              {f.options.length > 0 && (
                <Text span size="xs" c="dimmed" ml={6}>
                  {f.options.map((o) => o.label).join(', ')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{f.required ? t('common.yes') : t('common.no')}</Table.Td>
            <Table.Td>{f.position}</Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                {can('update', 'custom_fields') && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    onClick={() => setEditing(f)}
                    aria-label={t('settings.editNamed', { name: f.label })}
                  >
                    <IconPencil size={16} />
                  </ActionIcon>
                )}
                {can('delete', 'custom_fields') && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => setRemoving(f)}
                    aria-label={t('settings.deleteNamed', { name: f.label })}
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
        <CustomFieldModal
          entity={entity}
          field={editing === 'new' ? null : editing}
          nextPosition={list.length ? Math.max(...list.map((f) => f.position)) + 10 : 0}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t('customFields.deleteTitle')}
        message={t('customFields.deleteConfirm', { name: removing?.label ?? '' })}
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
