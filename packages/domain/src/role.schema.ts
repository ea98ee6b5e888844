import { z } from 'zod';
import { actions, resources, scopes } from './authz.ts';

const actionMap = z.partialRecord(z.enum(actions), z.enum(scopes));
export const permissionsSchema = z.partialRecord(z.enum(resources), actionMap);

export const roleCreateSchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,49}$/, 'must be lower_snake_case'),
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(1000).default(''),
    permissions: permissionsSchema,
  })
  .strict();
export type RoleCreate = z.infer<typeof roleCreateSchema>;

export const roleUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    description: z.string().trim().max(1000).optional(),
    permissions: permissionsSchema.optional(),
  })
  .strict();
export type RoleUpdate = z.infer<typeof roleUpdateSchema>;
