/** Drizzle mirror of the SQL migrations (migrations/*.sql are the source of truth). */
import type { Address, EmailEntry, Permissions, PhoneEntry } from '@relata/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { stamps, ts } from './schema-columns.ts';

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
  creditScore: integer('credit_score'), // 0004_commercial_value
  npsPromoters: integer('nps_promoters').notNull().default(0), // 0005_surveys_consent
  npsPassives: integer('nps_passives').notNull().default(0),
  npsDetractors: integer('nps_detractors').notNull().default(0),
  npsScore: numeric('nps_score', { mode: 'number' }),
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
  creditScore: integer('credit_score'), // 0004_commercial_value
  withheldFields: text('withheld_fields').array().notNull().default([]), // 0005_surveys_consent
  npsScore: smallint('nps_score'),
  npsCategory: text('nps_category').$type<'promoter' | 'passive' | 'detractor'>(),
  npsAnsweredAt: ts('nps_answered_at'),
  erasedAt: ts('erased_at'),
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
  dealId: uuid('deal_id'), // 0010_deals
  caseId: uuid('case_id'), // 0008_service_routing
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
  dealId: uuid('deal_id'), // 0010_deals
  caseId: uuid('case_id'), // 0008_service_routing
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
  headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}), // 0005_surveys_consent
});

// 0004_commercial_value: products, orders, invoices, payments, warranties, customer value.
export const products = pgTable('products', {
  id: uuid('id').primaryKey().defaultRandom(),
  sku: text('sku').notNull(),
  name: text('name').notNull(),
  category: text('category'),
  description: text('description').notNull().default(''),
  price: bigint('price', { mode: 'number' }).notNull().default(0),
  currency: text('currency').notNull(),
  marginPercent: numeric('margin_percent', { mode: 'number' }),
  active: boolean('active').notNull().default(true),
  externalId: text('external_id'),
  ...stamps,
});

export const orders = pgTable('orders', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: text('number').notNull(),
  externalId: text('external_id'),
  contactId: uuid('contact_id'),
  accountId: uuid('account_id'),
  status: text('status').notNull().default('confirmed'),
  orderedAt: ts('ordered_at').notNull(),
  deliveryStatus: text('delivery_status').notNull().default('not_shipped'),
  estimatedDelivery: date('estimated_delivery', { mode: 'string' }),
  deliveredAt: ts('delivered_at'),
  channel: text('channel'),
  currency: text('currency').notNull(),
  exchangeRate: numeric('exchange_rate', { mode: 'number' }).notNull().default(1),
  total: bigint('total', { mode: 'number' }).notNull().default(0),
  totalBase: bigint('total_base', { mode: 'number' }).notNull().default(0),
  notes: text('notes').notNull().default(''),
  ownerId: uuid('owner_id'),
  teamId: uuid('team_id'),
  ...stamps,
});

export const orderLines = pgTable('order_lines', {
  id: uuid('id').primaryKey().defaultRandom(),
  orderId: uuid('order_id').notNull(),
  position: integer('position').notNull(),
  productId: uuid('product_id'),
  sku: text('sku'),
  description: text('description').notNull().default(''),
  category: text('category'),
  quantity: numeric('quantity', { mode: 'number' }).notNull(),
  unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
  discountPercent: numeric('discount_percent', { mode: 'number' }).notNull().default(0),
  lineTotal: bigint('line_total', { mode: 'number' }).notNull(),
});

export const invoices = pgTable('invoices', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: text('number').notNull(),
  externalId: text('external_id'),
  orderId: uuid('order_id'),
  contactId: uuid('contact_id'),
  accountId: uuid('account_id'),
  currency: text('currency').notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  paidAmount: bigint('paid_amount', { mode: 'number' }).notNull().default(0),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  status: text('status').notNull().default('open'),
  paidAt: ts('paid_at'),
  ...stamps,
});

