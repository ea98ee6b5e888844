import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { isApiError } from './api-client.ts';

/** A user-facing sentence for any error thrown by the API client. */
export function errorMessage(e: unknown, t: TFunction): string {
  if (!isApiError(e)) return t('errors.generic');
  switch (e.code) {
    case 'precondition_failed':
      return t('errors.stale');
    case 'forbidden':
      return t('errors.forbidden');
    case 'not_found':
      return t('errors.notFound');
    case 'network':
      return t('errors.network');
    case 'rate_limited':
    case 'too_many_attempts':
      return t('errors.rateLimited');
    case 'validation_failed':
    case 'invalid_filter':
      return e.errors[0]
        ? `${e.errors[0].field}: ${e.errors[0].message}`
        : (e.detail ?? t('errors.validation'));
    case 'conflict':
      return e.detail ?? t('errors.conflict');
    case 'field_withheld':
      return t('errors.fieldWithheld', {
        fields: e.errors.map((f) => withheldFieldName(f.field, t)).join(', '),
      });
    case 'gone':
      return t('errors.gone');
    default:
      return e.detail ?? t('errors.generic');
  }
}

const profileFields = ['jobTitle', 'phones', 'emails', 'address', 'language'] as const;

/** A withheld field's name for people: "Phones", or the key of a custom field ("income"). */
function withheldFieldName(field: string, t: TFunction): string {
  const known = profileFields.find((f) => f === field);
  return known ? t(`fields.${known}`) : field.replace(/^custom\./, '');
}

export type FieldMessages = Record<string, string>;

/** Per-field messages from a problem+json `errors[]`, keyed by dotted path (e.g. `emails.0.address`). */
export function apiFieldErrors(e: unknown): FieldMessages {
  const out: FieldMessages = {};
  if (isApiError(e)) for (const err of e.errors) out[err.field] ??= err.message;
  return out;
}

/** Messages for zod issues, translated where the issue kind is a common one. */
export function zodFieldErrors(error: z.ZodError, t: TFunction): FieldMessages {
  const out: FieldMessages = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (out[path]) continue;
    out[path] = zodIssueMessage(issue, t);
  }
  return out;
}

function zodIssueMessage(issue: z.core.$ZodIssue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') return t('validation.tooSmallNumber', { min: Number(issue.minimum) });
      return Number(issue.minimum) <= 1 && issue.origin === 'string'
        ? t('validation.required')
        : t('validation.tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'number') return t('validation.tooLargeNumber', { max: Number(issue.maximum) });
      return t('validation.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'uuid') return t('validation.invalid');
      return issue.message;
    case 'invalid_type':
      return issue.input === undefined ? t('validation.required') : t('validation.invalid');
    default:
      return issue.message;
  }
}
