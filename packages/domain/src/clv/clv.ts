// Discounted customer lifetime value from a purchase model and a spend model.
import { type BgNbdParams, expectedPurchases } from './bgnbd.ts';
import { daysPerUnit, type TimeUnit } from './rfm.ts';

const DAYS_PER_MONTH = 365.25 / 12;

/**
 * Expected value of a customer's purchases over the next `horizonMonths`, each month's
 * expected purchases (from BG/NBD) times the expected spend per purchase, discounted at
 * `monthlyDiscount` per month (paid at month end). x, tx and T are in `unit`s.
 */
export function discountedClv(
  params: BgNbdParams,
  spendPerPurchase: number,
  customer: { x: number; tx: number; T: number },
  opts: { horizonMonths: number; monthlyDiscount: number; unit: TimeUnit },
): number {
  const monthInUnits = DAYS_PER_MONTH / daysPerUnit(opts.unit);
  let value = 0;
  let before = 0;
  for (let m = 1; m <= opts.horizonMonths; m++) {
    const cumulative = expectedPurchases(params, m * monthInUnits, customer.x, customer.tx, customer.T);
    value += ((cumulative - before) * spendPerPurchase) / (1 + opts.monthlyDiscount) ** m;
    before = cumulative;
  }
  return value;
}
