import {
  type Actor,
  diffFields,
  type FieldError,
  type ListQuery,
  snapshotDiff,
  type WarrantyBulk,
  type WarrantyCreate,
  type WarrantyUpdate,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { invalid } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import {
  bulkResult,
  rejectRepeatedExternalIds,
  sameValue,
  type UpsertResult,
  upsertOne,
} from '../commerce/bulk.ts';
import { resolveCustomers } from '../commerce/customer-refs.ts';
import { type ProductName, productNames } from '../commerce/names.ts';
import { productsByIds, productsBySku } from '../products/products.repository.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import type { ListFields } from '../shared/list-query.ts';
import * as repo from './warranties.repository.ts';

const col = (c: string) => sql.raw(c);
const listFields: ListFields = {
  externalId: { kind: 'text', expr: col('external_id') },
  productId: { kind: 'uuid', expr: col('product_id') },
  contactId: { kind: 'uuid', expr: col('contact_id') },
  accountId: { kind: 'uuid', expr: col('account_id') },
  orderId: { kind: 'uuid', expr: col('order_id') },
  serialNumber: { kind: 'text', sortable: true, expr: col('serial_number') },
  startsOn: { kind: 'date', sortable: true, notNull: true, expr: col('starts_on') },
  endsOn: { kind: 'date', sortable: true, notNull: true, expr: col('ends_on') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
};
const auditFields = [
  'externalId',
  'productId',
  'contactId',
  'accountId',
  'orderId',
  'serialNumber',
  'startsOn',
  'endsOn',
] as const;

export function presentWarranty(r: repo.WarrantyRow, now: Date, product?: ProductName | null) {
  const day = now.toISOString().slice(0, 10);
  return {
    id: r.id,
    externalId: r.externalId,
    productId: r.productId,
    ...(product !== undefined ? { product } : {}),
    contactId: r.contactId,
    accountId: r.accountId,
    orderId: r.orderId,
    serialNumber: r.serialNumber,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    active: r.startsOn <= day && day <= r.endsOn,
    terms: r.terms,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type WarrantyView = ReturnType<typeof presentWarranty>;

/** Product ids from ids or SKUs, with field errors for unknown ones. */
async function productIds(
  ex: Executor,
  refs: readonly { productId?: string | null; sku?: string | null }[],
  prefix: (i: number) => string,
) {
  const ids = refs.map((r) => r.productId).filter((x): x is string => !!x);
  const skus = refs.filter((r) => !r.productId && r.sku).map((r) => r.sku!);
  const [a, b] = await Promise.all([productsByIds(ex, ids), productsBySku(ex, skus)]);
  const byId = new Set(a.map((p) => p.id));
  const bySku = new Map(b.map((p) => [p.sku.toLowerCase(), p.id]));
  const errors: FieldError[] = [];
  const out = refs.map((r, i) => {
    if (r.productId) {
      if (!byId.has(r.productId))
        errors.push({ field: `${prefix(i)}productId`, code: 'not_found', message: 'no such product' });
      return r.productId;
    }
    if (r.sku) {
      const id = bySku.get(r.sku.toLowerCase());
      if (!id)
        errors.push({ field: `${prefix(i)}sku`, code: 'not_found', message: 'no product has this SKU' });
      return id ?? null;
    }
    return null;
  });
  if (errors.length) throw invalid(errors);
  return out;
}

export function createWarrantyService(deps: { db: Db; clock: () => Date }) {
  const { db } = deps;
  const noOwner = { owner: 'NULL', team: 'NULL' };
  return {
    async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<WarrantyView>> {
      const now = deps.clock();
      const day = now.toISOString().slice(0, 10);
      const req = pageRequest({
        actor,
        resource: 'warranties',
        query,
        fields: listFields,
        defaultSort: { field: 'endsOn', dir: 'desc' },
        idExpr: col('id'),
        scopeColumns: noOwner,
        special: {
          active: (c) =>
            c.value === true || c.value === 'true'
              ? sql`(starts_on <= ${day}::date AND ends_on >= ${day}::date)`
              : sql`NOT (starts_on <= ${day}::date AND ends_on >= ${day}::date)`,
        },
        specialKinds: { active: 'boolean' },
      });
      const rows = await repo.pageWarranties(db, req.where, req.order, req.sortValue, req.limit);
      const productOf = await productNames(
        db,
        rows.map((r) => r.productId),
      );
      return toPage(rows, req, (r) => presentWarranty(r, now, productOf(r.productId)));
    },
    async get(actor: Actor, id: string): Promise<WarrantyView> {
      const row = authorize(actor, 'read', 'warranties', await repo.getWarranty(db, id), 'Warranty');
      return presentWarranty(row, deps.clock(), (await productNames(db, [row.productId]))(row.productId));
    },
    async create(actor: Actor, input: WarrantyCreate): Promise<WarrantyView> {
      requireCan(actor, 'create', 'warranties');
      const row = await db.transaction(async (tx) => {
        const [customer] = await resolveCustomers(tx, [input]);
        const [productId] = await productIds(tx, [input], () => '');
        const created = await repo.insertWarranty(tx, {
          externalId: input.externalId ?? null,
          productId: productId ?? null,
          ...customer!,
          orderId: input.orderId ?? null,
          serialNumber: input.serialNumber ?? null,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          terms: input.terms,
        });
        await insertAudit(
          tx,
          auditEntry(actor, 'create', 'warranty', created.id, snapshotDiff(created, auditFields, 'created')),
        );
        return created;
      });
      return presentWarranty(row, deps.clock(), (await productNames(db, [row.productId]))(row.productId));
    },
    async update(actor: Actor, id: string, input: WarrantyUpdate, expected?: number): Promise<WarrantyView> {
      const row = await db.transaction(async (tx) => {
        const cur = authorize(
          actor,
          'update',
          'warranties',
          await repo.getWarranty(tx, id, true),
          'Warranty',
        );
        checkVersion(cur.version, expected);
        const startsOn = input.startsOn ?? cur.startsOn;
        const endsOn = input.endsOn ?? cur.endsOn;
        if (endsOn < startsOn)
          throw invalid([{ field: 'endsOn', code: 'invalid_value', message: 'must not be before startsOn' }]);
        const next = await repo.updateWarranty(tx, id, {
          startsOn,
          endsOn,
          ...(input.serialNumber !== undefined ? { serialNumber: input.serialNumber } : {}),
          ...(input.terms !== undefined ? { terms: input.terms } : {}),
          updatedAt: deps.clock(),
          version: cur.version + 1,
        });
        await insertAudit(
          tx,
          auditEntry(actor, 'update', 'warranty', id, diffFields(cur, next, auditFields)),
        );
        return next;
      });
      return presentWarranty(row, deps.clock(), (await productNames(db, [row.productId]))(row.productId));
    },
    async remove(actor: Actor, id: string, expected?: number): Promise<void> {
      await db.transaction(async (tx) => {
        const cur = authorize(
          actor,
          'delete',
          'warranties',
          await repo.getWarranty(tx, id, true),
          'Warranty',
        );
        checkVersion(cur.version, expected);
        await repo.deleteWarranty(tx, id);
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'warranty', id, snapshotDiff(cur, auditFields, 'deleted')),
        );
      });
    },
    async bulkUpsert(actor: Actor, input: WarrantyBulk) {
      requireCan(actor, 'create', 'warranties');
      requireCan(actor, 'update', 'warranties');
      rejectRepeatedExternalIds(input.records);
      const prefix = (i: number) => `records.${i}.`;
      return db.transaction(async (tx) => {
        const existing = new Map(
          (
            await repo.warrantiesByExternalId(
              tx,
              input.records.map((r) => r.externalId),
            )
          ).map((w) => [w.externalId!, w]),
        );
        const customers = await resolveCustomers(tx, input.records, { fieldPrefix: prefix });
        const products = await productIds(tx, input.records, prefix);
        const results: UpsertResult[] = [];
        for (const [i, r] of input.records.entries()) {
          const values = {
            productId: products[i] ?? null,
            ...customers[i]!,
            orderId: r.orderId ?? null,
            serialNumber: r.serialNumber ?? null,
            startsOn: r.startsOn,
            endsOn: r.endsOn,
            terms: r.terms,
          };
          results.push(
            await upsertOne(tx, actor, {
              recordType: 'warranty',
              externalId: r.externalId,
              cur: existing.get(r.externalId),
              auditFields,
              unchanged: (cur) =>
                sameValue(
                  {
                    productId: cur.productId,
                    contactId: cur.contactId,
                    accountId: cur.accountId,
                    orderId: cur.orderId,
                    serialNumber: cur.serialNumber,
                    startsOn: cur.startsOn,
                    endsOn: cur.endsOn,
                    terms: cur.terms,
                  },
                  values,
                ),
              insert: () => repo.insertWarranty(tx, { ...values, externalId: r.externalId }),
              update: (cur) =>
                repo.updateWarranty(tx, cur.id, {
                  ...values,
                  updatedAt: deps.clock(),
                  version: cur.version + 1,
                }),
            }),
          );
        }
        return bulkResult(results);
      });
    },
  };
}
export type WarrantyService = ReturnType<typeof createWarrantyService>;
