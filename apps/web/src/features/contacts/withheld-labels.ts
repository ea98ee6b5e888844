import { withholdableFields } from '@relata/domain';
import type { TFunction } from 'i18next';
import type { CustomField } from '../custom-fields/custom-fields-api.ts';

/** A withheld field's name: "Phones", or a custom field's label. */
export function withheldLabel(field: string, customFields: readonly CustomField[], t: TFunction): string {
  const builtin = withholdableFields.find((f) => f === field);
  if (builtin) return t(`fields.${builtin}`);
  const key = field.replace(/^custom\./, '');
  return customFields.find((f) => f.key === key)?.label ?? key;
}
