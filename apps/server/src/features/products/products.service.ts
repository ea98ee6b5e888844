import {
  type Actor,
  diffFields,
  type FieldError,
  type ListQuery,
  type ProductBulk,
  type ProductCreate,
  type ProductUpdate,
  snapshotDiff,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import {
  bulkResult,
  changedKeys,
  rejectRepeatedExternalIds,
  type UpsertResult,
  upsertOne,
} from '../commerce/bulk.ts';
import { authorize, checkVersion, requireCan } from '../shared/guards.ts';
import { type Page, pageRequest, toPage } from '../shared/list.ts';
import { containsPattern, type ListFields } from '../shared/list-query.ts';
import { type ProductView, presentProduct } from './products.presenter.ts';
import * as repo from './products.repository.ts';

const col = (c: string) => sql.raw(c);
const listFields: ListFields = {
  sku: { kind: 'text', sortable: true, notNull: true, expr: col('sku') },
  name: { kind: 'text', sortable: true, notNull: true, expr: col('name') },
  category: { kind: 'text', sortable: true, expr: col('category') },
  price: { kind: 'number', sortable: true, notNull: true, expr: col('price') },
  active: { kind: 'boolean', expr: col('active') },
  externalId: { kind: 'text', expr: col('external_id') },
  createdAt: { kind: 'datetime', sortable: true, notNull: true, expr: col('created_at') },
};
const auditFields = [
  'sku',
  'name',
  'category',
  'price',
  'currency',
  'marginPercent',
  'active',
  'externalId',
] as const;

const fromInput = (p: ProductCreate | ProductUpdate) => ({
  ...(p.sku !== undefined ? { sku: p.sku } : {}),
  ...(p.name !== undefined ? { name: p.name } : {}),
  ...(p.category !== undefined ? { category: p.category } : {}),
  ...(p.description !== undefined ? { description: p.description } : {}),
  ...(p.price !== undefined ? { price: p.price } : {}),
  ...(p.currency !== undefined ? { currency: p.currency } : {}),
  ...(p.marginPercent !== undefined ? { marginPercent: p.marginPercent } : {}),
  ...(p.active !== undefined ? { active: p.active } : {}),
  ...(p.externalId !== undefined ? { externalId: p.externalId } : {}),
});

export function createProductService(deps: { db: Db; clock: () => Date }) {
  const { db } = deps;

  /** SKUs are unique (case-insensitively); answers 409 naming the field. */
  async function checkSku(ex: Executor, sku: string | undefined, selfId?: string, field = 'sku') {
    if (!sku) return;
    const [other] = await repo.productsBySku(ex, [sku]);
    if (other && other.id !== selfId)
      throw new AppError('conflict', `SKU ${sku} belongs to another product`, {
        errors: [{ field, code: 'duplicate', message: 'is already used by another product' }],
      });
  }

  return {
    async list(actor: Actor, query: ListQuery & Record<string, unknown>): Promise<Page<ProductView>> {
      const req = pageRequest({
        actor,
        resource: 'products',
        query,
        fields: listFields,
        defaultSort: { field: 'name', dir: 'asc' },
        idExpr: col('id'),
        scopeColumns: { owner: 'NULL', team: 'NULL' },
        extra: [
          query.q
            ? sql`(name ILIKE ${containsPattern(query.q)} OR sku ILIKE ${containsPattern(query.q)})`
            : undefined,
        ],
      });
      return toPage(
        await repo.pageProducts(db, req.where, req.order, req.sortValue, req.limit),
        req,
        presentProduct,
      );
    },
    async get(actor: Actor, id: string): Promise<ProductView> {
      return presentProduct(authorize(actor, 'read', 'products', await repo.getProduct(db, id), 'Product'));
    },
    async create(actor: Actor, input: ProductCreate): Promise<ProductView> {
      requireCan(actor, 'create', 'products');
      const row = await db.transaction(async (tx) => {
        await checkSku(tx, input.sku);
        const [created] = await repo.insertProducts(tx, [{ ...input, externalId: input.externalId ?? null }]);
        await insertAudit(
          tx,
          auditEntry(actor, 'create', 'product', created!.id, snapshotDiff(created!, auditFields, 'created')),
        );
        return created!;
      });
      return presentProduct(row);
    },
    async update(actor: Actor, id: string, input: ProductUpdate, expected?: number): Promise<ProductView> {
      const row = await db.transaction(async (tx) => {
        const cur = authorize(actor, 'update', 'products', await repo.getProduct(tx, id, true), 'Product');
        checkVersion(cur.version, expected);
        await checkSku(tx, input.sku, id);
        const next = await repo.updateProduct(tx, id, {
          ...fromInput(input),
          updatedAt: deps.clock(),
          version: cur.version + 1,
        });
        await insertAudit(tx, auditEntry(actor, 'update', 'product', id, diffFields(cur, next, auditFields)));
        return next;
      });
      return presentProduct(row);
    },
    async remove(actor: Actor, id: string, expected?: number): Promise<void> {
      await db.transaction(async (tx) => {
        const cur = authorize(actor, 'delete', 'products', await repo.getProduct(tx, id, true), 'Product');
        checkVersion(cur.version, expected);
        await repo.deleteProduct(tx, id);
        await insertAudit(
          tx,
          auditEntry(actor, 'delete', 'product', id, snapshotDiff(cur, auditFields, 'deleted')),
        );
      });
    },
    /** ERP feed: insert or update by externalId; sending the same batch again changes nothing. */
    async bulkUpsert(actor: Actor, input: ProductBulk) {
      requireCan(actor, 'create', 'products');
      requireCan(actor, 'update', 'products');
      rejectRepeatedExternalIds(input.records);
      return db.transaction(async (tx) => {
        const existing = new Map(
          (
            await repo.productsByExternalId(
              tx,
              input.records.map((r) => r.externalId),
              true,
            )
          ).map((p) => [p.externalId!, p]),
        );
        const bySku = new Map(
          (
            await repo.productsBySku(
              tx,
              input.records.map((r) => r.sku),
            )
          ).map((p) => [p.sku.toLowerCase(), p]),
        );
        const errors: FieldError[] = [];
        input.records.forEach((r, i) => {
          const owner = bySku.get(r.sku.toLowerCase());
          if (owner && owner.id !== existing.get(r.externalId)?.id)
            errors.push({
              field: `records.${i}.sku`,
              code: 'duplicate',
              message: 'is already used by another product',
            });
        });
        if (errors.length) throw new AppError('conflict', 'Some SKUs belong to other products', { errors });
        const results: UpsertResult[] = [];
        const now = deps.clock();
        for (const r of input.records) {
          const values = fromInput(r);
          const normalised = {
            ...values,
            marginPercent: values.marginPercent ?? null,
            category: values.category ?? null,
          };
          results.push(
            await upsertOne(tx, actor, {
              recordType: 'product',
              externalId: r.externalId,
              cur: existing.get(r.externalId),
              auditFields,
              unchanged: (cur) =>
                changedKeys(
                  { ...cur, marginPercent: cur.marginPercent === null ? null : Number(cur.marginPercent) },
                  normalised,
                ).length === 0,
              insert: async () => (await repo.insertProducts(tx, [{ ...r }]))[0]!,
              update: (cur) =>
                repo.updateProduct(tx, cur.id, { ...normalised, updatedAt: now, version: cur.version + 1 }),
            }),
          );
        }
        return bulkResult(results);
      });
    },
  };
}
export type ProductService = ReturnType<typeof createProductService>;
