// Quotes: product lines with per-line discounts and tax, totals in integer minor units, versions
// and statuses.
import { z } from 'zod';
import { currencySchema, isoDay } from '../commerce.schema.ts';
import { idSchema } from '../common.ts';

export const quoteStatuses = ['draft', 'sent', 'accepted', 'rejected', 'expired'] as const;
export type QuoteStatus = (typeof quoteStatuses)[number];

const minor = z
  .number()
  .int('must be whole minor units (cents)')
  .min(0)
  .max(Number.MAX_SAFE_INTEGER / 1000);
/** Percentages with at most two decimals (25, 12.5, 6.25). */
const percent = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
    message: 'at most two decimals',
  });

export const quoteLineSchema = z
  .object({
    productId: idSchema.nullish(),
    sku: z.string().trim().min(1).max(100).nullish(),
    description: z.string().trim().max(500).nullish(),
    /** Up to three decimals. */
    quantity: z
      .number()
      .positive()
      .max(1_000_000_000)
      .refine((v) => Math.abs(v * 1000 - Math.round(v * 1000)) < 1e-6, { message: 'at most three decimals' }),
    /** Defaults to the product's price. */
    unitPrice: minor.nullish(),
    discountPercent: percent.default(0),
    /** The line's tax rate; the quote's `taxRate` when left out. */
    taxRate: percent.nullish(),
  })
  .strict();
export type QuoteLineInput = z.infer<typeof quoteLineSchema>;

const quoteFields = {
  dealId: idSchema.nullish(),
  contactId: idSchema.nullish(),
  accountId: idSchema.nullish(),
  /** Defaults to the deal's currency, else the company currency. */
  currency: currencySchema.optional(),
  /** The default tax rate of lines without their own. */
  taxRate: percent.default(0),
  validUntil: isoDay.nullish(),
  notes: z.string().trim().max(10_000).default(''),
  lines: z.array(quoteLineSchema).min(1, 'a quote needs at least one line').max(200),
};
export const quoteCreateSchema = z.object(quoteFields).strict();
export type QuoteCreate = z.infer<typeof quoteCreateSchema>;

export const quoteUpdateSchema = z
  .object({
    contactId: idSchema.nullish(),
    accountId: idSchema.nullish(),
    taxRate: percent.optional(),
    validUntil: isoDay.nullish(),
    notes: z.string().trim().max(10_000).optional(),
    lines: quoteFields.lines.optional(),
  })
  .strict();
export type QuoteUpdate = z.infer<typeof quoteUpdateSchema>;

export const quoteStatusChangeSchema = z
  .object({
    status: z.enum(['sent', 'accepted', 'rejected', 'expired']),
    /** On acceptance: also move the deal to its pipeline's won stage (default true). */
    markDealWon: z.boolean().default(true),
  })
  .strict();
export type QuoteStatusChange = z.infer<typeof quoteStatusChangeSchema>;

const allowed: Record<QuoteStatus, readonly QuoteStatus[]> = {
  draft: ['sent'],
  sent: ['accepted', 'rejected', 'expired'],
  accepted: [],
  rejected: [],
  expired: [],
};
export const quoteTransitionAllowed = (from: QuoteStatus, to: QuoteStatus): boolean =>
  allowed[from].includes(to);

/** Editing a draft changes it in place; editing a quote that went out starts a new version. */
export const editStartsNewRevision = (status: QuoteStatus): boolean =>
  status === 'sent' || status === 'rejected' || status === 'expired';
export const quoteEditable = (status: QuoteStatus): boolean => status !== 'accepted';

/** A sent quote past its last valid day. */
export const isQuoteLapsed = (
  q: { status: QuoteStatus; validUntil: string | null },
  today: string,
): boolean => q.status === 'sent' && q.validUntil !== null && q.validUntil < today;

// Totals -------------------------------------------------------------------------------------------

export type PricedLine = { quantity: number; unitPrice: number; discountPercent: number; taxRate: number };
export type LineAmounts = { gross: number; discount: number; net: number };
export type TaxBand = { rate: number; base: number; tax: number };
export type QuoteTotals = {
  lines: (LineAmounts & { taxRate: number })[];
  /** Σ quantity × unit price. */
  gross: number;
  discount: number;
  /** Σ net line amounts (after discounts, before tax). */
  subtotal: number;
  taxes: TaxBand[];
  tax: number;
  total: number;
};

const big = (n: number) => BigInt(n);
/** num / den rounded half up, for non-negative integers. */
const divRound = (num: bigint, den: bigint): number => Number((num * 2n + den) / (den * 2n));
const scaled = (v: number, by: number) => Math.round(v * by);

/**
 * A line's amounts in exact integer arithmetic: quantity (3 decimals) × unit price, less the
 * discount (2 decimals), each rounded half up to whole minor units once.
 */
export function lineAmounts(l: Omit<PricedLine, 'taxRate'>): LineAmounts {
  const q = big(scaled(l.quantity, 1000));
  const price = big(l.unitPrice);
  const d = big(scaled(l.discountPercent, 100));
  const gross = divRound(q * price, 1000n);
  const net = divRound(q * price * (10_000n - d), 1000n * 10_000n);
  return { gross, discount: gross - net, net };
}

/**
 * Quote totals. Tax is computed per rate on the sum of the net amounts at that rate (one
 * rounding per rate, as on an invoice), not per line, so many small lines do not drift.
 */
export function quoteTotals(lines: readonly PricedLine[]): QuoteTotals {
  const amounts = lines.map((l) => ({ ...lineAmounts(l), taxRate: l.taxRate }));
  const bands = new Map<number, bigint>();
  for (const a of amounts) {
    const r = scaled(a.taxRate, 100);
    bands.set(r, (bands.get(r) ?? 0n) + big(a.net));
  }
  const taxes = [...bands.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, base]) => ({ rate: r / 100, base: Number(base), tax: divRound(base * big(r), 10_000n) }));
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const subtotal = sum(amounts.map((a) => a.net));
  const tax = sum(taxes.map((t) => t.tax));
  return {
    lines: amounts,
    gross: sum(amounts.map((a) => a.gross)),
    discount: sum(amounts.map((a) => a.discount)),
    subtotal,
    taxes,
    tax,
    total: subtotal + tax,
  };
}
