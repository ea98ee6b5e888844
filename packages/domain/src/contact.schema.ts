import { z } from 'zod';
import { addressSchema, customValuesSchema, idSchema, languages, optionalText } from './common.ts';
import { withheldFieldsSchema } from './consent.ts';

export const emailEntrySchema = z
  .object({
    address: z.email({ message: 'must be an email address' }).max(320),
    label: z.string().trim().max(40).default('work'),
    primary: z.boolean().default(false),
  })
  .strict();

export const phoneEntrySchema = z
  .object({
    number: z.string().trim().min(3).max(40),
    label: z.string().trim().max(40).default('work'),
    primary: z.boolean().default(false),
  })
  .strict();

const contactFields = {
  firstName: z.string().trim().max(100).default(''),
  lastName: z.string().trim().max(100).default(''),
  jobTitle: optionalText(200),
  emails: z.array(emailEntrySchema).max(20).default([]),
  phones: z.array(phoneEntrySchema).max(20).default([]),
  address: addressSchema.nullish(),
  language: z.enum(languages).nullish(),
  ownerId: idSchema.nullish(),
  teamId: idSchema.nullish(),
  custom: customValuesSchema.default({}),
  /** From a credit agency or the ERP, 0–1000; shown to agents on the customer card. */
  creditScore: z.number().int().min(0).max(1000).nullish(),
  /** Profile fields the customer chose not to give (jobTitle, phones, custom.income, …). */
  withheldFields: withheldFieldsSchema.optional(),
};

const hasName = (c: { firstName?: string; lastName?: string }) =>
  Boolean((c.firstName ?? '').trim() || (c.lastName ?? '').trim());

export const contactCreateSchema = z
  .object(contactFields)
  .strict()
  .refine(hasName, { message: 'a first or last name is required', path: ['lastName'] });
export type ContactCreate = z.infer<typeof contactCreateSchema>;
export type ContactCreateInput = z.input<typeof contactCreateSchema>;

export const contactUpdateSchema = z
  .object({
    firstName: z.string().trim().max(100).optional(),
    lastName: z.string().trim().max(100).optional(),
    jobTitle: contactFields.jobTitle,
    emails: z.array(emailEntrySchema).max(20).optional(),
    phones: z.array(phoneEntrySchema).max(20).optional(),
    address: addressSchema.nullish(),
    language: z.enum(languages).nullish(),
    ownerId: idSchema.nullish(),
    teamId: idSchema.nullish(),
    custom: customValuesSchema.optional(),
    creditScore: contactFields.creditScore,
    withheldFields: withheldFieldsSchema.optional(),
  })
  .strict();
export type ContactUpdate = z.infer<typeof contactUpdateSchema>;

export const mergeSchema = z
  .object({
    mergeId: idSchema,
    fields: z.record(z.string(), z.enum(['target', 'source'])).default({}),
  })
  .strict();
export type MergeInput = z.infer<typeof mergeSchema>;

export type EmailEntry = z.infer<typeof emailEntrySchema>;
export type PhoneEntry = z.infer<typeof phoneEntrySchema>;

export const contactBatchSchema = z
  .object({ records: z.array(contactCreateSchema).min(1).max(1000) })
  .strict();
export type ContactBatch = z.infer<typeof contactBatchSchema>;
