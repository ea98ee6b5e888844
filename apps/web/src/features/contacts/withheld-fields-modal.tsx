import { Alert, Checkbox, List, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { withholdableFields } from '@relata/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { isEmptyValue } from '../custom-fields/custom-field-value.tsx';
import type { CustomField } from '../custom-fields/custom-fields-api.ts';
import type { Contact } from '../records/record-types.ts';
import type { SaveRecord } from '../records/use-save-record.ts';
import { withheldLabel } from './withheld-labels.ts';

/** Whether the contact has a value in the field now (which withholding it clears). */
function hasValue(c: Contact, field: string): boolean {
  switch (field) {
    case 'jobTitle':
      return Boolean(c.jobTitle);
    case 'phones':
      return c.phones.length > 0;
    case 'emails':
      return c.emails.length > 0;
    case 'address':
      return Boolean(c.address && Object.values(c.address).some(Boolean));
    case 'language':
      return Boolean(c.language);
    default:
      return field.startsWith('custom.') && !isEmptyValue(c.custom[field.slice(7)]);
  }
}

/**
 * Marks the fields the customer does not want to give. Withholding a field clears its value at
 * once, so the dialog asks again, naming the values that will go.
 */
export function WithheldFieldsModal({
  contact,
  customFields,
  save,
  onClose,
}: {
  contact: Contact;
  customFields: readonly CustomField[];
  save: SaveRecord;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string[]>(contact.withheldFields);
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const options = [...withholdableFields, ...customFields.map((f) => `custom.${f.key}`)];
  const cleared = selected.filter((f) => !contact.withheldFields.includes(f) && hasValue(contact, f));
  const label = (f: string) => withheldLabel(f, customFields, t);

  const commit = async () => {
    setSaving(true);
    setError(null);
    try {
      await save({ withheldFields: selected });
      notifications.show({ color: 'teal', message: t('withheld.saved') });
      onClose();
    } catch (e) {
      setError(e instanceof Error && !('status' in e) ? e.message : errorMessage(e, t));
      setConfirming(false);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={<Text fw={600}>{t('withheld.modalTitle', { name: contact.name })}</Text>}
    >
      {confirming ? (
        <Stack gap="md">
          <Alert color="red" title={t('withheld.confirmTitle')}>
            <Text size="sm" mb="xs">
              {t('withheld.confirmText')}
            </Text>
            <List size="sm">
              {cleared.map((f) => (
                <List.Item key={f}>{label(f)}</List.Item>
              ))}
            </List>
          </Alert>
          <FormActions
            onCancel={() => setConfirming(false)}
            label={t('withheld.confirmButton')}
            color="red"
            loading={saving}
            onClick={() => void commit()}
          />
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('withheld.modalHint')}
          </Text>
          <Checkbox.Group value={selected} onChange={setSelected} label={t('withheld.fieldsLabel')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {options.map((f) => (
                <Checkbox
                  key={f}
                  value={f}
                  label={label(f)}
                  description={
                    !contact.withheldFields.includes(f) && hasValue(contact, f)
                      ? t('withheld.hasValue')
                      : undefined
                  }
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {error && (
            <Text c="red" size="sm" role="alert">
              {error}
            </Text>
          )}
          <FormActions
            onCancel={onClose}
            label={t('common.save')}
            loading={saving}
            onClick={() => (cleared.length ? setConfirming(true) : void commit())}
          />
        </Stack>
      )}
    </Modal>
  );
}
