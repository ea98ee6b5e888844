/** Drizzle mirror of 0010_deals.sql: pipelines, stages, lost reasons, deals, quotes. */
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

const money = (name: string) => bigint(name, { mode: 'number' });

export const pipelines = pgTable('pipelines', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  position: integer('position').notNull().default(0),
  isDefault: boolean('is_default').notNull().default(false),
  ...stamps,
});

export const pipelineStages = pgTable('pipeline_stages', {
  id: uuid('id').primaryKey().defaultRandom(),
  pipelineId: uuid('pipeline_id').notNull(),
  name: text('name').notNull(),
  kind: text('kind').$type<'open' | 'won' | 'lost'>().notNull().default('open'),
  probability: smallint('probability').notNull(),
  position: integer('position').notNull(),
});

export const lostReasons = pgTable('lost_reasons', {
  id: uuid('id').primaryKey().defaultRandom(),
  label: text('label').notNull(),
  position: integer('position').notNull().default(0),
  active: boolean('active').notNull().default(true),
  ...stamps,
});

export const deals = pgTable('deals', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  pipelineId: uuid('pipeline_id').notNull(),
  stageId: uuid('stage_id').notNull(),
  status: text('status').$type<'open' | 'won' | 'lost'>().notNull().default('open'),
  rank: doublePrecision('rank').notNull().default(0),
  amount: money('amount').notNull().default(0),
  currency: text('currency').notNull(),
  exchangeRate: numeric('exchange_rate', { mode: 'number' }).notNull().default(1),
  amountBase: money('amount_base').notNull().default(0),
  expectedCloseDate: date('expected_close_date', { mode: 'string' }),
  ownerId: uuid('owner_id'),
  teamId: uuid('team_id'),
  contactId: uuid('contact_id'),
  accountId: uuid('account_id'),
  lostReasonId: uuid('lost_reason_id'),
  lostNote: text('lost_note'),
  stageEnteredAt: ts('stage_entered_at').notNull().defaultNow(),
  wonAt: ts('won_at'),
  lostAt: ts('lost_at'),
  source: text('source'),
  notes: text('notes').notNull().default(''),
  ...stamps,
});

export const dealLines = pgTable('deal_lines', {
  id: uuid('id').primaryKey().defaultRandom(),
  dealId: uuid('deal_id').notNull(),
  position: integer('position').notNull(),
  productId: uuid('product_id'),
  sku: text('sku'),
  description: text('description').notNull().default(''),
  category: text('category'),
  quantity: numeric('quantity', { mode: 'number' }).notNull(),
  unitPrice: money('unit_price').notNull(),
  discountPercent: numeric('discount_percent', { mode: 'number' }).notNull().default(0),
  lineTotal: money('line_total').notNull(),
});

export const dealStageHistory = pgTable('deal_stage_history', {
  id: uuid('id').primaryKey().defaultRandom(),
  dealId: uuid('deal_id').notNull(),
  fromStageId: uuid('from_stage_id'),
  toStageId: uuid('to_stage_id'),
  fromStageName: text('from_stage_name'),
  toStageName: text('to_stage_name').notNull(),
  movedBy: uuid('moved_by'),
  movedAt: ts('moved_at').notNull().defaultNow(),
  secondsInFrom: bigint('seconds_in_from', { mode: 'number' }),
});

export const dealStageTotals = pgTable('deal_stage_totals', {
  stageId: uuid('stage_id').primaryKey(),
  deals: bigint('deals', { mode: 'number' }).notNull().default(0),
  amountBase: money('amount_base').notNull().default(0),
});

export const quotes = pgTable('quotes', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: text('number').notNull(),
  revision: integer('revision').notNull().default(1),
  dealId: uuid('deal_id'),
  contactId: uuid('contact_id'),
  accountId: uuid('account_id'),
  status: text('status')
    .$type<'draft' | 'sent' | 'accepted' | 'rejected' | 'expired'>()
    .notNull()
    .default('draft'),
  currency: text('currency').notNull(),
  taxRate: numeric('tax_rate', { mode: 'number' }).notNull().default(0),
  validUntil: date('valid_until', { mode: 'string' }),
  notes: text('notes').notNull().default(''),
  gross: money('gross').notNull().default(0),
  discount: money('discount').notNull().default(0),
  subtotal: money('subtotal').notNull().default(0),
  tax: money('tax').notNull().default(0),
  total: money('total').notNull().default(0),
  orderId: uuid('order_id'),
  sentAt: ts('sent_at'),
  decidedAt: ts('decided_at'),
  ownerId: uuid('owner_id'),
  teamId: uuid('team_id'),
  ...stamps,
});

export const quoteLines = pgTable('quote_lines', {
  id: uuid('id').primaryKey().defaultRandom(),
  quoteId: uuid('quote_id').notNull(),
  position: integer('position').notNull(),
  productId: uuid('product_id'),
  sku: text('sku'),
  description: text('description').notNull().default(''),
  quantity: numeric('quantity', { mode: 'number' }).notNull(),
  unitPrice: money('unit_price').notNull(),
  discountPercent: numeric('discount_percent', { mode: 'number' }).notNull().default(0),
  taxRate: numeric('tax_rate', { mode: 'number' }),
  net: money('net').notNull(),
});

export const quoteRevisions = pgTable(
  'quote_revisions',
  {
    quoteId: uuid('quote_id').notNull(),
    revision: integer('revision').notNull(),
    status: text('status').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.quoteId, t.revision] })],
);
