import { z } from 'zod';

export const idSchema = z.uuid({ message: 'must be a UUID' });

/** The closed set of error codes the API answers with (see docs/api-contract.md). */
export const errorCodes = [
  'validation_failed',
  'invalid_filter',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'csrf_failed',
  'not_found',
  'conflict',
  'precondition_failed',
  'precondition_required',
  'idempotency_mismatch',
  'too_many_attempts',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'field_withheld',
  'gone',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type FieldError = { field: string; code: string; message: string };

export const languages = ['en', 'sv', 'nb', 'ru'] as const;
export type Language = (typeof languages)[number];

export const addressSchema = z
  .object({
    street: z.string().trim().max(300).nullish(),
    city: z.string().trim().max(120).nullish(),
    postalCode: z.string().trim().max(20).nullish(),
    region: z.string().trim().max(120).nullish(),
    country: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code, e.g. SE')
      .nullish(),
  })
  .strict();
export type Address = z.infer<typeof addressSchema>;

/**
 * Free text with a sensible cap; empty strings become null. An absent key stays undefined, so a
 * PATCH that does not mention the field leaves it as it is.
 */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === '' ? null : v));

export const customValuesSchema = z.record(z.string(), z.unknown());

export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
  sort: z.string().max(100).optional(),
  q: z.string().trim().max(200).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;
