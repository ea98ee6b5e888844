import {
  accountSizes,
  accountTypes,
  customFieldSpecs,
  type FieldKind,
  type FilterOp,
  languages,
  opsByKind,
  type RecordType,
} from '@relata/domain';
import type { CustomField } from '../custom-fields/custom-fields-api.ts';

export type FilterField = {
  key: string;
  label: string;
  kind: FieldKind;
  values?: readonly string[];
  /** Where the value choices come from when they are records. */
  ref?: 'users' | 'teams';
};

/** The operator a new condition starts with; otherwise the first the API accepts for the kind. */
const preferredOps: Partial<Record<FieldKind, FilterOp>> = { text: 'contains', datetime: 'gte' };

export function defaultOp(kind: FieldKind): FilterOp {
  return preferredOps[kind] ?? opsByKind[kind][0] ?? 'eq';
}

type BuiltinKey =
  | 'name'
  | 'firstName'
  | 'lastName'
  | 'jobTitle'
  | 'email'
  | 'phone'
  | 'language'
  | 'ownerId'
  | 'teamId'
  | 'createdAt'
  | 'updatedAt'
  | 'domain'
  | 'type'
  | 'industry'
  | 'size';

const builtins: Record<
  RecordType,
  { key: BuiltinKey; kind: FieldKind; values?: readonly string[]; ref?: 'users' | 'teams' }[]
> = {
  contact: [
    { key: 'name', kind: 'text' },
    { key: 'firstName', kind: 'text' },
    { key: 'lastName', kind: 'text' },
    { key: 'jobTitle', kind: 'text' },
    { key: 'email', kind: 'text' },
    { key: 'phone', kind: 'text' },
    { key: 'language', kind: 'enum', values: languages },
    { key: 'ownerId', kind: 'uuid', ref: 'users' },
    { key: 'teamId', kind: 'uuid', ref: 'teams' },
    { key: 'createdAt', kind: 'datetime' },
    { key: 'updatedAt', kind: 'datetime' },
  ],
  account: [
    { key: 'name', kind: 'text' },
    { key: 'domain', kind: 'text' },
    { key: 'type', kind: 'enum', values: accountTypes },
    { key: 'industry', kind: 'text' },
    { key: 'size', kind: 'enum', values: accountSizes },
    { key: 'ownerId', kind: 'uuid', ref: 'users' },
    { key: 'teamId', kind: 'uuid', ref: 'teams' },
    { key: 'createdAt', kind: 'datetime' },
    { key: 'updatedAt', kind: 'datetime' },
  ],
};

export function filterFields(
  type: RecordType,
  customFields: readonly CustomField[],
  label: (key: BuiltinKey) => string,
): FilterField[] {
  const out: FilterField[] = builtins[type].map((b) => ({ ...b, label: label(b.key) }));
  const specs = customFieldSpecs(customFields);
  for (const cf of customFields) {
    const spec = specs[`custom.${cf.key}`];
    if (spec) out.push({ key: `custom.${cf.key}`, label: cf.label, kind: spec.kind, values: spec.values });
  }
  return out;
}
