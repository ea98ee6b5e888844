import { SimpleGrid, TextInput } from '@mantine/core';
import { normalisePhone } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import type { FieldMessages } from '../../lib/errors.ts';
import { useForm } from '../../lib/use-form.ts';
import { OwnerSelect, RecordCreateModal } from '../records/record-create-modal.tsx';

const empty = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  jobTitle: '',
  ownerId: null as string | null,
};

/** Maps API/schema paths onto the form's inputs. */
function toFormErrors(messages: FieldMessages): FieldMessages {
  const out: FieldMessages = {};
  for (const [path, message] of Object.entries(messages)) {
    const key = path.startsWith('emails') ? 'email' : path.startsWith('phones') ? 'phone' : path;
    out[key] ??= message;
  }
  return out;
}

export function ContactCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm(empty, { mapPaths: toFormErrors });
  const { values, set, errors } = form;
  const text = (key: 'firstName' | 'lastName' | 'email' | 'phone' | 'jobTitle') => ({
    value: values[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
    error: errors[key],
  });
  return (
    <RecordCreateModal
      type="contact"
      opened={opened}
      onClose={onClose}
      form={form}
      toBody={(v) => ({
        firstName: v.firstName,
        lastName: v.lastName,
        jobTitle: v.jobTitle,
        emails: v.email.trim() ? [{ address: v.email.trim(), label: 'work', primary: true }] : [],
        phones: v.phone.trim() ? [{ number: v.phone.trim(), label: 'work', primary: true }] : [],
      })}
      refine={(v, schemaErrors) => {
        const out = { ...schemaErrors };
        if (out.lastName && !v.firstName.trim() && !v.lastName.trim()) {
          out.lastName = t('contacts.nameRequired');
          out.firstName = t('contacts.nameRequired');
        }
        if (v.phone.trim() && !normalisePhone(v.phone.trim())) out.phone = t('validation.phone');
        return out;
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('fields.firstName')} {...text('firstName')} data-autofocus />
        <TextInput label={t('fields.lastName')} {...text('lastName')} />
        <TextInput label={t('fields.email')} type="email" {...text('email')} />
        <TextInput label={t('fields.phone')} type="tel" placeholder="+46 8 123 456 78" {...text('phone')} />
        <TextInput label={t('fields.jobTitle')} {...text('jobTitle')} />
        <OwnerSelect value={values.ownerId} onChange={(v) => set('ownerId', v)} error={errors.ownerId} />
      </SimpleGrid>
    </RecordCreateModal>
  );
}
