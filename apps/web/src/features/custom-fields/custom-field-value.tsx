import { Anchor, Badge, Group, Text } from '@mantine/core';
import type { Money } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../../lib/format.ts';
import type { CustomField } from './custom-fields-api.ts';

export function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

function isMoney(value: unknown): value is Money {
  return typeof value === 'object' && value !== null && 'amount' in value && 'currency' in value;
}

/** A custom field value formatted for reading. */
export function CustomFieldValue({ field, value }: { field: CustomField; value: unknown }) {
  const { t, i18n } = useTranslation();
  if (isEmptyValue(value)) return null;
  const optionLabel = (v: string) => field.options.find((o) => o.value === v)?.label ?? v;
  switch (field.type) {
    case 'boolean':
      return <>{value ? t('common.yes') : t('common.no')}</>;
    case 'number':
      return (
        <>{typeof value === 'number' ? new Intl.NumberFormat(i18n.language).format(value) : String(value)}</>
      );
    case 'money':
      return (
        <>
          {isMoney(value) ? formatMoney(value.amount, value.currency, i18n.language) : JSON.stringify(value)}
        </>
      );
    case 'date':
      return <>{formatDate(String(value), i18n.language)}</>;
    case 'select':
      return <Badge variant="light">{optionLabel(String(value))}</Badge>;
    case 'multi_select':
      return (
        <Group gap={4}>
          {(Array.isArray(value) ? value : [value]).map((v) => (
            <Badge key={String(v)} variant="light">
              {optionLabel(String(v))}
            </Badge>
          ))}
        </Group>
      );
    case 'email':
      return (
        <Anchor href={`mailto:${String(value)}`} size="sm" onClick={(e) => e.stopPropagation()}>
          {String(value)}
        </Anchor>
      );
    case 'phone':
      return (
        <Anchor href={`tel:${String(value)}`} size="sm" onClick={(e) => e.stopPropagation()}>
          {String(value)}
        </Anchor>
      );
    case 'url':
      return (
        <Anchor
          href={String(value)}
          target="_blank"
          rel="noreferrer noopener"
          size="sm"
          onClick={(e) => e.stopPropagation()}
        >
          {String(value)}
        </Anchor>
      );
    case 'long_text':
      return (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {String(value)}
        </Text>
      );
    case 'text':
      return <>{String(value)}</>;
  }
}
