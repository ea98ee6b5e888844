// Routing rules: ordered, admin-edited rules with conditions on the customer and the inquiry and
// actions (queue, priority, assignee, SLA policy, tags). One engine decides for cases, leads and
// inbound interactions.
import { z } from 'zod';
import { idSchema } from '../common.ts';
import { taskPriorities } from '../interaction.schema.ts';
import { npsCategories } from '../survey.schema.ts';
import { lifecycleStates } from '../value/lifecycle.ts';

export const inquiryKinds = ['case', 'lead', 'interaction'] as const;
export type InquiryKind = (typeof inquiryKinds)[number];

/** Cases, leads and tasks share one priority scale. */
export const priorities = taskPriorities;
export type Priority = (typeof priorities)[number];

type FieldDef =
  | { kind: 'text'; on: 'customer' | 'inquiry' }
  | { kind: 'enum'; on: 'customer' | 'inquiry'; values: readonly string[] }
  | { kind: 'number'; on: 'customer' }
  | { kind: 'boolean'; on: 'customer' }
  | { kind: 'keywords'; on: 'inquiry' };

/** The fields a condition may test, what kind of value each holds, and where it comes from. */
export const routingFields = {
  tier: { kind: 'text', on: 'customer' },
  clv: { kind: 'number', on: 'customer' },
  pAlive: { kind: 'number', on: 'customer' },
  lifecycleState: { kind: 'enum', on: 'customer', values: lifecycleStates },
  npsCategory: { kind: 'enum', on: 'customer', values: npsCategories },
  openCases: { kind: 'number', on: 'customer' },
  language: { kind: 'text', on: 'customer' },
  region: { kind: 'text', on: 'customer' },
  country: { kind: 'text', on: 'customer' },
  known: { kind: 'boolean', on: 'customer' },
  kind: { kind: 'enum', on: 'inquiry', values: inquiryKinds },
  channel: { kind: 'text', on: 'inquiry' },
  type: { kind: 'text', on: 'inquiry' },
  source: { kind: 'text', on: 'inquiry' },
  keywords: { kind: 'keywords', on: 'inquiry' },
} as const satisfies Record<string, FieldDef>;
export type RoutingField = keyof typeof routingFields;
export const routingFieldNames = Object.keys(routingFields) as RoutingField[];

export const routingOps = [
  'eq',
  'neq',
  'in',
  'not_in',
  'gt',
  'gte',
  'lt',
  'lte',
  'is_set',
  'is_not_set',
] as const;
export type RoutingOp = (typeof routingOps)[number];

const opsByKind: Record<FieldDef['kind'], readonly RoutingOp[]> = {
  text: ['eq', 'neq', 'in', 'not_in', 'is_set', 'is_not_set'],
  enum: ['eq', 'neq', 'in', 'not_in', 'is_set', 'is_not_set'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'is_set', 'is_not_set'],
  boolean: ['eq'],
  // keywords: the subject or text contains any (in) or none (not_in) of the words.
  keywords: ['in', 'not_in'],
};
export const opsForField = (field: RoutingField): readonly RoutingOp[] =>
  opsByKind[routingFields[field].kind];

