/**
 * The list filter language: `filter[field][op]=value` and `sort=field|-field`, checked
 * against a whitelist of fields. Produces a typed condition list; the server turns it into
 * parameterised SQL.
 */
import type { FieldError } from './common.ts';
import type { CustomFieldDef } from './custom-field.schema.ts';

export const filterOps = [
  'eq',
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'contains',
  'starts_with',
  'in',
  'is_null',
] as const;
export type FilterOp = (typeof filterOps)[number];

export type FieldKind = 'text' | 'number' | 'date' | 'datetime' | 'boolean' | 'uuid' | 'enum' | 'tags';

export type FieldSpec = {
  kind: FieldKind;
  sortable?: boolean;
  filterable?: boolean;
  /** Allowed values for enum and tags fields. */
  values?: readonly string[];
  /** Never null in the database: keyset pagination can use a plain row comparison. */
  notNull?: boolean;
};
export type FieldSpecs = Record<string, FieldSpec>;

export type Scalar = string | number | boolean;
export type Condition = { field: string; op: FilterOp; value: Scalar | Scalar[] };
export type Sort = { field: string; dir: 'asc' | 'desc' };

export const opsByKind: Record<FieldKind, readonly FilterOp[]> = {
  text: filterOps,
  number: ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in', 'is_null'],
  date: ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'is_null'],
  datetime: ['lt', 'lte', 'gt', 'gte', 'is_null'],
  boolean: ['eq', 'neq', 'is_null'],
  uuid: ['eq', 'neq', 'in', 'is_null'],
  enum: ['eq', 'neq', 'in', 'is_null'],
  tags: ['eq', 'in', 'is_null'],
};

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dateRe = /^\d{4}-\d{2}-\d{2}$/;

export class FilterError extends Error {
  readonly errors: FieldError[];
  constructor(errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    this.errors = errors;
  }
}

/** Field specs for an entity's custom fields, keyed `custom.<key>`. */
export function customFieldSpecs(defs: readonly CustomFieldDef[]): FieldSpecs {
  const specs: FieldSpecs = {};
  for (const d of defs) {
    const key = `custom.${d.key}`;
    switch (d.type) {
      case 'number':
      case 'money':
        specs[key] = { kind: 'number', sortable: true };
        break;
      case 'date':
        specs[key] = { kind: 'date', sortable: true };
        break;
      case 'boolean':
        specs[key] = { kind: 'boolean', sortable: true };
        break;
      case 'select':
        specs[key] = { kind: 'enum', sortable: true, values: d.options.map((o) => o.value) };
        break;
      case 'multi_select':
        specs[key] = { kind: 'tags', sortable: false, values: d.options.map((o) => o.value) };
        break;
      case 'text':
      case 'long_text':
      case 'email':
      case 'phone':
      case 'url':
        specs[key] = { kind: 'text', sortable: d.type !== 'long_text' };
        break;
    }
  }
  return specs;
}

function coerce(kind: FieldKind, raw: string, spec: FieldSpec): Scalar | string {
  switch (kind) {
    case 'number': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw new Error('must be a number');
      return n;
    }
    case 'date':
      if (!dateRe.test(raw) || Number.isNaN(Date.parse(raw))) throw new Error('must be a date (YYYY-MM-DD)');
      return raw;
    case 'datetime':
      if (Number.isNaN(Date.parse(raw))) throw new Error('must be a date or timestamp');
      return new Date(raw).toISOString();
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw new Error('must be true or false');
      return raw === 'true';
    case 'uuid':
      if (!uuidRe.test(raw)) throw new Error('must be a UUID');
      return raw.toLowerCase();
    case 'enum':
    case 'tags':
      if (spec.values && !spec.values.includes(raw))
        throw new Error(`must be one of ${spec.values.join(', ')}`);
      return raw;
    case 'text':
      if (raw.length > 500) throw new Error('is too long');
      return raw;
  }
}

const keyRe = /^filter\[([^\][]+)\](?:\[([^\][]+)\])?$/;

/**
 * Parses filters from a flat query object. `aliases` map a value (such as `me`) to a
 * concrete one before coercion, per field.
 */
export function parseFilters(
  query: Record<string, unknown>,
  specs: FieldSpecs,
  aliases: Record<string, Record<string, string>> = {},
): Condition[] {
  const conditions: Condition[] = [];
  const errors: FieldError[] = [];
  for (const [key, rawValue] of Object.entries(query)) {
    if (!key.startsWith('filter')) continue;
    const m = keyRe.exec(key);
    if (!m) {
      errors.push({ field: key, code: 'invalid_filter', message: 'use filter[field][op]=value' });
      continue;
    }
    const field = m[1]!;
    const op = (m[2] ?? 'eq') as FilterOp;
    // Own properties only: `__proto__` and friends are not fields.
    const spec = Object.hasOwn(specs, field) ? specs[field] : undefined;
    if (!spec || spec.filterable === false) {
      errors.push({ field, code: 'unknown_field', message: `unknown filter field "${field}"` });
      continue;
    }
    if (!filterOps.includes(op)) {
      errors.push({ field, code: 'unknown_op', message: `unknown filter operator "${op}"` });
      continue;
    }
    if (!opsByKind[spec.kind].includes(op)) {
      errors.push({ field, code: 'unsupported_op', message: `operator "${op}" does not apply to ${field}` });
      continue;
    }
    const values = Array.isArray(rawValue) ? rawValue : [rawValue];
    for (const v of values) {
      if (typeof v !== 'string') {
        errors.push({ field, code: 'invalid_value', message: 'must be a string' });
        continue;
      }
      try {
        if (op === 'is_null') {
          if (v !== 'true' && v !== 'false') throw new Error('is_null takes true or false');
          conditions.push({ field, op, value: v === 'true' });
        } else if (op === 'in') {
          const parts = v.split(',').filter((p) => p !== '');
          if (parts.length === 0 || parts.length > 100)
            throw new Error('in takes 1 to 100 comma-separated values');
          const alias = Object.hasOwn(aliases, field) ? aliases[field] : undefined;
          conditions.push({
            field,
            op,
            value: parts.map((p) =>
              coerce(spec.kind, (alias && Object.hasOwn(alias, p) ? alias[p] : undefined) ?? p, spec),
            ),
          });
        } else {
          const alias = Object.hasOwn(aliases, field) ? aliases[field] : undefined;
          const kind = op === 'contains' || op === 'starts_with' ? 'text' : spec.kind;
          conditions.push({
            field,
            op,
            value: coerce(kind, (alias && Object.hasOwn(alias, v) ? alias[v] : undefined) ?? v, spec),
          });
        }
      } catch (e) {
        errors.push({ field, code: 'invalid_value', message: (e as Error).message });
      }
    }
  }
  if (errors.length) throw new FilterError(errors);
  return conditions;
}

export function parseSort(sort: string | undefined, specs: FieldSpecs, fallback: Sort): Sort {
  if (!sort) return fallback;
  const dir = sort.startsWith('-') ? 'desc' : 'asc';
  const field = sort.replace(/^[-+]/, '');
  const spec = Object.hasOwn(specs, field) ? specs[field] : undefined;
  if (!spec?.sortable) {
    throw new FilterError([{ field: 'sort', code: 'unknown_field', message: `cannot sort by "${field}"` }]);
  }
  return { field, dir };
}
