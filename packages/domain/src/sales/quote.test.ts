import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  editStartsNewRevision,
  isQuoteLapsed,
  lineAmounts,
  quoteCreateSchema,
  quoteTotals,
  quoteTransitionAllowed,
} from './quote.ts';

describe('quote totals', () => {
  it('discounts each line and taxes the net amounts per rate', () => {
    const t = quoteTotals([
      { quantity: 3, unitPrice: 1999, discountPercent: 15, taxRate: 25 },
      { quantity: 1, unitPrice: 49_900, discountPercent: 0, taxRate: 25 },
      { quantity: 2.5, unitPrice: 1_000, discountPercent: 10, taxRate: 12 },
    ]);
    // 3 × 19.99 = 59.97, less 15 % = 50.9745 → 50.97 (discount 9.00)
    expect(t.lines[0]).toMatchObject({ gross: 5997, discount: 900, net: 5097 });
    expect(t.lines[2]).toMatchObject({ gross: 2500, discount: 250, net: 2250 });
    expect(t.subtotal).toBe(5097 + 49_900 + 2250);
    expect(t.taxes).toEqual([
      { rate: 12, base: 2250, tax: 270 },
      { rate: 25, base: 54_997, tax: 13_749 }, // 13 749.25 → 13 749
    ]);
    expect(t.tax).toBe(270 + 13_749);
    expect(t.total).toBe(t.subtotal + t.tax);
    expect(t.gross - t.discount).toBe(t.subtotal);
  });

  it('rounds half up exactly, without floating-point drift', () => {
    // 0.1 × 0.7 style products: 1.005 × 100 is 100.49999… in floating point.
    expect(lineAmounts({ quantity: 1.005, unitPrice: 100, discountPercent: 0 })).toEqual({
      gross: 101,
      discount: 0,
      net: 101,
    });
    expect(lineAmounts({ quantity: 1, unitPrice: 5, discountPercent: 10 }).net).toBe(5); // 4.5 → 5
    expect(lineAmounts({ quantity: 1, unitPrice: 3, discountPercent: 50 }).net).toBe(2); // 1.5 → 2
  });

  it('taxes many small lines once per rate, not once per line', () => {
    const lines = Array.from({ length: 3 }, () => ({
      quantity: 1,
      unitPrice: 2,
      discountPercent: 0,
      taxRate: 25,
    }));
    // per line: 0.5 → 1 each = 3; on the sum: 6 × 25 % = 1.5 → 2
    expect(quoteTotals(lines).tax).toBe(2);
  });

  it('always adds up: net = gross − discount, total = subtotal + Σ tax bands', () => {
    const line = fc.record({
      quantity: fc.integer({ min: 1, max: 100_000 }).map((n) => n / 1000),
      unitPrice: fc.integer({ min: 0, max: 10_000_000 }),
      discountPercent: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
      taxRate: fc.constantFrom(0, 6, 12, 12.5, 25),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (lines) => {
        const t = quoteTotals(lines);
        for (const l of t.lines) {
          expect(l.gross - l.discount).toBe(l.net);
          expect(l.net).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(l.net)).toBe(true);
        }
        expect(t.subtotal).toBe(t.lines.reduce((s, l) => s + l.net, 0));
        expect(t.total).toBe(t.subtotal + t.taxes.reduce((s, b) => s + b.tax, 0));
      }),
    );
  });
});

describe('quote rules', () => {
  it('allows draft → sent → accepted/rejected/expired and nothing after acceptance', () => {
    expect(quoteTransitionAllowed('draft', 'sent')).toBe(true);
    expect(quoteTransitionAllowed('draft', 'accepted')).toBe(false);
    expect(quoteTransitionAllowed('sent', 'accepted')).toBe(true);
    expect(quoteTransitionAllowed('sent', 'expired')).toBe(true);
    expect(quoteTransitionAllowed('accepted', 'rejected')).toBe(false);
    expect(editStartsNewRevision('draft')).toBe(false);
    expect(editStartsNewRevision('sent')).toBe(true);
  });

  it('treats a sent quote past its last valid day as lapsed', () => {
    expect(isQuoteLapsed({ status: 'sent', validUntil: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isQuoteLapsed({ status: 'sent', validUntil: '2026-03-01' }, '2026-03-01')).toBe(false);
    expect(isQuoteLapsed({ status: 'draft', validUntil: '2026-03-01' }, '2026-04-01')).toBe(false);
  });

  it('takes tax rates and discounts with at most two decimals and quantities with three', () => {
    const ok = quoteCreateSchema.safeParse({ lines: [{ quantity: 1.125, unitPrice: 100, taxRate: 12.5 }] });
    expect(ok.success).toBe(true);
    const bad = quoteCreateSchema.safeParse({
      lines: [{ quantity: 1.0001, unitPrice: 100, taxRate: 12.345, discountPercent: 101 }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'lines.0.discountPercent',
      'lines.0.quantity',
      'lines.0.taxRate',
    ]);
  });
});
