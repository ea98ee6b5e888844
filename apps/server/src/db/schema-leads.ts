/** Drizzle mirror of migration 0009_leads: leads, their history, web forms and their throttle. */
import type { LeadConsent, LeadFormField, LeadStatus, ScoreReason } from '@relata/domain';
import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { stamps, ts } from './schema-columns.ts';

export const leadForms = pgTable('lead_forms', {
  id: uuid('id').primaryKey().defaultRandom(),
  key: text('key').notNull(),
  name: text('name').notNull(),
  fields: jsonb('fields').$type<LeadFormField[]>().notNull().default([]),
  defaultSource: text('default_source').notNull().default('web_form'),
  defaultCampaign: text('default_campaign'),
  consentText: text('consent_text'),
  consentRequired: boolean('consent_required').notNull().default(false),
  consentPurpose: text('consent_purpose').notNull().default('marketing'),
  consentChannel: text('consent_channel')
    .$type<'email' | 'phone' | 'sms' | 'post'>()
    .notNull()
    .default('email'),
  thankYouMessage: text('thank_you_message').notNull(),
  redirectUrl: text('redirect_url'),
  rateLimitPerHour: integer('rate_limit_per_hour').notNull().default(60),
  language: text('language').$type<'en' | 'sv' | 'nb' | 'ru'>().notNull().default('en'),
  active: boolean('active').notNull().default(true),
  submissions: integer('submissions').notNull().default(0),
  lastSubmissionAt: ts('last_submission_at'),
  createdBy: uuid('created_by'),
  ...stamps,
});

export const leadFormThrottle = pgTable('lead_form_throttle', {
  key: text('key').primaryKey(),
  windowStart: ts('window_start').notNull(),
  hits: integer('hits').notNull().default(0),
});

export const leads = pgTable('leads', {
  id: uuid('id').primaryKey().defaultRandom(),
  firstName: text('first_name').notNull().default(''),
  lastName: text('last_name').notNull().default(''),
  name: text('name').generatedAlwaysAs(sql`btrim(first_name || ' ' || last_name)`),
  email: text('email'),
  phone: text('phone'),
  company: text('company'),
  jobTitle: text('job_title'),
  country: text('country'),
  language: text('language'),
  message: text('message'),
  source: text('source').notNull().default('manual'),
  campaign: text('campaign'),
  score: integer('score').notNull().default(0),
  scoreReasons: jsonb('score_reasons').$type<ScoreReason[]>().notNull().default([]),
  status: text('status').$type<LeadStatus>().notNull().default('new'),
  ownerId: uuid('owner_id'),
  teamId: uuid('team_id'),
  formId: uuid('form_id'),
  matchedContactId: uuid('matched_contact_id'),
  matchedAccountId: uuid('matched_account_id'),
  duplicateOfId: uuid('duplicate_of_id'),
  consent: jsonb('consent').$type<LeadConsent | null>(),
  consentRecordedAt: ts('consent_recorded_at'),
  convertedAt: ts('converted_at'),
  convertedBy: uuid('converted_by'),
  convertedContactId: uuid('converted_contact_id'),
  convertedAccountId: uuid('converted_account_id'),
  convertedDealId: uuid('converted_deal_id'),
  searchText: text('search_text').notNull().default(''),
  ...stamps,
});

export const leadActivities = pgTable('lead_activities', {
  id: uuid('id').primaryKey().defaultRandom(),
  leadId: uuid('lead_id').notNull(),
  kind: text('kind')
    .$type<'form_submitted' | 'note' | 'interaction' | 'email_opened' | 'email_replied'>()
    .notNull(),
  channel: text('channel'),
  direction: text('direction').$type<'inbound' | 'outbound'>(),
  subject: text('subject').notNull().default(''),
  body: text('body').notNull().default(''),
  formId: uuid('form_id'),
  actorId: uuid('actor_id'),
  actorName: text('actor_name').notNull().default(''),
  occurredAt: ts('occurred_at').notNull(),
  movedToType: text('moved_to_type').$type<'interaction' | 'note'>(),
  movedToId: uuid('moved_to_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
