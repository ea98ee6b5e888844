import { Badge, Code, SegmentedControl, Table, Text } from '@mantine/core';
import type { RecordType } from '@relata/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmMutationDialog } from '../../ui/confirm-dialog.tsx';
import { RowActions, SettingsTable } from '../../ui/settings-table.tsx';
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
        rows={list}
        empty={t('customFields.noneYet')}
        hint={
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
        }
        create={
          can('create', 'custom_fields') && { label: t('customFields.new'), onClick: () => setEditing('new') }
        }
        renderRow={(f) => (
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
              <RowActions
                name={f.label}
                onEdit={can('update', 'custom_fields') && (() => setEditing(f))}
                onDelete={can('delete', 'custom_fields') && (() => setRemoving(f))}
              />
            </Table.Td>
          </Table.Tr>
        )}
      />
      {editing && (
        <CustomFieldModal
          entity={entity}
          field={editing === 'new' ? null : editing}
          nextPosition={list.length ? Math.max(...list.map((f) => f.position)) + 10 : 0}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmMutationDialog
        target={removing}
        mutation={remove}
        onClose={() => setRemoving(null)}
        title={t('customFields.deleteTitle')}
        message={t('customFields.deleteConfirm', { name: removing?.label ?? '' })}
      />
    </>
  );
}
