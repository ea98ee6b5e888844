/** Validation of custom field values against their definitions. */
import type { FieldError } from './common.ts';
import type { CustomFieldDef } from './custom-field.schema.ts';
import { normalisePhone } from './phone.ts';

const emailRe = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const dateRe = /^\d{4}-\d{2}-\d{2}$/;

function isValidDate(v: string): boolean {
  if (!dateRe.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

function checkValue(
  def: CustomFieldDef,
  value: unknown,
  phoneCountry?: string | null,
): { value?: unknown; error?: string } {
  switch (def.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 1000
        ? { value: value.trim() }
        : { error: 'must be text of at most 1000 characters' };
    case 'long_text':
      return typeof value === 'string' && value.length <= 20000
        ? { value }
        : { error: 'must be text of at most 20000 characters' };
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { value } : { error: 'must be a number' };
    case 'money': {
      const m = value as { amount?: unknown; currency?: unknown };
      if (typeof m !== 'object' || m === null) return { error: 'must be { amount, currency }' };
      if (!Number.isSafeInteger(m.amount)) return { error: 'amount must be an integer in minor units' };
      if (typeof m.currency !== 'string' || !/^[A-Z]{3}$/.test(m.currency))
        return { error: 'currency must be an ISO 4217 code' };
      return { value: { amount: m.amount, currency: m.currency } };
    }
    case 'date':
      return typeof value === 'string' && isValidDate(value)
        ? { value }
        : { error: 'must be a date (YYYY-MM-DD)' };
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { error: 'must be true or false' };
    case 'select':
      return typeof value === 'string' && def.options.some((o) => o.value === value)
        ? { value }
        : { error: `must be one of ${def.options.map((o) => o.value).join(', ')}` };
    case 'multi_select': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
        return { error: 'must be a list of options' };
      const bad = value.filter((v) => !def.options.some((o) => o.value === v));
      if (bad.length) return { error: `unknown option ${bad.join(', ')}` };
      return { value: [...new Set(value)] };
    }
    case 'email':
      return typeof value === 'string' && value.length <= 320 && emailRe.test(value.trim())
        ? { value: value.trim().toLowerCase() }
        : { error: 'must be an email address' };
    case 'phone': {
      if (typeof value !== 'string') return { error: 'must be a phone number' };
      const e164 = normalisePhone(value, phoneCountry);
      return e164 ? { value: e164 } : { error: 'must be a phone number (with country code)' };
    }
    case 'url': {
      if (typeof value !== 'string' || value.length > 2000) return { error: 'must be a URL' };
      try {
        const u = new URL(value);
        return u.protocol === 'http:' || u.protocol === 'https:'
          ? { value: u.toString() }
          : { error: 'must be an http(s) URL' };
      } catch {
        return { error: 'must be a URL' };
      }
    }
  }
}

/**
 * Validates `input` (a partial set of values) against the definitions and merges it over
 * `existing`. `null` clears a value. On create, required fields must end up set.
 */
export function validateCustomValues(
  defs: readonly CustomFieldDef[],
  input: Record<string, unknown>,
  existing: Record<string, unknown> = {},
  opts: { phoneCountry?: string | null } = {},
): { values: Record<string, unknown>; errors: FieldError[] } {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const values: Record<string, unknown> = { ...existing };
  const errors: FieldError[] = [];
  for (const [key, raw] of Object.entries(input)) {
    const def = byKey.get(key);
    const field = `custom.${key}`;
    if (!def) {
      errors.push({ field, code: 'unknown_field', message: `no custom field "${key}"` });
      continue;
    }
    if (raw === null || raw === '') {
      delete values[key];
      continue;
    }
    const r = checkValue(def, raw, opts.phoneCountry);
    if (r.error) errors.push({ field, code: 'invalid_value', message: r.error });
    else values[key] = r.value;
  }
  for (const def of defs) {
    if (def.required && (values[def.key] === undefined || values[def.key] === null)) {
      errors.push({ field: `custom.${def.key}`, code: 'required', message: `${def.label} is required` });
    }
  }
  // Values whose definition was removed are dropped silently: they can no longer be edited.
  for (const key of Object.keys(values)) if (!byKey.has(key)) delete values[key];
  return { values, errors };
}
