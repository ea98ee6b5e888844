import { Group, MultiSelect, NumberInput, Select, Switch, Textarea, TextInput } from '@mantine/core';
import type { Money } from '@relata/domain';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyDigits } from '../../lib/format.ts';
import type { CustomField } from './custom-fields-api.ts';

type Props = {
  field: CustomField;
  value: unknown;
  onChange: (value: unknown) => void;
  /** Inline editors save on commit; forms leave it out. */
  onCommit?: (value?: unknown) => void;
  onKeyDown?: (e: KeyboardEvent) => void;
  error?: string | null;
  label?: string;
  autoFocus?: boolean;
};

function toMoney(value: unknown): Money | null {
  if (typeof value === 'object' && value !== null && 'amount' in value && 'currency' in value)
    return value as Money;
  return null;
}

/** The input for one custom field, by its type. Values are in API form (money in minor units). */
export function CustomFieldInput({
  field,
  value,
  onChange,
  onCommit,
  onKeyDown,
  error,
  label,
  autoFocus,
}: Props) {
  const { t } = useTranslation();
  const common = {
    label,
    'aria-label': label ? undefined : field.label,
    error: error || undefined,
    autoFocus,
    onKeyDown,
    size: 'sm' as const,
  };
  const blur = onCommit ? () => onCommit() : undefined;
  const options = field.options.map((o) => ({ value: o.value, label: o.label }));
  switch (field.type) {
    case 'long_text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={3}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          onBlur={blur}
          description={onCommit ? t('inline.textareaHint') : undefined}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? null : Number(v))}
          onBlur={blur}
        />
      );
    case 'money': {
      const money = toMoney(value);
      const currency = money?.currency ?? 'EUR';
      const digits = currencyDigits(currency);
      return (
        <Group gap={6} wrap="nowrap" align="flex-start">
          <NumberInput
            {...common}
            decimalScale={digits}
            value={money ? money.amount / 10 ** digits : ''}
            onChange={(v) =>
              onChange(
                v === '' || v === null ? null : { amount: Math.round(Number(v) * 10 ** digits), currency },
              )
            }
            style={{ flex: 1 }}
          />
          <TextInput
            aria-label={t('customFields.currency')}
            size="sm"
            w={80}
            maxLength={3}
            value={currency}
            onKeyDown={onKeyDown}
            mt={label ? 25 : 0}
            onChange={(e) =>
              onChange({ amount: money?.amount ?? 0, currency: e.currentTarget.value.toUpperCase() })
            }
          />
        </Group>
      );
    }
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || null)}
          onBlur={blur}
        />
      );
    case 'boolean':
      return (
        <Switch
          label={label ?? field.label}
          aria-label={field.label}
          checked={value === true}
          autoFocus={autoFocus}
          onKeyDown={onKeyDown}
          onChange={(e) => {
            const next = e.currentTarget.checked;
            onChange(next);
            onCommit?.(next);
          }}
          error={error || undefined}
          mt={label ? 8 : 6}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          data={options}
          value={typeof value === 'string' ? value : null}
          clearable
          onChange={(v) => {
            onChange(v);
            onCommit?.(v);
          }}
          onBlur={onCommit ? () => onCommit() : undefined}
        />
      );
    case 'multi_select':
      return (
        <MultiSelect
          {...common}
          data={options}
          value={Array.isArray(value) ? value.map(String) : []}
          onChange={onChange}
          onBlur={blur}
          clearable
        />
      );
    case 'email':
    case 'phone':
    case 'url':
    case 'text':
      return (
        <TextInput
          {...common}
          type={
            field.type === 'email'
              ? 'email'
              : field.type === 'phone'
                ? 'tel'
                : field.type === 'url'
                  ? 'url'
                  : 'text'
          }
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          onBlur={blur}
        />
      );
  }
}
