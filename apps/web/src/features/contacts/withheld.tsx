import { Badge, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconLock } from '../../ui/icons-privacy.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useCustomFields } from '../custom-fields/custom-fields-api.ts';
import type { Contact } from '../records/record-types.ts';
import type { SaveRecord } from '../records/use-save-record.ts';
import { WithheldFieldsModal } from './withheld-fields-modal.tsx';
import { withheldLabel } from './withheld-labels.ts';

/** The fields the customer chose not to give, and the way to change that list. */
export function WithheldSection({
  contact,
  save,
  readOnly,
}: {
  contact: Contact;
  save: SaveRecord;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const customFields = useCustomFields('contact');
  const [editing, setEditing] = useState(false);
  const fields = contact.withheldFields;
  return (
    <SectionCard
      id="withheld"
      title={t('withheld.title')}
      icon={<IconLock size={16} />}
      actions={
        !readOnly && (
          <Button size="compact-sm" variant="subtle" onClick={() => setEditing(true)}>
            {t('withheld.change')}
          </Button>
        )
      }
    >
      {fields.length ? (
        <Group gap={6}>
          {fields.map((f) => (
            <Badge key={f} variant="light" color="gray" leftSection={<IconLock size={12} />}>
              {withheldLabel(f, customFields.data ?? [], t)}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('withheld.none')}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('withheld.hint')}
      </Text>
      {editing && (
        <WithheldFieldsModal
          contact={contact}
          customFields={customFields.data ?? []}
          save={save}
          onClose={() => setEditing(false)}
        />
      )}
    </SectionCard>
  );
}
