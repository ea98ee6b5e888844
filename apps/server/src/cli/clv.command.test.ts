import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../../bin/relata.js');
const cdnow = path.resolve(here, '../../../../../shared/datasets/cdnow/CDNOW_sample.txt');
const dir = mkdtempSync(path.join(os.tmpdir(), 'relata-clv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const relata = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('relata clv fit', () => {
  it('fits a CSV log with mapped columns and writes per-customer predictions', () => {
    const rows = ['cust;day;value'];
    for (let c = 0; c < 60; c++) {
      const visits = c % 5;
      rows.push(`c${c};2024-01-0${1 + (c % 9)};${10 + c}`);
      for (let v = 1; v <= visits; v++) rows.push(`c${c};2024-0${1 + v}-1${c % 10};${5 + v}`);
    }
    const file = path.join(dir, 'log.csv');
    writeFileSync(file, rows.join('\n').replace(/;/g, ','));
    const out = path.join(dir, 'pred.csv');
    const r = relata([
      'clv',
      'fit',
      '--transactions',
      file,
      '--columns',
      'cust,day,value',
      '--calibration-end',
      '2024-12-31',
      '--json',
      '--out',
      out,
    ]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ model: 'bgnbd', customers: 60, repeatCustomers: 48 });
    for (const k of ['r', 'alpha', 'a', 'b']) expect(doc.params[k]).toBeGreaterThan(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'customer_id,frequency,recency,T,monetary,p_alive,expected_purchases,expected_spend,clv',
    );
    expect(lines.length).toBe(61);
  }, 120_000);

  it('explains bad input in one line', () => {
    const missing = relata([
      'clv',
      'fit',
      '--transactions',
      path.join(dir, 'nope.csv'),
      '--calibration-end',
      '2024-01-01',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('No such file');
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'customer_id,date,amount\nx,yesterday,3\n');
    const r = relata(['clv', 'fit', '--transactions', bad, '--calibration-end', '2024-01-01']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('row 2');
    expect(relata(['clv', 'fit']).code).toBe(2);
  }, 120_000);

  describe.skipIf(!existsSync(cdnow))('on the CDNOW sample', () => {
    it('reproduces the published BG/NBD and Gamma-Gamma parameters', () => {
      const r = relata([
        'clv',
        'fit',
        '--transactions',
        cdnow,
        '--format',
        'cdnow',
        '--calibration-end',
        '1997-09-30',
        '--json',
      ]);
      expect(r.code, r.err).toBe(0);
      const doc = JSON.parse(r.out);
      expect(doc.customers).toBe(2357);
      expect(doc.params.r).toBeCloseTo(0.243, 3);
      expect(doc.params.alpha).toBeCloseTo(4.414, 2);
      expect(doc.params.a).toBeCloseTo(0.793, 3);
      expect(doc.params.b).toBeCloseTo(2.426, 2);
      expect(doc.logLikelihood).toBeCloseTo(-9582.4, 0);
      expect(doc.spend.p).toBeCloseTo(6.25, 1);
      expect(doc.spend.q).toBeCloseTo(3.74, 1);
      expect(doc.spend.gamma).toBeCloseTo(15.44, 1);
      expect(doc.standardErrors.r).toBeGreaterThan(0);
    }, 120_000);

    it('fits Pareto/NBD with --model pnbd (BTYD: r 0.553, α 10.58, s 0.606, β 11.66)', () => {
      const r = relata([
        'clv',
        'fit',
        '--transactions',
        cdnow,
        '--format',
        'cdnow',
        '--calibration-end',
        '1997-09-30',
        '--model',
        'pnbd',
        '--json',
        '--out',
        path.join(dir, 'pnbd.csv'),
      ]);
      expect(r.code, r.err).toBe(0);
      const doc = JSON.parse(r.out);
      expect(doc.model).toBe('pnbd');
      expect(doc.params.r).toBeCloseTo(0.553, 2);
      expect(doc.params.alpha).toBeCloseTo(10.58, 1);
      expect(doc.params.s).toBeCloseTo(0.606, 2);
      expect(doc.params.beta).toBeCloseTo(11.66, 0);
      expect(doc.logLikelihood).toBeCloseTo(-9595.0, 0);
      const rows = readFileSync(path.join(dir, 'pnbd.csv'), 'utf8').trim().split('\n');
      expect(rows).toHaveLength(2358);
    }, 120_000);
  });
});
