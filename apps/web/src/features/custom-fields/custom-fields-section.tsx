import { Text } from '@mantine/core';
import type { RecordType } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { InlineField } from '../../ui/inline-field.tsx';
import { WithheldValue } from '../../ui/withheld-value.tsx';
import { CustomFieldInput } from './custom-field-input.tsx';
import { CustomFieldValue, isEmptyValue } from './custom-field-value.tsx';
import { useCustomFields } from './custom-fields-api.ts';

/** Custom fields of a record, each editable in place. */
export function CustomFieldsSection({
  entity,
  values,
  readOnly,
  onSave,
  withheld = [],
}: {
  entity: RecordType;
  values: Record<string, unknown>;
  readOnly: boolean;
  onSave: (patch: Record<string, unknown>) => Promise<void>;
  /** Fields the customer withholds (`custom.<key>`): shown as withheld, never edited. */
  withheld?: readonly string[];
}) {
  const { t } = useTranslation();
  const fields = useCustomFields(entity);
  if (fields.isPending) return null;
  if (!fields.data?.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('customFields.noneDefined')}
      </Text>
    );
  }
  return (
    <div>
      {fields.data.map((field) => {
        if (withheld.includes(`custom.${field.key}`))
          return <WithheldValue key={field.id} label={field.label} />;
        const value = values[field.key];
        return (
          <InlineField<unknown>
            key={field.id}
            label={field.required ? `${field.label} *` : field.label}
            value={value ?? null}
            display={<CustomFieldValue field={field} value={value} />}
            isEmpty={isEmptyValue(value)}
            readOnly={readOnly}
            equals={(a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)}
            onSave={(next) => onSave({ custom: { [field.key]: isEmptyValue(next) ? null : next } })}
            renderEditor={(p) => (
              <CustomFieldInput
                field={field}
                value={p.value}
                onChange={p.onChange}
                onCommit={p.commit}
                onKeyDown={p.onKeyDown}
                error={p.error}
                autoFocus
              />
            )}
          />
        );
      })}
    </div>
  );
}