export const payments = pgTable('payments', {
  id: uuid('id').primaryKey().defaultRandom(),
  invoiceId: uuid('invoice_id').notNull(),
  externalId: text('external_id'),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  paidAt: ts('paid_at').notNull(),
  method: text('method').notNull().default('bank_transfer'),
  reference: text('reference'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const warranties = pgTable('warranties', {
  id: uuid('id').primaryKey().defaultRandom(),
  externalId: text('external_id'),
  productId: uuid('product_id'),
  contactId: uuid('contact_id'),
  accountId: uuid('account_id'),
  orderId: uuid('order_id'),
  serialNumber: text('serial_number'),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  terms: text('terms').notNull().default(''),
  ...stamps,
});

export const valueModelRuns = pgTable('value_model_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  customerType: text('customer_type').$type<'contact' | 'account'>().notNull(),
  model: text('model').$type<'bgnbd' | 'pnbd'>().notNull(),
  status: text('status').$type<'queued' | 'running' | 'succeeded' | 'failed'>().notNull().default('queued'),
  trigger: text('trigger').notNull().default('manual'),
  requestedBy: uuid('requested_by'),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  unit: text('unit').notNull().default('week'),
  horizonMonths: integer('horizon_months').notNull().default(12),
  monthlyDiscount: doublePrecision('monthly_discount').notNull().default(0.01),
  holdoutDays: integer('holdout_days'),
  params: jsonb('params').$type<Record<string, number>>(),
  standardErrors: jsonb('standard_errors').$type<Record<string, number | null>>(),
  logLikelihood: doublePrecision('log_likelihood'),
  spend: jsonb('spend').$type<Record<string, unknown>>(),
  holdout: jsonb('holdout').$type<Record<string, unknown>>(),
  customers: integer('customers'),
  repeatCustomers: integer('repeat_customers'),
  unscoredCustomers: integer('unscored_customers').notNull().default(0), // 0007_value_gaps
  orderCount: integer('order_count'),
  totalClv: doublePrecision('total_clv'),
  segments: jsonb('segments').$type<Record<string, unknown>>(),
  warnings: jsonb('warnings').$type<string[]>().notNull().default([]),
  timings: jsonb('timings').$type<Record<string, number>>().notNull().default({}),
  error: text('error'),
  createdAt: ts('created_at').notNull().defaultNow(),
  startedAt: ts('started_at'),
  finishedAt: ts('finished_at'),
});

export const customerValues = pgTable(
  'customer_values',
  {
    customerType: text('customer_type').$type<'contact' | 'account'>().notNull(),
    customerId: uuid('customer_id').notNull(),
    modelRunId: uuid('model_run_id'),
    firstPurchaseOn: date('first_purchase_on', { mode: 'string' }).notNull(),
    lastPurchaseOn: date('last_purchase_on', { mode: 'string' }).notNull(),
    purchases: integer('purchases').notNull(),
    frequency: integer('frequency').notNull(),
    recencyDays: doublePrecision('recency_days').notNull(),
    ageDays: doublePrecision('age_days').notNull(),
    monetary: doublePrecision('monetary').notNull(),
    historicalValue: bigint('historical_value', { mode: 'number' }).notNull(),
    pAlive: doublePrecision('p_alive'),
    expectedPurchases: doublePrecision('expected_purchases'),
    expectedSpend: doublePrecision('expected_spend'),
    clv: doublePrecision('clv'),
    rfmR: smallint('rfm_r'),
    rfmF: smallint('rfm_f'),
    rfmM: smallint('rfm_m'),
    rfmScore: text('rfm_score'),
    tier: text('tier'),
    lifecycleState: text('lifecycle_state').notNull(),
    lifecycleSince: date('lifecycle_since', { mode: 'string' }).notNull(),
    acquisitionChannel: text('acquisition_channel'),
    firstCategory: text('first_category'),
    scoredAt: ts('scored_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.customerType, t.customerId] })],
);

export const lifecycleHistory = pgTable(
  'lifecycle_history',
  {
    customerType: text('customer_type').$type<'contact' | 'account'>().notNull(),
    customerId: uuid('customer_id').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    state: text('state').notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerType, t.customerId, t.validFrom] })],
);

// 0005_surveys_consent: consent, surveys, facts, domain events.
export const consentPurposes = pgTable('consent_purposes', {
  key: text('key').primaryKey(),
  label: text('label').notNull(),
  builtin: boolean('builtin').notNull().default(false),
  position: integer('position').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const consents = pgTable(
  'consents',
  {
    contactId: uuid('contact_id').notNull(),
    purpose: text('purpose').notNull(),
    channel: text('channel').$type<'email' | 'phone' | 'sms' | 'post'>().notNull(),
    status: text('status').$type<'granted' | 'denied' | 'unknown'>().notNull(),
    source: text('source').notNull(),
    evidence: text('evidence').notNull().default(''),
    recordedAt: ts('recorded_at').notNull(),
    recordedBy: uuid('recorded_by'),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.purpose, t.channel] })],
);

