import { z } from 'zod';
import { idSchema } from './common.ts';

export const recordTypes = ['contact', 'account'] as const;
export type RecordType = (typeof recordTypes)[number];

const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });

export const relationshipCreateSchema = z
  .object({
    type: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,49}$/, 'must be a relationship type key'),
    fromType: z.enum(recordTypes),
    fromId: idSchema,
    toType: z.enum(recordTypes),
    toId: idSchema,
    since: isoDate.nullish(),
    until: isoDate.nullish(),
    notes: z.string().trim().max(2000).default(''),
  })
  .strict()
  .refine((r) => !(r.since && r.until && r.until < r.since), {
    message: 'must not be before since',
    path: ['until'],
  })
  .refine((r) => !(r.fromType === r.toType && r.fromId === r.toId), {
    message: 'a record cannot be related to itself',
    path: ['toId'],
  });
export type RelationshipCreate = z.infer<typeof relationshipCreateSchema>;

export const relationshipUpdateSchema = z
  .object({
    since: isoDate.nullish(),
    until: isoDate.nullish(),
    notes: z.string().trim().max(2000).optional(),
  })
  .strict();
export type RelationshipUpdate = z.infer<typeof relationshipUpdateSchema>;

export const relationshipTypeCreateSchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,49}$/, 'must be lower_snake_case'),
    name: z.string().trim().min(1).max(100),
    inverseName: z.string().trim().min(1).max(100),
    fromType: z.enum(recordTypes),
    toType: z.enum(recordTypes),
  })
  .strict();
export type RelationshipTypeCreate = z.infer<typeof relationshipTypeCreateSchema>;
