/** Drizzle mirror of the SQL migrations (migrations/*.sql are the source of truth). */
import type { Address, EmailEntry, Permissions, PhoneEntry } from '@relata/domain';
import { sql } from 'drizzle-orm';
import {
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