const word = z.string().trim().min(1).max(100);
export const routingConditionSchema = z
  .object({
    field: z.enum(routingFieldNames as [RoutingField, ...RoutingField[]]),
    op: z.enum(routingOps),
    value: z.union([word, z.number().finite(), z.boolean(), z.array(word).min(1).max(50)]).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const def: FieldDef = routingFields[c.field];
    const bad = (message: string, path: string = 'value') =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (!opsByKind[def.kind].includes(c.op)) {
      bad(`${c.op} does not apply to ${c.field} (use ${opsByKind[def.kind].join(', ')})`, 'op');
      return;
    }
    if (c.op === 'is_set' || c.op === 'is_not_set') {
      if (c.value !== undefined) bad('must be absent for is_set / is_not_set');
      return;
    }
    const list = c.op === 'in' || c.op === 'not_in';
    if (list !== Array.isArray(c.value)) {
      bad(list ? 'must be a list of values' : 'must be a single value');
      return;
    }
    const values = (Array.isArray(c.value) ? c.value : [c.value]) as unknown[];
    for (const v of values) {
      if (def.kind === 'number' && typeof v !== 'number') return bad('must be a number');
      if (def.kind === 'boolean' && typeof v !== 'boolean') return bad('must be true or false');
      if ((def.kind === 'text' || def.kind === 'keywords' || def.kind === 'enum') && typeof v !== 'string')
        return bad('must be text');
      if (def.kind === 'enum' && !def.values.includes(v as string))
        return bad(`must be one of ${def.values.join(', ')}`);
    }
  });
export type RoutingCondition = z.infer<typeof routingConditionSchema>;

export const assignSchema = z.discriminatedUnion('to', [
  z.object({ to: z.literal('user'), userId: idSchema }).strict(),
  z.object({ to: z.literal('account_manager') }).strict(),
  z.object({ to: z.literal('round_robin'), teamId: idSchema }).strict(),
]);
export type Assign = z.infer<typeof assignSchema>;

export const routingActionsSchema = z
  .object({
    queueId: idSchema.nullish(),
    priority: z.enum(priorities).nullish(),
    assign: assignSchema.nullish(),
    slaPolicyId: idSchema.nullish(),
    tags: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
  })
  .strict()
  .refine((a) => a.queueId || a.priority || a.assign || a.slaPolicyId || a.tags?.length, {
    message: 'a rule needs at least one action',
  });
export type RoutingActions = z.infer<typeof routingActionsSchema>;

const ruleFields = {
  name: z.string().trim().min(1, 'is required').max(200),
  active: z.boolean().default(true),
  /** The inquiries the rule applies to; empty means all kinds. */
  kinds: z.array(z.enum(inquiryKinds)).max(3).default([]),
  match: z.enum(['all', 'any']).default('all'),
  conditions: z.array(routingConditionSchema).max(30).default([]),
  actions: routingActionsSchema,
};
export const routingRuleCreateSchema = z
  .object({ ...ruleFields, position: z.number().int().min(0).max(100_000).optional() })
  .strict();
export type RoutingRuleCreate = z.infer<typeof routingRuleCreateSchema>;
export const routingRuleUpdateSchema = z
  .object({
    name: ruleFields.name.optional(),
    active: z.boolean().optional(),
    kinds: z.array(z.enum(inquiryKinds)).max(3).optional(),
    match: z.enum(['all', 'any']).optional(),
    conditions: z.array(routingConditionSchema).max(30).optional(),
    actions: routingActionsSchema.optional(),
    position: z.number().int().min(0).max(100_000).optional(),
  })
  .strict();
export type RoutingRuleUpdate = z.infer<typeof routingRuleUpdateSchema>;

/** New order of the rules: every rule id once. */
export const routingReorderSchema = z.object({ ids: z.array(idSchema).min(1).max(1000) }).strict();

export const inquirySchema = z
  .object({
    kind: z.enum(inquiryKinds),
    channel: z.string().trim().max(50).nullish(),
    type: z.string().trim().max(100).nullish(),
    source: z.string().trim().max(100).nullish(),
    subject: z.string().max(1000).default(''),
    text: z.string().max(100_000).default(''),
    language: z.string().trim().max(10).nullish(),
    country: z.string().trim().max(2).nullish(),
  })
  .strict();
export type Inquiry = z.input<typeof inquirySchema>;

export const routingEvaluateSchema = z
  .object({
    contactId: idSchema.nullish(),
    accountId: idSchema.nullish(),
    inquiry: inquirySchema,
  })
  .strict();
export type RoutingEvaluate = z.infer<typeof routingEvaluateSchema>;
