/** Drizzle mirror of 0008_service_routing.sql: queues, calendars, SLA policies, cases, disputes, routing. */
import type {
  DisputeReason,
  MatchedCondition,
  RoutingActions,
  RoutingCondition,
  SlaTargets,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, integer, jsonb, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { stamps, ts } from './schema-columns.ts';

export const queues = pgTable('queues', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  teamId: uuid('team_id'),
  escalationUserId: uuid('escalation_user_id'),
  active: boolean('active').notNull().default(true),
  ...stamps,
});

export const businessCalendars = pgTable('business_calendars', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull(),
  hours: jsonb('hours').$type<Record<string, [string, string][]>>().notNull(),
  holidays: jsonb('holidays').$type<string[]>().notNull().default([]),
  ...stamps,
});

export const slaPolicies = pgTable('sla_policies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
  tiers: text('tiers').array().notNull().default([]),
  calendarId: uuid('calendar_id'),
  targets: jsonb('targets').$type<SlaTargets>().notNull(),
  warnAtPercent: smallint('warn_at_percent').notNull().default(75),
  ...stamps,
});

export const cases = pgTable('cases', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: text('number').notNull(),
  subject: text('subject').notNull(),
  description: text('description').notNull().default(''),
  channel: text('channel').notNull(),
  type: text('type'),
  queueId: uuid('queue_id'),
  priority: text('priority').$type<'low' | 'normal' | 'high' | 'urgent'>().notNull(),
  priorityRank: smallint('priority_rank').generatedAlwaysAs(
    sql`CASE priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 ELSE 1 END`,
  ),
  status: text('status').$type<'new' | 'open' | 'pending' | 'solved' | 'closed'>().notNull(),
  assigneeId: uuid('assignee_id'),
  teamId: uuid('team_id'),
  contactId: uuid('contact_id'),
  accountId: uuid('account_id'),
  orderId: uuid('order_id'),
  tags: text('tags').array().notNull().default([]),
  slaPolicyId: uuid('sla_policy_id'),
  firstResponseDueAt: ts('first_response_due_at'),
  firstResponseWarnAt: ts('first_response_warn_at'),
  resolutionDueAt: ts('resolution_due_at'),
  resolutionWarnAt: ts('resolution_warn_at'),
  firstRespondedAt: ts('first_responded_at'),
  resolvedAt: ts('resolved_at'),
  closedAt: ts('closed_at'),
  pendingSince: ts('pending_since'),
  pausedMinutes: doublePrecision('paused_minutes').notNull().default(0),
  firstResponseWarnedAt: ts('first_response_warned_at'),
  resolutionWarnedAt: ts('resolution_warned_at'),
  firstResponseBreachedAt: ts('first_response_breached_at'),
  resolutionBreachedAt: ts('resolution_breached_at'),
  escalationLevel: smallint('escalation_level').notNull().default(0),
  csatInvitationId: uuid('csat_invitation_id'),
  nextDueAt: ts('next_due_at').generatedAlwaysAs(
    sql`CASE WHEN status IN ('solved', 'closed') THEN NULL WHEN first_responded_at IS NULL AND first_response_due_at IS NOT NULL THEN first_response_due_at WHEN pending_since IS NULL THEN resolution_due_at END`,
  ),
  searchText: text('search_text').notNull().default(''),
  createdBy: uuid('created_by'),
  ...stamps,
});

export const disputes = pgTable('disputes', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id'),
  interactionId: uuid('interaction_id'),
  contactId: uuid('contact_id'),
  accountId: uuid('account_id'),
  reasons: jsonb('reasons').$type<DisputeReason[]>().notNull(),
  reason: text('reason').notNull(),
  status: text('status')
    .$type<'open' | 'investigating' | 'resolved' | 'rejected'>()
    .notNull()
    .default('open'),
  ownerId: uuid('owner_id'),
  teamId: uuid('team_id'),
  resolution: text('resolution').notNull().default(''),
  openedAt: ts('opened_at').notNull(),
  resolvedAt: ts('resolved_at'),
  ...stamps,
});

export const routingRules = pgTable('routing_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
  kinds: text('kinds').array().$type<('case' | 'lead' | 'interaction')[]>().notNull().default([]),
  match: text('match').$type<'all' | 'any'>().notNull().default('all'),
  conditions: jsonb('conditions').$type<RoutingCondition[]>().notNull().default([]),
  actions: jsonb('actions').$type<RoutingActions>().notNull(),
  ...stamps,
});

export const routingDecisions = pgTable('routing_decisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  subjectType: text('subject_type').$type<'case' | 'lead' | 'interaction'>().notNull(),
  subjectId: uuid('subject_id').notNull(),
  ruleId: uuid('rule_id'),
  ruleName: text('rule_name'),
  reason: text('reason').notNull(),
  matched: jsonb('matched').$type<MatchedCondition[]>().notNull().default([]),
  actions: jsonb('actions').$type<Record<string, unknown>>().notNull().default({}),
  assigneeId: uuid('assignee_id'),
  queueId: uuid('queue_id'),
  decidedAt: ts('decided_at').notNull(),
});

export const routingRoundRobin = pgTable('routing_round_robin', {
  teamId: uuid('team_id').primaryKey(),
  lastUserId: uuid('last_user_id'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
