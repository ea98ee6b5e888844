import { z } from 'zod';
import { recordTypes } from './relationship.schema.ts';

export const customFieldTypes = [
  'text',
  'long_text',
  'number',
  'money',
  'date',
  'boolean',
  'select',
  'multi_select',
  'email',
  'phone',
  'url',
] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];

export const customFieldOptionSchema = z
  .object({
    value: z.string().trim().min(1).max(100),
    label: z.string().trim().min(1).max(200),
  })
  .strict();

export const customFieldCreateSchema = z
  .object({
    entity: z.enum(recordTypes),
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,49}$/, 'must be lower_snake_case, at most 50 characters'),
    label: z.string().trim().min(1).max(100),
    type: z.enum(customFieldTypes),
    options: z.array(customFieldOptionSchema).max(200).default([]),
    required: z.boolean().default(false),
    position: z.number().int().min(0).max(10000).default(0),
  })
  .strict()
  .refine((d) => !['select', 'multi_select'].includes(d.type) || d.options.length > 0, {
    message: 'select fields need at least one option',
    path: ['options'],
  });
export type CustomFieldCreate = z.infer<typeof customFieldCreateSchema>;

export const customFieldUpdateSchema = z
  .object({
    label: z.string().trim().min(1).max(100).optional(),
    options: z.array(customFieldOptionSchema).max(200).optional(),
    required: z.boolean().optional(),
    position: z.number().int().min(0).max(10000).optional(),
  })
  .strict();
export type CustomFieldUpdate = z.infer<typeof customFieldUpdateSchema>;

export type CustomFieldDef = {
  key: string;
  label: string;
  type: CustomFieldType;
  options: { value: string; label: string }[];
  required: boolean;
};

export type Money = { amount: number; currency: string };
