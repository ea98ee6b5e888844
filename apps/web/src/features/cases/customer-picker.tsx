import { SegmentedControl, Stack, Text } from '@mantine/core';
import type { RecordType } from '@relata/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordPicker } from '../relationships/record-picker.tsx';

export type CustomerChoice = { type: RecordType; id: string | null };

/** A contact or an account, found by name: for a new case and the routing test bench. */
export function CustomerPicker({
  value,
  onChange,
  error,
}: {
  value: CustomerChoice;
  onChange: (value: CustomerChoice) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} id={labelId}>
        {t('cases.customer')}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        size="xs"
        value={value.type}
        onChange={(v) => onChange({ type: v as RecordType, id: null })}
        data={[
          { value: 'contact', label: t('cases.contact') },
          { value: 'account', label: t('cases.account') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <RecordPicker
        key={value.type}
        type={value.type}
        value={value.id}
        onChange={(id) => onChange({ type: value.type, id })}
        label={value.type === 'contact' ? t('cases.contact') : t('cases.account')}
        error={error}
      />
    </Stack>
  );
}
