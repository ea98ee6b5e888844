import { z } from 'zod';
import { idSchema } from './common.ts';

export const channels = [
  'phone',
  'ivr',
  'meeting',
  'visit',
  'email',
  'letter',
  'chat',
  'web_form',
  'sms',
  'social',
  'fax',
  'kiosk',
  'portal',
] as const;
export type Channel = (typeof channels)[number];
export const directions = ['inbound', 'outbound'] as const;
export const initiatives = ['customer', 'company'] as const;
export const interactionStatuses = ['planned', 'done', 'cancelled'] as const;

const isoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 timestamp' });
const outcomeKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,49}$/, 'must be an outcome key');

const fields = {
  channel: z.enum(channels),
  direction: z.enum(directions),
  initiative: z.enum(initiatives),
  status: z.enum(interactionStatuses),
  occurredAt: isoDateTime,
  endsAt: isoDateTime.nullish(),
  durationSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600)
    .nullish(),
  subject: z.string().trim().max(500),
  notes: z.string().max(100_000),
  location: z.string().trim().max(500).nullish(),
  contactId: idSchema.nullish(),
  accountId: idSchema.nullish(),
  /** The deal the touch was about (calls and meetings logged on a deal). */
  dealId: idSchema.nullish(),
  /** The service case the touch belongs to (a reply, a call about it). */
  caseId: idSchema.nullish(),
  outcome: outcomeKey.nullish(),
  outcomeNote: z.string().trim().max(2000).nullish(),
  cost: z.number().int().min(0).max(1_000_000_000).nullish(),
  callbackAt: isoDateTime.nullish(),
  participants: z.array(z.object({ type: z.enum(['user', 'contact']), id: idSchema }).strict()).max(50),
};

/** Who initiated follows from direction unless given: inbound is the customer's, outbound ours. */
export const interactionCreateSchema = z
  .object({
    ...fields,
    initiative: fields.initiative.optional(),
    status: fields.status.default('done'),
    occurredAt: fields.occurredAt.optional(),
    subject: fields.subject.default(''),
    notes: fields.notes.default(''),
    participants: fields.participants.default([]),
  })
  .strict()
  .refine((i) => i.contactId || i.accountId || i.caseId, {
    message: 'link a contact, an account or a case',
    path: ['contactId'],
  })
  .refine((i) => !(i.endsAt && i.occurredAt && i.endsAt < i.occurredAt), {
    message: 'must not be before occurredAt',
    path: ['endsAt'],
  });
export type InteractionCreate = z.infer<typeof interactionCreateSchema>;

export const interactionUpdateSchema = z
  .object({
    channel: fields.channel.optional(),
    direction: fields.direction.optional(),
    initiative: fields.initiative.optional(),
    status: fields.status.optional(),
    occurredAt: fields.occurredAt.optional(),
    endsAt: fields.endsAt,
    durationSeconds: fields.durationSeconds,
    subject: fields.subject.optional(),
    notes: fields.notes.optional(),
    location: fields.location,
    dealId: fields.dealId,
    outcome: fields.outcome,
    outcomeNote: fields.outcomeNote,
    cost: fields.cost,
    callbackAt: fields.callbackAt,
  })
  .strict();
export type InteractionUpdate = z.infer<typeof interactionUpdateSchema>;

export const outcomeCreateSchema = z
  .object({
    key: outcomeKey,
    label: z.string().trim().min(1).max(100),
    channels: z.array(z.enum(channels)).max(channels.length).default([]),
    createsCallback: z.boolean().default(false),
    sentiment: z.enum(['positive', 'neutral', 'negative']).default('neutral'),
    position: z.number().int().min(0).max(10000).default(0),
    active: z.boolean().default(true),
  })
  .strict();
export type OutcomeCreate = z.infer<typeof outcomeCreateSchema>;
export const outcomeUpdateSchema = z
  .object({
    label: z.string().trim().min(1).max(100).optional(),
    channels: z.array(z.enum(channels)).max(channels.length).optional(),
    createsCallback: z.boolean().optional(),
    sentiment: z.enum(['positive', 'neutral', 'negative']).optional(),
    position: z.number().int().min(0).max(10000).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type OutcomeUpdate = z.infer<typeof outcomeUpdateSchema>;

export const taskTypes = ['task', 'callback', 'meeting_prep', 'follow_up', 'email'] as const;
export const taskPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export const taskStatuses = ['open', 'done', 'cancelled'] as const;

export const taskCreateSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    type: z.enum(taskTypes).default('task'),
    notes: z.string().max(20_000).default(''),
    dueAt: isoDateTime.nullish(),
    priority: z.enum(taskPriorities).default('normal'),
    status: z.enum(taskStatuses).default('open'),
    assigneeId: idSchema.nullish(),
    contactId: idSchema.nullish(),
    accountId: idSchema.nullish(),
    interactionId: idSchema.nullish(),
    dealId: idSchema.nullish(),
    reminderAt: isoDateTime.nullish(),
  })
  .strict();
export type TaskCreate = z.infer<typeof taskCreateSchema>;

export const taskUpdateSchema = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    type: z.enum(taskTypes).optional(),
    notes: z.string().max(20_000).optional(),
    dueAt: isoDateTime.nullish(),
    priority: z.enum(taskPriorities).optional(),
    status: z.enum(taskStatuses).optional(),
    assigneeId: idSchema.nullish(),
    reminderAt: isoDateTime.nullish(),
  })
  .strict();
export type TaskUpdate = z.infer<typeof taskUpdateSchema>;

export const noteCreateSchema = z
  .object({
    recordType: z.enum(['contact', 'account', 'interaction', 'task']),
    recordId: idSchema,
    body: z.string().trim().min(1).max(100_000),
  })
  .strict();
export type NoteCreate = z.infer<typeof noteCreateSchema>;
export const noteUpdateSchema = z.object({ body: z.string().trim().min(1).max(100_000) }).strict();
export type NoteUpdate = z.infer<typeof noteUpdateSchema>;

export const telephonyEventSchema = z
  .object({
    event: z.enum(['call.ringing', 'call.answered', 'call.ended']).default('call.ringing'),
    callId: z.string().trim().min(1).max(200),
    callerNumber: z.string().trim().min(1).max(40),
    calledNumber: z.string().trim().max(40).optional(),
    agent: z.string().trim().max(320).optional(),
    direction: z.enum(directions).default('inbound'),
    durationSeconds: z.number().int().min(0).optional(),
    occurredAt: isoDateTime.optional(),
  })
  .strict();
export type TelephonyEvent = z.infer<typeof telephonyEventSchema>;

/** Direction decides initiative unless stated: inbound touches are the customer's. */
export function defaultInitiative(direction: (typeof directions)[number]): (typeof initiatives)[number] {
  return direction === 'inbound' ? 'customer' : 'company';
}

/** May this outcome be used on this channel? An empty channel list means every channel. */
export function outcomeAllows(
  outcome: { channels: readonly string[]; active: boolean },
  channel: string,
): boolean {
  return outcome.active && (outcome.channels.length === 0 || outcome.channels.includes(channel));
}
