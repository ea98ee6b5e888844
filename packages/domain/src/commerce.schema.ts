// Commercial data: products, orders with lines, invoices, payments, warranties. Money is integer
// minor units (cents, öre) of the record's currency.
import { z } from 'zod';
import { idSchema, optionalText } from './common.ts';

export const orderStatuses = ['draft', 'confirmed', 'fulfilled', 'cancelled', 'returned'] as const;
export type OrderStatus = (typeof orderStatuses)[number];
export const deliveryStatuses = [
  'not_shipped',
  'preparing',
  'shipped',
  'in_transit',
  'delivered',
  'failed',
  'returned',
] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
export const invoiceStatuses = ['draft', 'open', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

/** Orders that count as purchases for customer value. */
export const purchaseStatuses: readonly OrderStatus[] = ['confirmed', 'fulfilled'];

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code, e.g. EUR');
const minor = z
  .number()
  .int('must be whole minor units (cents)')
  .min(0)
  .max(Number.MAX_SAFE_INTEGER / 1000);
const isoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 timestamp' });
export const isoDay = z.iso.date({ message: 'must be a date YYYY-MM-DD' });
const externalId = z.string().trim().min(1).max(200);
const code = (max: number) => z.string().trim().min(1).max(max);

// Products -----------------------------------------------------------------------------------------
const productFields = {
  sku: code(100),
  name: z.string().trim().min(1, 'is required').max(300),
  category: optionalText(100),
  description: z.string().trim().max(5000).default(''),
  price: minor.default(0),
  currency: currencySchema,
  marginPercent: z.number().min(-100).max(100).nullish(),
  active: z.boolean().default(true),
  externalId: externalId.nullish(),
};
export const productCreateSchema = z.object(productFields).strict();
export type ProductCreate = z.infer<typeof productCreateSchema>;
export const productUpdateSchema = z
  .object({
    sku: productFields.sku.optional(),
    name: productFields.name.optional(),
    category: productFields.category,
    description: z.string().trim().max(5000).optional(),
    price: minor.optional(),
    currency: currencySchema.optional(),
    marginPercent: productFields.marginPercent,
    active: z.boolean().optional(),
    externalId: productFields.externalId,
  })
  .strict();
export type ProductUpdate = z.infer<typeof productUpdateSchema>;
export const productBulkSchema = z
  .object({
    records: z
      .array(productCreateSchema.extend({ externalId: externalId }))
      .min(1)
      .max(1000),
  })
  .strict();
export type ProductBulk = z.infer<typeof productBulkSchema>;

// Orders -------------------------------------------------------------------------------------------
export const orderLineSchema = z
  .object({
    productId: idSchema.nullish(),
    sku: code(100).nullish(),
    description: z.string().trim().max(500).nullish(),
    category: optionalText(100),
    quantity: z.number().positive().max(1_000_000_000),
    /** Defaults to the product's price when a product or SKU is given. */
    unitPrice: minor.nullish(),
    discountPercent: z.number().min(0).max(100).default(0),
  })
  .strict();
export type OrderLineInput = z.infer<typeof orderLineSchema>;

/** Who bought: a contact and/or an account by id, or (for feeds) a contact by email. */
const customerRef = {
  contactId: idSchema.nullish(),
  accountId: idSchema.nullish(),
  contactEmail: z.email({ message: 'must be an email address' }).max(320).nullish(),
};

const orderFields = {
  number: code(60).nullish(),
  externalId: externalId.nullish(),
  ...customerRef,
  status: z.enum(orderStatuses).default('confirmed'),
  orderedAt: isoDateTime,
  deliveryStatus: z.enum(deliveryStatuses).default('not_shipped'),
  estimatedDelivery: isoDay.nullish(),
  deliveredAt: isoDateTime.nullish(),
  channel: optionalText(50),
  currency: currencySchema,
  /** Company-currency units per order-currency unit; required when the currencies differ. */
  exchangeRate: z.number().positive().max(1_000_000).nullish(),
  notes: z.string().trim().max(5000).default(''),
  ownerId: idSchema.nullish(),
  lines: z.array(orderLineSchema).min(1, 'an order needs at least one line').max(500),
};
export const orderCreateSchema = z.object(orderFields).strict();
export type OrderCreate = z.infer<typeof orderCreateSchema>;
export const orderUpdateSchema = z
  .object({
    status: z.enum(orderStatuses).optional(),
    orderedAt: isoDateTime.optional(),
    deliveryStatus: z.enum(deliveryStatuses).optional(),
    estimatedDelivery: isoDay.nullish(),
    deliveredAt: isoDateTime.nullish(),
    channel: optionalText(50),
    exchangeRate: z.number().positive().max(1_000_000).nullish(),
    notes: z.string().trim().max(5000).optional(),
    ownerId: idSchema.nullish(),
    lines: z.array(orderLineSchema).min(1).max(500).optional(),
  })
  .strict();
export type OrderUpdate = z.infer<typeof orderUpdateSchema>;
export const orderBulkSchema = z
  .object({ records: z.array(orderCreateSchema.extend({ externalId })).min(1).max(1000) })
  .strict();
export type OrderBulk = z.infer<typeof orderBulkSchema>;

// Invoices and payments ----------------------------------------------------------------------------
const invoiceFields = {
  number: code(60).nullish(),
  externalId: externalId.nullish(),
  orderId: idSchema.nullish(),
  ...customerRef,
  currency: currencySchema,
  amount: minor,
  issuedOn: isoDay,
  dueOn: isoDay,
  status: z.enum(['draft', 'open', 'void']).default('open'),
};
const dueAfterIssue = (v: { issuedOn?: string; dueOn?: string }) =>
  !v.issuedOn || !v.dueOn || v.dueOn >= v.issuedOn;
export const invoiceCreateSchema = z
  .object(invoiceFields)
  .strict()
  .refine(dueAfterIssue, { message: 'must not be before issuedOn', path: ['dueOn'] });
export type InvoiceCreate = z.infer<typeof invoiceCreateSchema>;
export const invoiceUpdateSchema = z
  .object({
    amount: minor.optional(),
    issuedOn: isoDay.optional(),
    dueOn: isoDay.optional(),
    status: z.enum(['draft', 'open', 'void']).optional(),
  })
  .strict();
export type InvoiceUpdate = z.infer<typeof invoiceUpdateSchema>;
export const invoiceBulkSchema = z
  .object({
    records: z
      .array(
        z
          .object({ ...invoiceFields, externalId, orderExternalId: externalId.nullish() })
          .strict()
          .refine(dueAfterIssue, { message: 'must not be before issuedOn', path: ['dueOn'] }),
      )
      .min(1)
      .max(1000),
  })
  .strict();
export type InvoiceBulk = z.infer<typeof invoiceBulkSchema>;

export const paymentCreateSchema = z
  .object({
    amount: minor.refine((v) => v > 0, 'must be positive'),
    paidAt: isoDateTime,
    method: z.enum(['bank_transfer', 'card', 'cash', 'direct_debit', 'other']).default('bank_transfer'),
    reference: optionalText(200),
    externalId: externalId.nullish(),
  })
  .strict();
export type PaymentCreate = z.infer<typeof paymentCreateSchema>;

// Warranties ---------------------------------------------------------------------------------------
const warrantyFields = {
  externalId: externalId.nullish(),
  productId: idSchema.nullish(),
  sku: code(100).nullish(),
  ...customerRef,
  orderId: idSchema.nullish(),
  serialNumber: optionalText(200),
  startsOn: isoDay,
  endsOn: isoDay,
  terms: z.string().trim().max(5000).default(''),
};
const endsAfterStart = (v: { startsOn?: string; endsOn?: string }) =>
  !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn;
export const warrantyCreateSchema = z
  .object(warrantyFields)
  .strict()
  .refine(endsAfterStart, { message: 'must not be before startsOn', path: ['endsOn'] });
export type WarrantyCreate = z.infer<typeof warrantyCreateSchema>;
export const warrantyUpdateSchema = z
  .object({
    serialNumber: optionalText(200),
    startsOn: isoDay.optional(),
    endsOn: isoDay.optional(),
    terms: z.string().trim().max(5000).optional(),
  })
  .strict();
export type WarrantyUpdate = z.infer<typeof warrantyUpdateSchema>;
export const warrantyBulkSchema = z
  .object({
    records: z
      .array(
        z
          .object({ ...warrantyFields, externalId })
          .strict()
          .refine(endsAfterStart, { message: 'must not be before startsOn', path: ['endsOn'] }),
      )
      .min(1)
      .max(1000),
  })
  .strict();
export type WarrantyBulk = z.infer<typeof warrantyBulkSchema>;

// Rules --------------------------------------------------------------------------------------------

/** A line's net amount in minor units: quantity × unit price less the discount, rounded half up. */
export const lineTotal = (quantity: number, unitPrice: number, discountPercent: number): number =>
  Math.round(quantity * unitPrice * (1 - discountPercent / 100));

/** An order's amount in the company currency, in its minor units. */
export const baseAmount = (total: number, exchangeRate: number): number => Math.round(total * exchangeRate);

/** Open orders are still to be delivered: shown on screen pops with their delivery status. */
export const isOpenOrder = (o: { status: string; deliveryStatus: string }): boolean =>
  (o.status === 'confirmed' || o.status === 'fulfilled') &&
  o.deliveryStatus !== 'delivered' &&
  o.deliveryStatus !== 'returned';

/** An invoice is overdue when it is open and its due day has passed. */
export const isOverdue = (i: { status: string; dueOn: string }, today: string): boolean =>
  i.status === 'open' && i.dueOn < today;
