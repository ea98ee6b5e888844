/**
 * `relata import products|orders|invoices|warranties FILE.csv`: ERP exports through the same idempotent bulk
 * upserts as the API, in batches, so a file can be imported again after a fix or an interruption.
 * Files may be UTF-8 (with or without BOM) or Windows-1252.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import {
  type Actor,
  invoiceBulkSchema,
  orderBulkSchema,
  productBulkSchema,
  warrantyBulkSchema,
} from '@relata/domain';
import { parse } from 'csv-parse';
import type { z } from 'zod';
import { AppError } from '../http/errors.ts';
import type { Services } from '../services.ts';

export class ImportError extends Error {}

const BATCH = 500;
export const importActor: Actor = {
  kind: 'system',
  userId: null,
  teamId: null,
  name: 'import',
  role: 'admin',
  permissions: {},
};

type Row = Record<string, string>;
const text = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
const num = (v: string | undefined) => (text(v) === undefined ? undefined : Number(v!.replace(',', '.')));
const iso = (v: string | undefined) => {
  const t = text(v);
  if (!t) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(t) ? `${t}T00:00:00Z` : t;
};
const drop = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** UTF-8 unless the start of the file is not valid UTF-8, then Windows-1252. */
async function encodingOf(file: string): Promise<'utf-8' | 'windows-1252'> {
  const fh = await open(file);
  try {
    const buf = Buffer.alloc(65_536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    // A multi-byte character cut at the end of the sample is not an error: drop up to 3 bytes.
    for (let cut = 0; cut <= 3; cut++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, Math.max(0, bytesRead - cut)));
        return 'utf-8';
      } catch {
        if (bytesRead < buf.length) break;
      }
    }
    return 'windows-1252';
  } finally {
    await fh.close();
  }
}

function decoder(encoding: string): Transform {
  const d = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, d.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, d.decode());
    },
  });
}

async function* rows(file: string): AsyncGenerator<{ row: Row; line: number }> {
  const encoding = await encodingOf(file);
  const parser = createReadStream(file)
    .pipe(decoder(encoding))
    .pipe(
      parse({
        columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
        bom: true,
        skip_empty_lines: true,
        trim: true,
        info: true,
      }),
    );
  for await (const r of parser as AsyncIterable<{ record: Row; info: { lines: number } }>)
    yield { row: r.record, line: r.info.lines };
}

function check<S extends z.ZodType>(schema: S, value: unknown, lines: number[]): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const [, index, ...field] = issue.path;
  const line = typeof index === 'number' ? lines[index] : undefined;
  throw new ImportError(`line ${line ?? '?'}: ${field.join('.') || 'record'} ${issue.message}`);
}

const orderLine = (r: Row) =>
  drop({
    sku: text(r.sku),
    description: text(r.description),
    category: text(r.category),
    quantity: num(r.quantity) ?? 1,
    unitPrice: num(r.unit_price),
    discountPercent: num(r.discount_percent) ?? 0,
  });

const orderOf = (r: Row) =>
  drop({
    externalId: text(r.external_id),
    number: text(r.number),
    contactId: text(r.contact_id),
    accountId: text(r.account_id),
    contactEmail: text(r.contact_email),
    orderedAt: iso(r.ordered_at),
    status: text(r.status),
    deliveryStatus: text(r.delivery_status),
    estimatedDelivery: text(r.estimated_delivery),
    channel: text(r.channel),
    currency: text(r.currency),
    exchangeRate: num(r.exchange_rate),
    lines: [orderLine(r)],
  });

export const importKinds = ['products', 'orders', 'invoices', 'warranties'] as const;
export type ImportKind = (typeof importKinds)[number];
export type ImportResult = { records: number; created: number; updated: number; unchanged: number };

