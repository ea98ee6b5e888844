import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { type AccountType, accountSizes, accountTypes } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../lib/use-form.ts';
import { OwnerSelect, RecordCreateModal } from '../records/record-create-modal.tsx';

const empty = {
  name: '',
  domain: '',
  type: 'customer' as AccountType,
  industry: '',
  size: null as string | null,
  ownerId: null as string | null,
};

export function AccountCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm(empty);
  const { values, set, errors } = form;
  return (
    <RecordCreateModal
      type="account"
      opened={opened}
      onClose={onClose}
      form={form}
      toBody={(v) => ({ name: v.name, domain: v.domain, type: v.type, industry: v.industry, size: v.size })}
    >
      <TextInput
        label={t('fields.name')}
        required
        value={values.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={errors.name}
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('fields.domain')}
          placeholder="example.com"
          value={values.domain}
          onChange={(e) => set('domain', e.currentTarget.value)}
          error={errors.domain}
        />
        <Select
          label={t('fields.type')}
          data={accountTypes.map((v) => ({ value: v, label: t(`accountTypes.${v}`) }))}
          value={values.type}
          onChange={(v) => v && set('type', v as AccountType)}
          allowDeselect={false}
          error={errors.type}
        />
        <TextInput
          label={t('fields.industry')}
          value={values.industry}
          onChange={(e) => set('industry', e.currentTarget.value)}
          error={errors.industry}
        />
        <Select
          label={t('fields.size')}
          data={accountSizes.map((v) => ({ value: v, label: v }))}
          value={values.size}
          onChange={(v) => set('size', v)}
          clearable
          error={errors.size}
        />
        <OwnerSelect value={values.ownerId} onChange={(v) => set('ownerId', v)} error={errors.ownerId} />
      </SimpleGrid>
    </RecordCreateModal>
  );
}