export const consentHistory = pgTable('consent_history', {
  id: uuid('id').primaryKey().defaultRandom(),
  contactId: uuid('contact_id').notNull(),
  purpose: text('purpose').notNull(),
  channel: text('channel').notNull(),
  status: text('status').notNull(),
  source: text('source').notNull(),
  evidence: text('evidence').notNull().default(''),
  recordedAt: ts('recorded_at').notNull(),
  recordedBy: uuid('recorded_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const surveys = pgTable('surveys', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  language: text('language').notNull().default('en'),
  status: text('status').$type<'draft' | 'open' | 'closed'>().notNull().default('draft'),
  names: jsonb('names').$type<Record<string, string>>().notNull().default({}), // 0006_facts_privacy
  descriptions: jsonb('descriptions').$type<Record<string, string>>().notNull().default({}), // 0006
  linkDays: integer('link_days').notNull().default(30),
  currentVersion: integer('current_version').notNull().default(1),
  ownerId: uuid('owner_id'),
  teamId: uuid('team_id'),
  ...stamps,
});

export const surveyVersions = pgTable(
  'survey_versions',
  {
    surveyId: uuid('survey_id').notNull(),
    version: integer('version').notNull(),
    questions: jsonb('questions').$type<unknown[]>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.version] })],
);

export const surveyInvitations = pgTable('survey_invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  surveyId: uuid('survey_id').notNull(),
  version: integer('version').notNull(),
  contactId: uuid('contact_id'),
  expiresAt: ts('expires_at').notNull(),
  emailId: uuid('email_id'),
  openedAt: ts('opened_at'),
  respondedAt: ts('responded_at'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const surveyResponses = pgTable('survey_responses', {
  id: uuid('id').primaryKey().defaultRandom(),
  invitationId: uuid('invitation_id').notNull(),
  surveyId: uuid('survey_id').notNull(),
  version: integer('version').notNull(),
  contactId: uuid('contact_id'),
  answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
  interactionId: uuid('interaction_id'),
  submittedAt: ts('submitted_at').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  edits: integer('edits').notNull().default(0),
});

export const facts = pgTable('facts', {
  id: uuid('id').primaryKey().defaultRandom(),
  contactId: uuid('contact_id').notNull(),
  key: text('key').notNull(),
  value: jsonb('value').notNull(),
  source: text('source').notNull().default('survey'),
  surveyId: uuid('survey_id'),
  questionKey: text('question_key'),
  responseId: uuid('response_id'),
  recordedAt: ts('recorded_at').notNull().defaultNow(),
});

export const domainEvents = pgTable('domain_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  type: text('type').notNull(),
  recordType: text('record_type'),
  recordId: uuid('record_id'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: ts('created_at').notNull().defaultNow(),
});
export * from './schema-deals.ts';
export * from './schema-leads.ts';
export * from './schema-service.ts';
