/** Drizzle mirror of the SQL migrations (migrations/*.sql are the source of truth). */
import type { Address, EmailEntry, Permissions, PhoneEntry } from '@relata/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const stamps = {
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
};

export const roles = pgTable('roles', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  permissions: jsonb('permissions').$type<Permissions>().notNull(),
  builtin: boolean('builtin').notNull().default(false),
  ...stamps,
});

export const teams = pgTable('teams', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  ...stamps,
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  teamId: uuid('team_id'),
  language: text('language').notNull().default('en'),
  passwordHash: text('password_hash'),
  active: boolean('active').notNull().default(true),
  lastLoginAt: ts('last_login_at'),
  calendarToken: text('calendar_token'),
  ...stamps,
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  userAgent: text('user_agent').notNull().default(''),
  ip: text('ip').notNull().default(''),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
});

export const apiKeys = pgTable('api_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  keyHash: text('key_hash').notNull(),
  userId: uuid('user_id').notNull(),
  scopes: text('scopes').array().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at'),
  lastUsedAt: ts('last_used_at'),
  revokedAt: ts('revoked_at'),
  version: integer('version').notNull().default(1),
});

export const customFieldDefs = pgTable('custom_field_defs', {
  id: uuid('id').primaryKey().defaultRandom(),
  entity: text('entity').$type<'contact' | 'account'>().notNull(),
  key: text('key').notNull(),
  label: text('label').notNull(),
  type: text('type').notNull(),
  options: jsonb('options').$type<{ value: string; label: string }[]>().notNull().default([]),
  required: boolean('required').notNull().default(false),
  position: integer('position').notNull().default(0),
  ...stamps,
});

export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  domain: text('domain'),
  type: text('type').notNull().default('customer'),
  industry: text('industry'),
  size: text('size'),
  address: jsonb('address').$type<Address | null>(),
  ownerId: uuid('owner_id'),
  teamId: uuid('team_id'),
  custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
  searchText: text('search_text').notNull().default(''),
  nameKey: text('name_key').notNull().default(''),
  ...stamps,
});

export const contacts = pgTable('contacts', {
  id: uuid('id').primaryKey().defaultRandom(),
  firstName: text('first_name').notNull().default(''),
  lastName: text('last_name').notNull().default(''),
  name: text('name').generatedAlwaysAs(sql`btrim(first_name || ' ' || last_name)`),
  jobTitle: text('job_title'),
  emails: jsonb('emails').$type<EmailEntry[]>().notNull().default([]),
  phones: jsonb('phones').$type<PhoneEntry[]>().notNull().default([]),
  primaryEmail: text('primary_email'),
  primaryPhone: text('primary_phone'),
  emailKeys: text('email_keys').array().notNull().default([]),
  phoneKeys: text('phone_keys').array().notNull().default([]),
  address: jsonb('address').$type<Address | null>(),
  language: text('language'),
  ownerId: uuid('owner_id'),
  teamId: uuid('team_id'),
  custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
  searchText: text('search_text').notNull().default(''),
  nameKey: text('name_key').notNull().default(''),
  ...stamps,
});

export const relationshipTypes = pgTable('relationship_types', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  inverseName: text('inverse_name').notNull(),
  fromType: text('from_type').$type<'contact' | 'account'>().notNull(),
  toType: text('to_type').$type<'contact' | 'account'>().notNull(),
  builtin: boolean('builtin').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const relationships = pgTable('relationships', {
  id: uuid('id').primaryKey().defaultRandom(),
  type: text('type').notNull(),
  fromType: text('from_type').$type<'contact' | 'account'>().notNull(),
  fromId: uuid('from_id').notNull(),
  toType: text('to_type').$type<'contact' | 'account'>().notNull(),
  toId: uuid('to_id').notNull(),
  since: date('since', { mode: 'string' }),
  until: date('until', { mode: 'string' }),
  notes: text('notes').notNull().default(''),
  ...stamps,
});

export const auditLog = pgTable('audit_log', {
  id: uuid('id').primaryKey().defaultRandom(),
  at: ts('at').notNull().defaultNow(),
  actorType: text('actor_type').notNull(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name').notNull().default(''),
  action: text('action').notNull(),
  recordType: text('record_type').notNull(),
  recordId: uuid('record_id'),
  changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull().default({}),
  meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
});

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    actorKey: text('actor_key').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    bodyHash: text('body_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response'),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actorKey, t.key] })],
);

