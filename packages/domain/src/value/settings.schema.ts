// Admin settings of the customer value engine and the inputs of its API.
import { z } from 'zod';
import { currencySchema, isoDay } from '../commerce.schema.ts';
import { driverAttributes } from './drivers.ts';
import { flowOverrideSchema } from './flows.ts';
import { defaultLifecycleConfig, lifecycleConfigSchema } from './lifecycle.ts';
import { defaultTiers, tiersSchema } from './segments.ts';

export const customerTypes = ['contact', 'account'] as const;
export type CustomerType = (typeof customerTypes)[number];
export const valueModels = ['bgnbd', 'pnbd'] as const;

export const valueSettingsSchema = z
  .object({
    /** The company currency: CLV and historical value are in its minor units. */
    currency: currencySchema,
    model: z.enum(valueModels),
    unit: z.enum(['day', 'week', 'month']),
    horizonMonths: z.number().int().min(1).max(120),
    monthlyDiscount: z.number().min(0).max(0.5),
    /** Days held out of the fit to check its predictions; null for none. */
    holdoutDays: z.number().int().min(7).max(730).nullable(),
    /** Months of month-end lifecycle states reconstructed on the first run. */
    backfillMonths: z.number().int().min(0).max(120),
    tiers: tiersSchema,
    lifecycle: lifecycleConfigSchema,
    flowOverrides: z.array(flowOverrideSchema).max(100),
  })
  .strict();
export type ValueSettings = z.infer<typeof valueSettingsSchema>;

export const defaultValueSettings: ValueSettings = {
  currency: 'EUR',
  model: 'bgnbd',
  unit: 'week',
  horizonMonths: 12,
  monthlyDiscount: 0.01,
  holdoutDays: null,
  backfillMonths: 24,
  tiers: defaultTiers,
  lifecycle: defaultLifecycleConfig,
  flowOverrides: [],
};

export const valueSettingsUpdateSchema = valueSettingsSchema.partial().strict();
export type ValueSettingsUpdate = z.infer<typeof valueSettingsUpdateSchema>;

export const valueRunRequestSchema = z
  .object({
    customerType: z.enum(customerTypes).default('contact'),
    model: z.enum(valueModels).optional(),
    holdoutDays: z.number().int().min(7).max(730).nullish(),
  })
  .strict();
export type ValueRunRequest = z.infer<typeof valueRunRequestSchema>;

export const flowQuerySchema = z
  .object({
    from: isoDay,
    to: isoDay,
    customerType: z.enum(customerTypes).default('contact'),
  })
  .strict()
  .refine((q) => q.from < q.to, { message: 'must be after from', path: ['to'] });
export type FlowQuery = z.infer<typeof flowQuerySchema>;

export const driverQuerySchema = z
  .object({
    attribute: z.enum(driverAttributes),
    customerType: z.enum(customerTypes).default('contact'),
  })
  .strict();
export type DriverQuery = z.infer<typeof driverQuerySchema>;
