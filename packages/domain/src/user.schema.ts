import { z } from 'zod';
import { idSchema, languages } from './common.ts';

const password = z.string().min(12, 'must be at least 12 characters').max(200);

export const loginSchema = z
  .object({ email: z.string().trim().max(320), password: z.string().max(200) })
  .strict();

export const userCreateSchema = z
  .object({
    email: z.email({ message: 'must be an email address' }).max(320).toLowerCase(),
    name: z.string().trim().min(1).max(200),
    role: z.string().trim().min(1).max(50),
    teamId: idSchema.nullish(),
    language: z.enum(languages).default('en'),
    password,
  })
  .strict();
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    role: z.string().trim().min(1).max(50).optional(),
    teamId: idSchema.nullish(),
    language: z.enum(languages).optional(),
    active: z.boolean().optional(),
    password: password.optional(),
  })
  .strict();
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const teamCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(1000).default(''),
  })
  .strict();
export type TeamCreate = z.infer<typeof teamCreateSchema>;
export const teamUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    description: z.string().trim().max(1000).optional(),
  })
  .strict();
export type TeamUpdate = z.infer<typeof teamUpdateSchema>;

export const apiKeyScopes = ['read', 'write'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];
export const apiKeyCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(z.enum(apiKeyScopes)).min(1).default(['read']),
    expiresAt: z.iso.datetime({ offset: true }).nullish(),
  })
  .strict();
export type ApiKeyCreate = z.infer<typeof apiKeyCreateSchema>;
