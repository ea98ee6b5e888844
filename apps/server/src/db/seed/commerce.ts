/**
 * Demo commerce: a product catalogue, and for about two thirds of the contacts a purchase
 * history drawn from a buy-till-you-die process (purchases at a personal rate, dropping out
 * with some probability after each), with 1–6 lines an order, invoices for recent orders and
 * warranties for appliances. Acquisition channels differ in spend, so LTV drivers show
 * something. Orders end on `end` (the day the demo is loaded), so lifecycle states are current.
 */
import type { QueryFn } from '../connection.ts';
import type { ContactRef } from './activity.ts';
import { Batch, type Column, writer } from './bulk.ts';
import type { Rng } from './random.ts';

const DAY = 86_400_000;

type Product = { id: string; sku: string; name: string; category: string; price: number; warranty: boolean };

const catalogue: [string, string, number, boolean?][] = [
  ['Coffee', 'Espresso beans 1 kg', 2490],
  ['Coffee', 'Filter coffee 500 g', 990],
  ['Coffee', 'Single origin Ethiopia', 1690],
  ['Coffee', 'Decaf blend 500 g', 1190],
  ['Tea', 'Green tea sencha', 890],
  ['Tea', 'Earl Grey 250 g', 790],
  ['Tea', 'Herbal selection', 690],
  ['Ware', 'Ceramic cup', 1290],
  ['Ware', 'Glass teapot', 3490],
  ['Ware', 'Travel mug', 1990],
  ['Appliances', 'Espresso machine', 49900, true],
  ['Appliances', 'Coffee grinder', 12900, true],
  ['Appliances', 'Milk frother', 5900, true],
  ['Appliances', 'Kettle with thermostat', 7900, true],
  ['Subscriptions', 'Coffee club, 3 months', 8900],
  ['Subscriptions', 'Tea club, 3 months', 6900],
  ['Accessories', 'Paper filters 100', 390],
  ['Accessories', 'Descaler', 590],
  ['Accessories', 'Tamper', 2490],
  ['Accessories', 'Gift card', 5000],
];

/** Channel, share of buyers, spend multiplier, purchase-rate multiplier. */
const channels: [string, number, number, number][] = [
  ['web', 0.45, 1, 1],
  ['store', 0.25, 1.2, 0.8],
  ['phone', 0.1, 0.9, 0.7],
  ['partner', 0.12, 2.2, 1.2],
  ['marketplace', 0.08, 0.7, 0.6],
];

const productColumns: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'sku', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'category', type: 'text' },
  { name: 'price', type: 'int' },
  { name: 'currency', type: 'text' },
  { name: 'margin_percent', type: 'int' },
];
const orderColumns: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'number', type: 'text' },
  { name: 'contact_id', type: 'uuid' },
  { name: 'account_id', type: 'uuid' },
  { name: 'status', type: 'text' },
  { name: 'ordered_at', type: 'epoch_ms' },
  { name: 'delivery_status', type: 'text' },
  { name: 'estimated_delivery', type: 'epoch_day' },
  { name: 'delivered_at', type: 'epoch_ms' },
  { name: 'channel', type: 'text' },
  { name: 'currency', type: 'text' },
  { name: 'total', type: 'int' },
  { name: 'total_base', type: 'int' },
  { name: 'owner_id', type: 'uuid' },
  { name: 'team_id', type: 'uuid' },
  { name: 'created_at', type: 'epoch_ms' },
  { name: 'updated_at', type: 'epoch_ms' },
];
const lineColumns: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'order_id', type: 'uuid' },
  { name: 'position', type: 'int' },
  { name: 'product_id', type: 'uuid' },
  { name: 'sku', type: 'text' },
  { name: 'description', type: 'text' },
  { name: 'category', type: 'text' },
  { name: 'quantity', type: 'int' },
  { name: 'unit_price', type: 'int' },
  { name: 'line_total', type: 'int' },
];
const invoiceColumns: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'number', type: 'text' },
  { name: 'order_id', type: 'uuid' },
  { name: 'contact_id', type: 'uuid' },
  { name: 'account_id', type: 'uuid' },
  { name: 'currency', type: 'text' },
  { name: 'amount', type: 'int' },
  { name: 'paid_amount', type: 'int' },
  { name: 'issued_on', type: 'epoch_day' },
  { name: 'due_on', type: 'epoch_day' },
  { name: 'status', type: 'text' },
  { name: 'paid_at', type: 'epoch_ms' },
];
const paymentColumns: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'invoice_id', type: 'uuid' },
  { name: 'amount', type: 'int' },
  { name: 'paid_at', type: 'epoch_ms' },
  { name: 'method', type: 'text' },
];
const warrantyColumns: Column[] = [
  { name: 'id', type: 'uuid' },
  { name: 'product_id', type: 'uuid' },
  { name: 'contact_id', type: 'uuid' },
  { name: 'account_id', type: 'uuid' },
  { name: 'order_id', type: 'uuid' },
  { name: 'serial_number', type: 'text' },
  { name: 'starts_on', type: 'epoch_day' },
  { name: 'ends_on', type: 'epoch_day' },
];

