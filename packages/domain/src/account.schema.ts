import { z } from 'zod';
import { addressSchema, customValuesSchema, idSchema, optionalText } from './common.ts';

export const accountTypes = ['customer', 'prospect', 'partner', 'supplier'] as const;
export type AccountType = (typeof accountTypes)[number];
export const accountSizes = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+'] as const;

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v) =>
    v
      .replace(/^https?:\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/.*$/, ''),
  )
  .pipe(
    z
      .string()
      .max(253)
      .regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'must be a domain such as example.com')
      .or(z.literal('')),
  )
  .transform((v) => (v === '' ? null : v));

export const accountCreateSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    domain: domainSchema.nullish(),
    type: z.enum(accountTypes).default('customer'),
    industry: optionalText(100),
    size: z.enum(accountSizes).nullish(),
    address: addressSchema.nullish(),
    ownerId: idSchema.nullish(),
    teamId: idSchema.nullish(),
    custom: customValuesSchema.default({}),
    creditScore: z.number().int().min(0).max(1000).nullish(),
  })
  .strict();
export type AccountCreate = z.infer<typeof accountCreateSchema>;
export type AccountCreateInput = z.input<typeof accountCreateSchema>;

export const accountUpdateSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200).optional(),
    domain: domainSchema.nullish(),
    type: z.enum(accountTypes).optional(),
    industry: optionalText(100),
    size: z.enum(accountSizes).nullish(),
    address: addressSchema.nullish(),
    ownerId: idSchema.nullish(),
    teamId: idSchema.nullish(),
    custom: customValuesSchema.optional(),
    creditScore: z.number().int().min(0).max(1000).nullish(),
  })
  .strict();
export type AccountUpdate = z.infer<typeof accountUpdateSchema>;
