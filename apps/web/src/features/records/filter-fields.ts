import {
  accountSizes,
  accountTypes,
  customFieldSpecs,
  type FieldKind,
  type FilterOp,
  languages,
  lifecycleStates,
  npsCategories,
  opsByKind,
  type RecordType,
} from '@relata/domain';
import type { TFunction } from 'i18next';
import type { FilterCondition } from '../../lib/list-query.ts';
import type { CustomField } from '../custom-fields/custom-fields-api.ts';

export type FilterField = {
  key: string;
  label: string;
  kind: FieldKind;
  values?: readonly string[];
  /** Where the value choices come from when they are records. */
  ref?: 'users' | 'teams';
  /** How a choice of `values` is shown; the value itself by default. */
  valueLabel?: (value: string) => string;
  /** The API value is the typed value times this (money in major units → minor, % → share). */
  scale?: number;
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
  | 'size'
  | 'creditScore';

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
    { key: 'creditScore', kind: 'number' },
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
    { key: 'creditScore', kind: 'number' },
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

/**
 * The customer value fields of contact and account lists: money is typed in major units of the
 * company currency and P(alive) as a percentage; both are scaled for the API.
 */
export function valueFilterFields(
  t: TFunction,
  currency: string,
  minorPerMajor: number,
  tierKeys: readonly string[],
): FilterField[] {
  return [
    { key: 'tier', label: t('value.tier'), kind: 'enum', values: tierKeys },
    { key: 'clv', label: t('value.filters.clv', { currency }), kind: 'number', scale: minorPerMajor },
    { key: 'pAlive', label: t('value.filters.pAlive'), kind: 'number', scale: 0.01 },
    {
      key: 'historicalValue',
      label: t('value.filters.historicalValue', { currency }),
      kind: 'number',
      scale: minorPerMajor,
    },
    {
      key: 'lifecycleState',
      label: t('value.lifecycle'),
      kind: 'enum',
      values: lifecycleStates,
      valueLabel: (v) => t(`value.states.${v as (typeof lifecycleStates)[number]}`),
    },
    { key: 'rfmScore', label: t('value.rfm'), kind: 'text' },
    { key: 'rfmR', label: t('value.filters.rfmR'), kind: 'number' },
    { key: 'rfmF', label: t('value.filters.rfmF'), kind: 'number' },
    { key: 'rfmM', label: t('value.filters.rfmM'), kind: 'number' },
    { key: 'lastPurchaseOn', label: t('value.filters.lastPurchaseOn'), kind: 'date' },
  ];
}

/** NPS fields: a contact's group and score, an account's score over its contacts. */
export function npsFilterFields(type: RecordType, t: TFunction): FilterField[] {
  const score: FilterField = { key: 'npsScore', label: t('nps.filters.score'), kind: 'number' };
  if (type === 'account') return [score];
  return [
    {
      key: 'npsCategory',
      label: t('nps.filters.category'),
      kind: 'enum',
      values: npsCategories,
      valueLabel: (v) => t(`nps.categories.${v as (typeof npsCategories)[number]}`),
    },
    { ...score, label: t('nps.filters.contactScore') },
  ];
}

/** The conditions as the API takes them: scaled numbers (a typed 50 % P(alive) is sent as 0.5). */
export function apiConditions(fields: FilterField[], conditions: FilterCondition[]): FilterCondition[] {
  return conditions.map((c) => {
    const scale = fields.find((f) => f.key === c.field)?.scale;
    if (!scale || c.op === 'is_null') return c;
    const one = (v: string) => {
      const n = Number(v.trim());
      return v.trim() !== '' && Number.isFinite(n) ? String(Number((n * scale).toPrecision(12))) : v;
    };
    return { ...c, value: c.op === 'in' ? c.value.split(',').map(one).join(',') : one(c.value) };
  });
}