export const loginAttempts = pgTable('login_attempts', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: ts('window_start').notNull().defaultNow(),
  lockedUntil: ts('locked_until'),
});

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const outcomes = pgTable('outcomes', {
  key: text('key').primaryKey(),
  label: text('label').notNull(),
  channels: text('channels').array().notNull().default([]),
  createsCallback: boolean('creates_callback').notNull().default(false),
  sentiment: text('sentiment').$type<'positive' | 'neutral' | 'negative'>().notNull().default('neutral'),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
  builtin: boolean('builtin').notNull().default(false),
  ...stamps,
});

export const interactions = pgTable('interactions', {
  id: uuid('id').primaryKey().defaultRandom(),
  channel: text('channel').notNull(),
  direction: text('direction').$type<'inbound' | 'outbound'>().notNull(),
  initiative: text('initiative').$type<'customer' | 'company'>().notNull(),
  status: text('status').$type<'planned' | 'done' | 'cancelled'>().notNull().default('done'),
  occurredAt: ts('occurred_at').notNull(),
  endsAt: ts('ends_at'),
  durationSeconds: integer('duration_seconds'),
  subject: text('subject').notNull().default(''),
  notes: text('notes').notNull().default(''),
  location: text('location'),
  contactId: uuid('contact_id'),
  accountId: uuid('account_id'),
  outcome: text('outcome'),
  outcomeNote: text('outcome_note'),
  cost: bigint('cost', { mode: 'number' }),
  callbackAt: ts('callback_at'),
  ownerId: uuid('owner_id'),
  teamId: uuid('team_id'),
  emailId: uuid('email_id'),
  externalRef: text('external_ref'),
  searchText: text('search_text').notNull().default(''),
  ...stamps,
});

export const interactionParticipants = pgTable(
  'interaction_participants',
  {
    interactionId: uuid('interaction_id').notNull(),
    participantType: text('participant_type').$type<'user' | 'contact'>().notNull(),
    participantId: uuid('participant_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.interactionId, t.participantType, t.participantId] })],
);

export const tasks = pgTable('tasks', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  type: text('type').notNull().default('task'),
  notes: text('notes').notNull().default(''),
  dueAt: ts('due_at'),
  priority: text('priority').notNull().default('normal'),
  status: text('status').$type<'open' | 'done' | 'cancelled'>().notNull().default('open'),
  assigneeId: uuid('assignee_id'),
  teamId: uuid('team_id'),
  contactId: uuid('contact_id'),
  accountId: uuid('account_id'),
  interactionId: uuid('interaction_id'),
  reminderAt: ts('reminder_at'),
  remindedAt: ts('reminded_at'),
  completedAt: ts('completed_at'),
  createdBy: uuid('created_by'),
  ...stamps,
});

export const notes = pgTable('notes', {
  id: uuid('id').primaryKey().defaultRandom(),
  recordType: text('record_type').$type<'contact' | 'account' | 'interaction' | 'task'>().notNull(),
  recordId: uuid('record_id').notNull(),
  body: text('body').notNull(),
  authorId: uuid('author_id'),
  ...stamps,
});

export const attachments = pgTable('attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  recordType: text('record_type').notNull(),
  recordId: uuid('record_id').notNull(),
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  storageKey: text('storage_key').notNull(),
  uploadedBy: uuid('uploaded_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const emails = pgTable('emails', {
  id: uuid('id').primaryKey().defaultRandom(),
  direction: text('direction').$type<'inbound' | 'outbound'>().notNull(),
  status: text('status')
    .$type<'queued' | 'sending' | 'sent' | 'failed' | 'received' | 'unmatched'>()
    .notNull(),
  messageId: text('message_id').notNull(),
  inReplyTo: text('in_reply_to'),
  references: text('references').array().notNull().default([]),
  threadId: uuid('thread_id').notNull(),
  fromAddress: text('from_address').notNull(),
  toAddresses: text('to_addresses').array().notNull().default([]),
  ccAddresses: text('cc_addresses').array().notNull().default([]),
  subject: text('subject').notNull().default(''),
  textBody: text('text_body').notNull().default(''),
  htmlBody: text('html_body').notNull().default(''),
  contactId: uuid('contact_id'),
  accountId: uuid('account_id'),
  interactionId: uuid('interaction_id'),
  userId: uuid('user_id'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  sentAt: ts('sent_at'),
  receivedAt: ts('received_at'),
  ...stamps,
  teamId: uuid('team_id'), // 0003_email_calendar
});
