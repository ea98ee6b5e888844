/** Turns order line input into stored lines: product look-up by id or SKU, prices, totals. */
import { type FieldError, lineTotal, type OrderLineInput } from '@relata/domain';
import type { Executor } from '../../db/connection.ts';
import { invalid } from '../../http/errors.ts';
import { type ProductRow, productsByIds, productsBySku } from '../products/products.repository.ts';
import type { OrderLineInsert } from './orders.repository.ts';

export type BuiltLine = Omit<OrderLineInsert, 'orderId'>;

/** Builds the lines of many orders at once (one product query for a whole feed). */
export async function buildLines(
  ex: Executor,
  orders: readonly { lines: readonly OrderLineInput[] }[],
  fieldPrefix: (i: number) => string = () => '',
): Promise<BuiltLine[][]> {
  const all = orders.flatMap((o) => o.lines);
  const ids = [...new Set(all.map((l) => l.productId).filter((x): x is string => !!x))];
  const skus = [...new Set(all.filter((l) => !l.productId && l.sku).map((l) => l.sku!))];
  const [byIdRows, bySkuRows] = await Promise.all([productsByIds(ex, ids), productsBySku(ex, skus)]);
  const byId = new Map(byIdRows.map((p) => [p.id, p]));
  const bySku = new Map(bySkuRows.map((p) => [p.sku.toLowerCase(), p]));
  const errors: FieldError[] = [];
  const out = orders.map((o, i) =>
    o.lines.map((l, j): BuiltLine => {
      const field = `${fieldPrefix(i)}lines.${j}`;
      let product: ProductRow | undefined;
      if (l.productId) {
        product = byId.get(l.productId);
        if (!product)
          errors.push({ field: `${field}.productId`, code: 'not_found', message: 'no such product' });
      } else if (l.sku) {
        product = bySku.get(l.sku.toLowerCase());
      }
      const unitPrice = l.unitPrice ?? product?.price;
      if (unitPrice === undefined || unitPrice === null)
        errors.push({
          field: `${field}.unitPrice`,
          code: 'required',
          message: 'give a unit price or a known product',
        });
      const price = unitPrice ?? 0;
      return {
        position: j + 1,
        productId: product?.id ?? null,
        sku: l.sku ?? product?.sku ?? null,
        description: l.description ?? product?.name ?? '',
        category: l.category ?? product?.category ?? null,
        quantity: l.quantity,
        unitPrice: price,
        discountPercent: l.discountPercent,
        lineTotal: lineTotal(l.quantity, price, l.discountPercent),
      };
    }),
  );
  if (errors.length) throw invalid(errors, 'Some order lines are not valid');
  return out;
}

/** Stored lines in the shape of built ones, to tell whether a feed changed anything. */
export const comparableLines = (lines: readonly BuiltLine[]) =>
  lines.map((l) => [
    l.position,
    l.productId ?? null,
    l.sku ?? null,
    l.description ?? '',
    l.category ?? null,
    Number(l.quantity),
    l.unitPrice,
    Number(l.discountPercent ?? 0),
    l.lineTotal,
  ]);
