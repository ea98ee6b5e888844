import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../db/connection.ts';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/relata.js');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'relata-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function relata(args: string[], env: Record<string, string> = {}, node = process.execPath) {
  const { DATABASE_URL: _, ...base } = process.env;
  const r = spawnSync(node, [bin, ...args], {
    env: { ...base, DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('relata command', () => {
  it('migrates, creates the admin, seeds demo data and passes doctor on the embedded database', () => {
    const m = relata(['migrate']);
    expect(m.code, m.out).toBe(0);
    expect(m.out).toContain('0001_foundation.sql');
    expect(relata(['migrate']).out).toContain('up to date');
    const a = relata(['create-admin', '--password', 'cli-admin-password']);
    expect(a.code, a.out).toBe(0);
    expect(a.out).toContain('Created admin@relata.local');
    expect(relata(['create-admin', '--password', 'short']).code).toBe(2);
    const s = relata(['seed', '--demo', '--scale', '50', '--seed', '7']);
    expect(s.code, s.out).toBe(0);
    expect(s.out).toMatch(/Seeded 50 contacts/);
    const d = relata(['doctor']);
    expect(d.code, d.out).toBe(0);
    expect(d.out).toContain('migrations: up to date');
  }, 240_000);

  it('imports ERP exports idempotently (UTF-8 with BOM, Windows-1252) and recomputes value', async () => {
    let db = await connect({ dataDir });
    const [a, b] = await db.query<{ primary_email: string }>(
      'SELECT primary_email FROM contacts WHERE primary_email IS NOT NULL ORDER BY primary_email LIMIT 2',
    );
    await db.close();
    const products = path.join(dataDir, 'products.csv');
    writeFileSync(
      products,
      `\uFEFFexternal_id,sku,name,category,price,currency\np1,BEAN-1,Espresso beans,Coffee,1290,EUR\np2,CUP-1,Cup,Ware,450,EUR\n`,
    );
    expect(relata(['import', 'products', products]).out).toContain('2 created');
    expect(relata(['import', 'products', products]).out).toContain('2 unchanged');
    // Windows-1252: "Café" with é as the single byte 0xE9.
    const orders = path.join(dataDir, 'orders.csv');
    const csv = [
      'external_id,contact_email,ordered_at,status,currency,sku,description,quantity,unit_price',
      `o1,${a!.primary_email},2026-01-10,fulfilled,EUR,BEAN-1,,2,`,
      `o1,${a!.primary_email},2026-01-10,fulfilled,EUR,,Café au lait,1,390`,
      `o2,${b!.primary_email},2026-02-01,confirmed,EUR,CUP-1,,4,`,
    ].join('\n');
    writeFileSync(orders, Buffer.from(csv, 'latin1'));
    const first = relata(['import', 'orders', orders]);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain('Imported 2 orders: 2 created');
    expect(relata(['import', 'orders', orders]).out).toContain('2 unchanged');
    const bad = path.join(dataDir, 'bad.csv');
    writeFileSync(
      bad,
      'external_id,contact_email,ordered_at,currency,quantity,unit_price\nx1,nobody@example.com,2026-01-01,EUR,1,100\n',
    );
    const refused = relata(['import', 'orders', bad]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('line 2: contactEmail');
    const invoices = path.join(dataDir, 'invoices.csv');
    writeFileSync(
      invoices,
      'external_id,order_external_id,currency,amount,issued_on,due_on\ni1,o1,EUR,2970,2026-01-10,2026-02-09\n',
    );
    const inv = relata(['import', 'invoices', invoices]);
    expect(inv.code, inv.out).toBe(0);
    expect(inv.out).toContain('Imported 1 invoices: 1 created');
    expect(relata(['import', 'invoices', invoices]).out).toContain('1 unchanged');
    const warranties = path.join(dataDir, 'warranties.csv');
    writeFileSync(
      warranties,
      `external_id,sku,contact_email,serial_number,starts_on,ends_on\nw1,BEAN-1,${a!.primary_email},SN-9,2026-01-10,2027-01-09\n`,
    );
    const war = relata(['import', 'warranties', warranties]);
    expect(war.code, war.out).toBe(0);
    expect(war.out).toContain('Imported 1 warranties: 1 created');
    expect(relata(['import', 'warranties', warranties]).out).toContain('1 unchanged');
    const usage = relata(['import', 'gadgets', warranties]);
    expect(usage.code).toBe(2);
    expect(usage.out).toContain('relata import products|orders|invoices|warranties FILE.csv');
    const r = relata(['clv', 'recompute', '--type', 'contact']);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/contacts: \d+ customers/);
    db = await connect({ dataDir });
    const lines = await db.query<{ description: string; line_total: number }>(
      `SELECT description, line_total FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.external_id = 'o1' ORDER BY position`,
    );
    const values = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM customer_values`);
    const linked = await db.query<{ invoice_order: string; warranty_serial: string }>(
      `SELECT (SELECT o.external_id FROM invoices i JOIN orders o ON o.id = i.order_id WHERE i.external_id = 'i1') AS invoice_order,
              (SELECT w.serial_number FROM warranties w JOIN products p ON p.id = w.product_id
               WHERE w.external_id = 'w1' AND p.sku = 'BEAN-1') AS warranty_serial`,
    );
    await db.close();
    expect(linked).toEqual([{ invoice_order: 'o1', warranty_serial: 'SN-9' }]);
    expect(lines.map((l) => [l.description, Number(l.line_total)])).toEqual([
      ['Espresso beans', 2580],
      ['Café au lait', 390],
    ]);
    expect(values[0]!.n).toBeGreaterThanOrEqual(2);
  }, 240_000);

  it('explains bad usage and bad settings in one line, without a stack trace', () => {
    const u = relata(['frobnicate']);
    expect(u.code).toBe(2);
    expect(u.out).toContain('Unknown command');
    const bad = relata(['migrate'], { PORT: 'not-a-port' });
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('PORT');
    expect(bad.out).not.toContain('    at ');
  });

  it('refuses a too-old Node.js with a one-line explanation', () => {
    const old = ['/usr/bin/node', '/usr/local/bin/node'].find(
      (p) =>
        existsSync(p) &&
        spawnSync(p, ['-e', 'process.exit(Number(process.versions.node.split(".")[0]) < 22 ? 0 : 1)'])
          .status === 0,
    );
    if (!old) return; // no older Node on this machine: nothing to check against
    const r = relata(['doctor'], {}, old);
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.out).toContain('needs Node.js >= 22.12');
  });
});
