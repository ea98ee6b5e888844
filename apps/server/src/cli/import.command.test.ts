import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { ImportError, importFile } from './import.command.ts';

let t: TestApp;
let ann: string;
let bo: string;
let orderId: string;
const dir = mkdtempSync(path.join(os.tmpdir(), 'relata-import-'));

const csv = (name: string, lines: string[]) => {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
};
const failure = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  return (e as Error).message;
};

beforeAll(async () => {
  t = await createTestApp();
  const person = async (firstName: string, email: string) =>
    (
      await t.admin.post('/api/v1/contacts', { firstName, lastName: 'Import', emails: [{ address: email }] })
    ).data<{ id: string }>().id;
  ann = await person('Ann', 'ann@example.com');
  bo = await person('Bo', 'bo@example.com');
  const p = await t.admin.post('/api/v1/products', {
    sku: 'KETTLE-1',
    name: 'Kettle',
    price: 4900,
    currency: 'EUR',
  });
  expect(p.statusCode, p.body).toBe(201);
  const o = await t.admin.post('/api/v1/orders', {
    externalId: 'erp-o1',
    contactId: ann,
    orderedAt: '2026-01-10T09:00:00Z',
    currency: 'EUR',
    lines: [{ sku: 'KETTLE-1', quantity: 2 }],
  });
  expect(o.statusCode, o.body).toBe(201);
  orderId = o.data<{ id: string }>().id;
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Invoice = {
  externalId: string;
  orderId: string | null;
  contactId: string;
  amount: number;
  dueOn: string;
};
type Warranty = {
  externalId: string;
  contactId: string;
  product: { sku: string };
  serialNumber: string | null;
  endsOn: string;
};

describe('relata import invoices', () => {
  const header = 'external_id,number,order_external_id,contact_email,currency,amount,issued_on,due_on';

  it('creates invoices linked to their order or customer, and a second import changes nothing', async () => {
    const file = csv('invoices.csv', [
      header,
      'erp-i1,,erp-o1,,EUR,9800,2026-01-10,2026-02-09',
      'erp-i2,EXT-77,,bo@example.com,EUR,1200,2026-01-15,2026-02-14',
    ]);
    expect(await importFile('invoices', file, t.services)).toEqual({
      records: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    const list = (await t.admin.get('/api/v1/invoices?limit=100')).json().data as (Invoice & {
      number: string;
    })[];
    const byExt = new Map(list.map((i) => [i.externalId, i]));
    expect(byExt.get('erp-i1')).toMatchObject({ orderId, contactId: ann, amount: 9800 });
    expect(byExt.get('erp-i2')).toMatchObject({ orderId: null, contactId: bo, number: 'EXT-77' });
    expect(await importFile('invoices', file, t.services)).toMatchObject({ created: 0, unchanged: 2 });
    // A corrected export updates only the changed invoice.
    const fixed = csv('invoices-fixed.csv', [
      header,
      'erp-i1,,erp-o1,,EUR,9800,2026-01-10,2026-02-09',
      'erp-i2,EXT-77,,bo@example.com,EUR,1250,2026-01-15,2026-02-28',
    ]);
    expect(await importFile('invoices', fixed, t.services)).toMatchObject({ updated: 1, unchanged: 1 });
    const i2 = (await t.admin.get('/api/v1/invoices?limit=100'))
      .json()
      .data.find((i: Invoice) => i.externalId === 'erp-i2') as Invoice;
    expect(i2).toMatchObject({ amount: 1250, dueOn: '2026-02-28' });
  });

  it('names the file line of a bad invoice and saves nothing from its batch', async () => {
    const message = await failure(
      importFile(
        'invoices',
        csv('bad-invoices.csv', [
          header,
          'erp-i3,,,ann@example.com,EUR,500,2026-03-01,2026-03-31',
          'erp-i4,,,ann@example.com,EUR,500,2026-03-01,2026-02-01',
        ]),
        t.services,
      ),
    );
    expect(message).toBe('line 3: dueOn must not be before issuedOn');
    const unknownOrder = await failure(
      importFile(
        'invoices',
        csv('orphan-invoices.csv', [header, 'erp-i5,,erp-nope,,EUR,500,2026-03-01,2026-03-31']),
        t.services,
      ),
    );
    expect(unknownOrder).toMatch(/^line 2: orderExternalId /);
    const all = (await t.admin.get('/api/v1/invoices?limit=100')).json().data as Invoice[];
    expect(all.map((i) => i.externalId).sort()).toEqual(['erp-i1', 'erp-i2']);
  });
});

describe('relata import warranties', () => {
  const header = 'external_id,sku,contact_email,serial_number,starts_on,ends_on,terms';
  const warranties = async () =>
    ((await t.admin.get('/api/v1/warranties?limit=100')).json().data as Warranty[]).sort((a, b) =>
      a.externalId.localeCompare(b.externalId),
    );

  it('creates warranties for a product by SKU, idempotently by external id', async () => {
    const file = csv('warranties.csv', [
      header,
      'erp-w1,KETTLE-1,ann@example.com,SN-001,2026-01-10,2028-01-09,Two years',
      'erp-w2,KETTLE-1,bo@example.com,,2026-01-15,2027-01-14,',
    ]);
    expect(await importFile('warranties', file, t.services)).toEqual({
      records: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    expect(await warranties()).toMatchObject([
      { externalId: 'erp-w1', contactId: ann, product: { sku: 'KETTLE-1' }, serialNumber: 'SN-001' },
      { externalId: 'erp-w2', contactId: bo, product: { sku: 'KETTLE-1' }, serialNumber: null },
    ]);
    expect(await importFile('warranties', file, t.services)).toMatchObject({ created: 0, unchanged: 2 });
    const extended = csv('warranties-extended.csv', [
      header,
      'erp-w1,KETTLE-1,ann@example.com,SN-001,2026-01-10,2029-01-09,Three years',
      'erp-w2,KETTLE-1,bo@example.com,,2026-01-15,2027-01-14,',
    ]);
    expect(await importFile('warranties', extended, t.services)).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 1,
    });
    expect((await warranties())[0]).toMatchObject({ endsOn: '2029-01-09' });
  });

  it('names the file line and field of a bad warranty', async () => {
    const unknownSku = await failure(
      importFile(
        'warranties',
        csv('bad-warranties.csv', [
          header,
          'erp-w3,KETTLE-1,ann@example.com,,2026-02-01,2027-02-01,',
          'erp-w4,TOASTER-9,ann@example.com,,2026-02-01,2027-02-01,',
        ]),
        t.services,
      ),
    );
    expect(unknownSku).toMatch(/^line 3: sku /);
    const backwards = await failure(
      importFile(
        'warranties',
        csv('backwards-warranties.csv', [header, 'erp-w5,KETTLE-1,ann@example.com,,2026-02-01,2025-02-01,']),
        t.services,
      ),
    );
    expect(backwards).toBe('line 2: endsOn must not be before startsOn');
    expect((await warranties()).map((w) => w.externalId)).toEqual(['erp-w1', 'erp-w2']);
  });
});
