import type { ProductRow } from './products.repository.ts';

export function presentProduct(r: ProductRow) {
  return {
    id: r.id,
    sku: r.sku,
    name: r.name,
    category: r.category,
    description: r.description,
    price: r.price,
    currency: r.currency,
    marginPercent: r.marginPercent === null ? null : Number(r.marginPercent),
    active: r.active,
    externalId: r.externalId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
export type ProductView = ReturnType<typeof presentProduct>;