/** Gamma(shape, 1) by Marsaglia–Tsang, from the seed's stream. */
function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * (1 - rng.next()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const u1 = 1 - rng.next();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rng.next());
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    if (Math.log(1 - rng.next()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

export type CommerceResult = {
  products: number;
  orders: number;
  orderLines: number;
  invoices: number;
  warranties: number;
};

export async function seedCommerce(
  query: QueryFn,
  slots: number,
  refs: readonly ContactRef[],
  opts: {
    end: number;
    ids: Rng;
    rng: Rng;
    batchSize: number;
    numberOffset: number;
    /** Share of contacts who buy (default 0.65). */
    buyerShare?: number;
  },
): Promise<CommerceResult> {
  const { ids, rng } = opts;
  const end = Math.floor(opts.end / DAY) * DAY;
  const out = writer(query, slots);
  const products: Product[] = catalogue.map(([category, name, price, warranty], i) => ({
    id: ids.uuid(),
    sku: `${category.slice(0, 3).toUpperCase()}-${String(i + 1).padStart(3, '0')}`,
    name,
    category,
    price,
    warranty: warranty ?? false,
  }));
  const existing = new Set(
    (await query<{ sku: string }>('SELECT lower(sku) AS sku FROM products')).map((r) => r.sku),
  );
  const productBatch = new Batch('products', productColumns);
  for (const p of products) {
    if (!existing.has(p.sku.toLowerCase()))
      productBatch.push([p.id, p.sku, p.name, p.category, p.price, 'EUR', 30 + rng.int(30)]);
  }
  await out.send(productBatch);
  await out.drain();
  // Reuse stored products (a second seed into the same database) by SKU.
  const stored = new Map(
    (await query<{ id: string; sku: string }>('SELECT id, sku FROM products')).map((r) => [r.sku, r.id]),
  );
  for (const p of products) p.id = stored.get(p.sku) ?? p.id;

  const orders = new Batch('orders', orderColumns);
  const lines = new Batch('order_lines', lineColumns);
  const invoices = new Batch('invoices', invoiceColumns);
  const payments = new Batch('payments', paymentColumns);
  const warranties = new Batch('warranties', warrantyColumns);
  const counts: CommerceResult = {
    products: products.length,
    orders: 0,
    orderLines: 0,
    invoices: 0,
    warranties: 0,
  };
  const channelCum: number[] = [];
  let share = 0;
  for (const c of channels) {
    share += c[1];
    channelCum.push(share);
  }
  // Parents before children (foreign keys), whichever connection each batch goes on.
  const flushAll = async () => {
    await out.send(orders);
    await out.drain();
    await out.send(lines);
    await out.send(invoices);
    await out.send(warranties);
    await out.drain();
    await out.send(payments);
  };
  const flush = async () => {
    if (lines.size >= opts.batchSize) await flushAll();
  };
  for (const c of refs) {
    if (!rng.chance(opts.buyerShare ?? 0.65)) continue; // prospects: never bought
    const u = rng.next();
    const ch = channels[channelCum.findIndex((x) => u < x)] ?? channels[0]!;
    // Purchases per day ~ Gamma(0.9)/90 (a few a year), spend level ~ Gamma(4), dropout ~ Beta(1, 3).
    const rate = (gamma(rng, 0.9) / 75) * ch[3];
    const spend = (gamma(rng, 4) / 4) * ch[2];
    const drop = 1 - (1 - rng.next()) ** (1 / 3);
    let t = c.createdAt + rng.int(Math.max(1, end - c.createdAt));
    let first = true;
    while (t < end) {
      const orderId = ids.uuid();
      const age = (end - t) / DAY;
      const cancelled = rng.chance(0.03);
      const delivered = age > 7;
      const nLines = 1 + Math.min(5, Math.floor(gamma(rng, 2.2)));
      let total = 0;
      let appliance: Product | null = null;
      for (let k = 0; k < nLines; k++) {
        const p = products[first && k === 0 ? rng.int(10) : rng.int(products.length)]!;
        const qty = 1 + (p.price < 2000 ? rng.int(3) : 0);
        const price = Math.round(p.price * (0.9 + 0.2 * spend ** 0.3));
        const lineTotal = qty * price;
        total += lineTotal;
        if (p.warranty) appliance = p;
        lines.push([ids.uuid(), orderId, k + 1, p.id, p.sku, p.name, p.category, qty, price, lineTotal]);
      }
      counts.orderLines += nLines;
      const number = `SO-${String(opts.numberOffset + ++counts.orders).padStart(6, '0')}`;
      orders.push([
        orderId,
        number,
        c.id,
        c.accountId,
        cancelled ? 'cancelled' : delivered ? 'fulfilled' : 'confirmed',
        t,
        cancelled ? 'not_shipped' : delivered ? 'delivered' : age > 2 ? 'in_transit' : 'preparing',
        Math.floor((t + 5 * DAY) / DAY),
        delivered && !cancelled ? t + 4 * DAY : null,
        ch[0],
        'EUR',
        total,
        total,
        c.ownerId,
        c.teamId,
        t,
        t,
      ]);
      if (age < 120 && !cancelled) {
        const invoiceId = ids.uuid();
        const issued = Math.floor(t / DAY);
        const paid = age > 45 || (age > 10 && rng.chance(0.7));
        invoices.push([
          invoiceId,
          `INV-${String(opts.numberOffset + ++counts.invoices).padStart(6, '0')}`,
          orderId,
          c.id,
          c.accountId,
          'EUR',
          total,
          paid ? total : 0,
          issued,
          issued + 30,
          paid ? 'paid' : 'open',
          paid ? t + (3 + rng.int(25)) * DAY : null,
        ]);
        if (paid)
          payments.push([
            ids.uuid(),
            invoiceId,
            total,
            t + 10 * DAY,
            rng.chance(0.6) ? 'card' : 'bank_transfer',
          ]);
      }
      if (appliance && !cancelled) {
        const day = Math.floor(t / DAY);
        warranties.push([
          ids.uuid(),
          appliance.id,
          c.id,
          c.accountId,
          orderId,
          `SN${ids.digits(9)}`,
          day,
          day + 730,
        ]);
        counts.warranties++;
      }
      await flush();
      first = false;
      if (!rng.chance(1 - drop)) break;
      t += Math.ceil((-Math.log(1 - rng.next()) / Math.max(rate, 1e-4)) * DAY);
    }
  }
  await flushAll();
  await out.drain();
  // An account that has bought is a customer, not a prospect.
  await query(
    `UPDATE accounts SET type = 'customer' WHERE type = 'prospect'
       AND id IN (SELECT account_id FROM orders WHERE account_id IS NOT NULL)`,
  );
  await query(`SELECT setval('order_number_seq', $1)`, [opts.numberOffset + counts.orders + 1]);
  await query(`SELECT setval('invoice_number_seq', $1)`, [opts.numberOffset + counts.invoices + 1]);
  return counts;
}
