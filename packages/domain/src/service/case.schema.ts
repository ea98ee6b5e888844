// Service cases: a request from a customer with a queue, priority, assignee, SLA clocks and,
// when it looks like one, a dispute. Also the queues that hold them.
import { z } from 'zod';
import { idSchema, optionalText } from '../common.ts';
import { channels } from '../interaction.schema.ts';
import { priorities } from '../routing/routing.schema.ts';
import { defaultDisputeSettings, disputeSettingsSchema } from './disputes.ts';

export const caseStatuses = ['new', 'open', 'pending', 'solved', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Cases in these states still count as open (for routing, the 360° view and the queue). */
export const openCaseStatuses: readonly CaseStatus[] = ['new', 'open', 'pending'];

const moves: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['open', 'pending', 'solved', 'closed'],
  open: ['pending', 'solved', 'closed'],
  pending: ['open', 'solved', 'closed'],
  solved: ['open', 'closed'],
  closed: [],
};

/** May a case go from one status to another? Closed is final; solved may be reopened. */
export const canMoveCase = (from: CaseStatus, to: CaseStatus): boolean =>
  from === to || moves[from].includes(to);

const tags = z.array(z.string().trim().min(1).max(50)).max(20);
const fields = {
  subject: z.string().trim().min(1, 'is required').max(500),
  description: z.string().max(100_000).default(''),
  channel: z.enum(channels).default('email'),
  type: optionalText(100),
  priority: z.enum(priorities),
  status: z.enum(caseStatuses),
  queueId: idSchema.nullish(),
  assigneeId: idSchema.nullish(),
  contactId: idSchema.nullish(),
  accountId: idSchema.nullish(),
  orderId: idSchema.nullish(),
  tags,
};

/** Priority, queue and assignee left out are decided by the routing rules. */
export const caseCreateSchema = z
  .object({
    ...fields,
    priority: fields.priority.optional(),
    status: z.enum(['new', 'open']).default('new'),
    tags: tags.default([]),
  })
  .strict();
export type CaseCreate = z.infer<typeof caseCreateSchema>;

export const caseUpdateSchema = z
  .object({
    subject: fields.subject.optional(),
    description: z.string().max(100_000).optional(),
    type: fields.type,
    priority: fields.priority.optional(),
    status: fields.status.optional(),
    queueId: fields.queueId,
    assigneeId: fields.assigneeId,
    contactId: fields.contactId,
    accountId: fields.accountId,
    orderId: fields.orderId,
    tags: tags.optional(),
  })
  .strict();
export type CaseUpdate = z.infer<typeof caseUpdateSchema>;

export const queueCreateSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    description: z.string().trim().max(2000).default(''),
    teamId: idSchema.nullish(),
    /** Who is told when a case of the queue breaches its SLA (else the team's members). */
    escalationUserId: idSchema.nullish(),
    active: z.boolean().default(true),
  })
  .strict();
export type QueueCreate = z.infer<typeof queueCreateSchema>;
export const queueUpdateSchema = queueCreateSchema.partial().strict();
export type QueueUpdate = z.infer<typeof queueUpdateSchema>;

/** Service settings: the survey sent when a case is solved (CSAT), and dispute recognition. */
export const serviceSettingsSchema = z
  .object({
    csatSurveyId: idSchema.nullable().default(null),
    disputes: disputeSettingsSchema.default(defaultDisputeSettings),
  })
  .strict();
export type ServiceSettings = z.infer<typeof serviceSettingsSchema>;

export const serviceSettingsUpdateSchema = z
  .object({
    csatSurveyId: idSchema.nullable().optional(),
    disputes: disputeSettingsSchema.partial().strict().optional(),
  })
  .strict();
export type ServiceSettingsUpdate = z.infer<typeof serviceSettingsUpdateSchema>;
