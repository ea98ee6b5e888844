import { Badge, Code, Modal, Stack, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { consentPurposeSchema } from '@relata/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../lib/use-form.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { SettingsTable } from '../../ui/settings-table.tsx';
import { useCan } from '../auth/auth-api.ts';
import { NameKeyFields } from '../settings/name-key-fields.tsx';
import { useAddPurpose, useConsentPurposes } from './consent-api.ts';
import { purposeLabel } from './consent-labels.ts';

function AddPurposeModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [key, setKey] = useState('');
  const { errors, reset, parse, showServerError } = useFormErrors({ fallbackField: 'key' });
  const add = useAddPurpose();
  const close = () => {
    setLabel('');
    setKey('');
    reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = parse(consentPurposeSchema, { key, label });
    if (body)
      add.mutate(body, {
        onSuccess: (p) => {
          notifications.show({ color: 'teal', message: t('consent.purposeAdded', { name: p.label }) });
          close();
        },
        onError: showServerError,
      });
  };
  return (
    <Modal opened={opened} onClose={close} title={t('consent.addPurpose')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <NameKeyFields
            nameLabel={t('consent.purposeLabel')}
            name={label}
            keyValue={key}
            onChange={(next) => {
              setLabel(next.name);
              setKey(next.key);
            }}
            nameError={errors.label}
            keyError={errors.key}
          />
          <FormActions onCancel={close} label={t('consent.addPurpose')} loading={add.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Settings → Consent: the purposes consent is kept for; administrators add their own. */
export function ConsentPurposesTab() {
  const { t } = useTranslation();
  const can = useCan();
  const purposes = useConsentPurposes();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <SettingsTable
        label={t('consent.purposesTitle')}
        headers={[t('consent.purposeLabel'), t('settings.key'), t('customFields.type')]}
        loading={purposes.isPending}
        rows={purposes.data ?? []}
        empty={t('consent.noPurposes')}
        hint={t('consent.purposesHint')}
        create={
          can('update', 'custom_fields') && { label: t('consent.addPurpose'), onClick: () => setAdding(true) }
        }
        renderRow={(p) => (
          <Table.Tr key={p.key}>
            <Table.Td fw={600}>{purposeLabel(p.key, purposes.data, t)}</Table.Td>
            <Table.Td>
              <Code>{p.key}</Code>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={p.builtin ? 'gray' : 'brand'}>
                {p.builtin ? t('settings.builtin') : t('settings.custom')}
              </Badge>
            </Table.Td>
          </Table.Tr>
        )}
      />
      <AddPurposeModal opened={adding} onClose={() => setAdding(false)} />
    </>
  );
}
