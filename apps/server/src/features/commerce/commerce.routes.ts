/** Products, orders, invoices (with payments) and warranties: CRUD plus the ERP bulk upserts. */
import {
  invoiceBulkSchema,
  invoiceCreateSchema,
  invoiceUpdateSchema,
  orderBulkSchema,
  orderCreateSchema,
  orderUpdateSchema,
  paymentCreateSchema,
  productBulkSchema,
  productCreateSchema,
  productUpdateSchema,
  warrantyBulkSchema,
  warrantyCreateSchema,
  warrantyUpdateSchema,
} from '@relata/domain';
import { type App, idParams, user } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import type { InvoiceService } from '../invoices/invoices.service.ts';
import type { OrderService } from '../orders/orders.service.ts';
import type { ProductService } from '../products/products.service.ts';
import { crudRoutes } from '../shared/crud.routes.ts';
import type { WarrantyService } from '../warranties/warranties.service.ts';

export function commerceRoutes(
  app: App,
  s: {
    products: ProductService;
    orders: OrderService;
    invoices: InvoiceService;
    warranties: WarrantyService;
  },
): void {
  crudRoutes(app, '/api/v1/products', s.products, {
    create: productCreateSchema,
    update: productUpdateSchema,
    tag: 'products',
  });
  app.post(
    '/api/v1/products/bulk',
    { config: user, schema: { tags: ['products'], body: productBulkSchema } },
    async (req) => ({ data: await s.products.bulkUpsert(actorOf(req), req.body) }),
  );

  crudRoutes(app, '/api/v1/orders', s.orders, {
    create: orderCreateSchema,
    update: orderUpdateSchema,
    tag: 'orders',
  });
  app.post(
    '/api/v1/orders/bulk',
    { config: user, schema: { tags: ['orders'], body: orderBulkSchema } },
    async (req) => ({ data: await s.orders.bulkUpsert(actorOf(req), req.body) }),
  );

  crudRoutes(app, '/api/v1/invoices', s.invoices, {
    create: invoiceCreateSchema,
    update: invoiceUpdateSchema,
    tag: 'invoices',
  });
  app.post(
    '/api/v1/invoices/bulk',
    { config: user, schema: { tags: ['invoices'], body: invoiceBulkSchema } },
    async (req) => ({ data: await s.invoices.bulkUpsert(actorOf(req), req.body) }),
  );
  app.get(
    '/api/v1/invoices/:id/payments',
    { config: user, schema: { tags: ['invoices'], params: idParams } },
    async (req) => s.invoices.payments(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/invoices/:id/payments',
    { config: user, schema: { tags: ['invoices'], params: idParams, body: paymentCreateSchema } },
    async (req, reply) => {
      const r = await s.invoices.addPayment(actorOf(req), req.params.id, req.body);
      return reply.code(r.created ? 201 : 200).send({ data: { payment: r.payment, invoice: r.invoice } });
    },
  );

  crudRoutes(app, '/api/v1/warranties', s.warranties, {
    create: warrantyCreateSchema,
    update: warrantyUpdateSchema,
    tag: 'warranties',
  });
  app.post(
    '/api/v1/warranties/bulk',
    { config: user, schema: { tags: ['warranties'], body: warrantyBulkSchema } },
    async (req) => ({ data: await s.warranties.bulkUpsert(actorOf(req), req.body) }),
  );
}
