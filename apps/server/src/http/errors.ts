/** One error type with a closed set of codes, mapped to HTTP once, sent as RFC 9457 problem+json. */
import type { ErrorCode, FieldError } from '@relata/domain';

const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  invalid_filter: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  precondition_required: 428,
  idempotency_mismatch: 422,
  too_many_attempts: 429,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  field_withheld: 422,
  gone: 410,
  internal: 500,
};

const titleByCode: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  invalid_filter: 'The filter or sort is not valid',
  unauthenticated: 'Sign in first',
  invalid_credentials: 'Wrong email or password',
  forbidden: 'You may not do this',
  csrf_failed: 'Missing or wrong CSRF token',
  not_found: 'Not found',
  conflict: 'Conflicts with existing data',
  precondition_failed: 'The record was changed by someone else',
  precondition_required: 'If-Match header required',
  idempotency_mismatch: 'Idempotency key reused with a different request',
  too_many_attempts: 'Too many attempts',
  rate_limited: 'Too many requests',
  payload_too_large: 'The request is too large',
  unsupported_media_type: 'Unsupported content type',
  field_withheld: 'The customer withholds this field',
  gone: 'This link has expired',
  internal: 'Something went wrong on our side',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  constructor(
    code: ErrorCode,
    detail?: string,
    opts: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? titleByCode[code]);
    this.code = code;
    this.errors = opts.errors;
    this.headers = opts.headers ?? {};
  }
  get status(): number {
    return statusByCode[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (detail = 'Your role does not allow this') => new AppError('forbidden', detail);
export const invalid = (errors: FieldError[], detail = 'Some fields are not valid') =>
  new AppError('validation_failed', detail, { errors });

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  errors?: FieldError[];
};

export function toProblem(err: AppError, instance?: string): Problem {
  return {
    type: `https://relata.dev/problems/${err.code.replace(/_/g, '-')}`,
    title: titleByCode[err.code],
    status: err.status,
    code: err.code,
    detail: err.message,
    ...(instance ? { instance } : {}),
    ...(err.errors?.length ? { errors: err.errors } : {}),
  };
}