/** One record of a file with one row per record (everything but orders). */
const recordOf = (kind: Exclude<ImportKind, 'orders'>, row: Row) => {
  switch (kind) {
    case 'products':
      return drop({
        externalId: text(row.external_id),
        sku: text(row.sku),
        name: text(row.name),
        category: text(row.category),
        price: num(row.price),
        currency: text(row.currency),
        marginPercent: num(row.margin_percent),
      });
    case 'invoices':
      return drop({
        externalId: text(row.external_id),
        number: text(row.number),
        orderExternalId: text(row.order_external_id),
        contactEmail: text(row.contact_email),
        contactId: text(row.contact_id),
        accountId: text(row.account_id),
        currency: text(row.currency),
        amount: num(row.amount),
        issuedOn: text(row.issued_on),
        dueOn: text(row.due_on),
      });
    case 'warranties':
      return drop({
        externalId: text(row.external_id),
        sku: text(row.sku),
        productId: text(row.product_id),
        contactEmail: text(row.contact_email),
        contactId: text(row.contact_id),
        accountId: text(row.account_id),
        orderId: text(row.order_id),
        serialNumber: text(row.serial_number),
        startsOn: text(row.starts_on),
        endsOn: text(row.ends_on),
        terms: text(row.terms),
      });
  }
};

/** One batch through the kind's bulk upsert, checked against its schema first. */
function upsert(kind: ImportKind, services: Services, batch: unknown[], lines: number[]) {
  const records = { records: batch };
  switch (kind) {
    case 'products':
      return services.products.bulkUpsert(importActor, check(productBulkSchema, records, lines));
    case 'orders':
      return services.orders.bulkUpsert(importActor, check(orderBulkSchema, records, lines));
    case 'invoices':
      return services.invoices.bulkUpsert(importActor, check(invoiceBulkSchema, records, lines));
    case 'warranties':
      return services.warranties.bulkUpsert(importActor, check(warrantyBulkSchema, records, lines));
  }
}

/** Sends batches through the service; a rejected batch names the file line of the bad record. */
async function flush(
  kind: ImportKind,
  services: Services,
  batch: unknown[],
  lines: number[],
  total: ImportResult,
) {
  if (!batch.length) return;
  try {
    const r = await upsert(kind, services, batch, lines);
    total.records += batch.length;
    total.created += r.created;
    total.updated += r.updated;
    total.unchanged += r.unchanged;
  } catch (e) {
    if (e instanceof AppError && e.errors?.length) {
      const first = e.errors[0]!;
      const m = /^records\.(\d+)\.(.*)$/.exec(first.field);
      const line = m ? lines[Number(m[1])] : undefined;
      throw new ImportError(`line ${line ?? '?'}: ${m ? m[2] : first.field} ${first.message}`);
    }
    if (e instanceof AppError) throw new ImportError(e.message);
    throw e;
  }
}

export async function importFile(
  kind: ImportKind,
  file: string,
  services: Services,
  log: (m: string) => void = () => {},
): Promise<ImportResult> {
  const total: ImportResult = { records: 0, created: 0, updated: 0, unchanged: 0 };
  let batch: Record<string, unknown>[] = [];
  let lines: number[] = [];
  // Orders span rows (one per line): rows of an order must be adjacent.
  let current: { externalId: string; lines: unknown[] } | undefined;
  const flushed = new Set<string>();
  for await (const { row, line } of rows(file)) {
    if (kind === 'orders') {
      const externalId = text(row.external_id);
      if (!externalId) throw new ImportError(`line ${line}: external_id is required`);
      if (current?.externalId === externalId) {
        current.lines.push(orderLine(row));
        continue;
      }
      if (flushed.has(externalId))
        throw new ImportError(
          `line ${line}: the lines of order ${externalId} are not together; sort the file by external_id`,
        );
      if (batch.length >= BATCH) {
        await flush(kind, services, batch, lines, total);
        for (const b of batch) flushed.add(String(b.externalId));
        batch = [];
        lines = [];
        log(`${total.records} orders`);
      }
      current = orderOf(row) as { externalId: string; lines: unknown[] };
      batch.push(current);
      lines.push(line);
      continue;
    }
    const record = recordOf(kind, row);
    batch.push(record);
    lines.push(line);
    if (batch.length >= BATCH) {
      await flush(kind, services, batch, lines, total);
      batch = [];
      lines = [];
      log(`${total.records} ${kind}`);
    }
  }
  await flush(kind, services, batch, lines, total);
  return total;
}
