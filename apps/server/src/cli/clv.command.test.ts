import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gammaGammaLogLikelihood } from '@relata/domain';
import { parse } from 'csv-parse/sync';
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

/** 60 customers, 48 of them with 1–4 repeat purchases in 2024, in columns cust, day, value. */
function writeLog(): string {
  const rows = ['cust;day;value'];
  for (let c = 0; c < 60; c++) {
    const visits = c % 5;
    rows.push(`c${c};2024-01-0${1 + (c % 9)};${10 + c}`);
    for (let v = 1; v <= visits; v++) rows.push(`c${c};2024-0${1 + v}-1${c % 10};${5 + v}`);
  }
  const file = path.join(dir, 'log.csv');
  writeFileSync(file, rows.join('\n').replace(/;/g, ','));
  return file;
}

type Prediction = Record<string, number>;
/** The --out file by customer id, every other column as a number. */
function predictions(file: string): Map<string, Prediction> {
  const records = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
  return new Map(
    records.map(({ customer_id, ...rest }) => [
      customer_id!,
      Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, Number(v)])),
    ]),
  );
}

describe('relata clv fit', () => {
  const fitLog = (file: string, extra: string[]) =>
    relata([
      'clv',
      'fit',
      '--transactions',
      file,
      '--columns',
      'cust,day,value',
      '--calibration-end',
      '2024-12-31',
      ...extra,
    ]);

  it('fits a CSV log with mapped columns and writes per-customer predictions', () => {
    const file = writeLog();
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
    // The spend model's log-likelihood is that of its parameters on the repeat buyers' mean spend.
    const rows = [...predictions(out).values()].map((p) => ({ x: p.frequency!, m: p.monetary! }));
    expect(doc.spend.logLikelihood).toBeLessThan(0);
    expect(doc.spend.logLikelihood).toBeCloseTo(gammaGammaLogLikelihood(doc.spend, rows), 4);
    expect(doc.spend.standardErrors.p).toBeGreaterThan(0);
  }, 120_000);

  it('prints the fit as text, and names the predictions file', () => {
    const file = writeLog();
    const out = path.join(dir, 'text.csv');
    const json = JSON.parse(fitLog(file, ['--json']).out);
    const r = fitLog(file, ['--out', out]);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('BG/NBD on 60 customers (48 repeat), weeks, calibration to 2024-12-31');
    // Parameters to four digits (± their standard errors where the fit has them), then the LL.
    const shown = Object.entries(json.params as Record<string, number>).map(([k, v]) => {
      const se = json.standardErrors?.[k] as number | undefined;
      return `${k}=${v.toPrecision(4)}${se === undefined ? '' : ` (±${se.toPrecision(4)})`}`;
    });
    expect(lines[1]).toBe(`  ${shown.join(' ')}  log-likelihood ${json.logLikelihood.toFixed(1)}`);
    expect(lines[2]).toBe(
      `Gamma-Gamma: p=${json.spend.p.toPrecision(4)} q=${json.spend.q.toPrecision(4)} gamma=${json.spend.gamma.toPrecision(4)}  log-likelihood ${json.spend.logLikelihood.toFixed(1)}`,
    );
    expect(lines[3]).toBe(`Predictions for 60 customers written to ${out}`);
    expect(predictions(out).size).toBe(60);
    const pnbd = fitLog(file, ['--model', 'pnbd']);
    expect(pnbd.code, pnbd.err).toBe(0);
    expect(pnbd.out).toMatch(/^Pareto\/NBD on 60 customers \(48 repeat\)/);
    expect(pnbd.out).toMatch(/ s=\S+ .*beta=/);
  }, 120_000);

  it('measures time in --unit, values --horizon months at a --discount per month', () => {
    const file = writeLog();
    const run = (name: string, extra: string[]) => {
      const out = path.join(dir, `${name}.csv`);
      const r = fitLog(file, ['--json', '--out', out, ...extra]);
      expect(r.code, r.err).toBe(0);
      return { doc: JSON.parse(r.out), p: predictions(out) };
    };
    const week = run('week', []);
    const day = run('day', ['--unit', 'day']);
    const month = run('month', ['--unit', 'month']);
    expect(week.doc).toMatchObject({ unit: 'week', horizonMonths: 12, monthlyDiscount: 0.01 });
    expect(day.doc.unit).toBe('day');
    expect(month.doc.unit).toBe('month');
    for (const [id, w] of week.p) {
      expect(day.p.get(id)!.T).toBeCloseTo(w.T! * 7, 9);
      expect(day.p.get(id)!.recency).toBeCloseTo(w.recency! * 7, 9);
      expect(month.p.get(id)!.T).toBeCloseTo((w.T! * 7) / (365.25 / 12), 9);
    }
    // The purchase rate's scale α is in the unit; the model, and so CLV, is the same in any unit.
    expect(day.doc.params.alpha / week.doc.params.alpha).toBeCloseTo(7, 1);
    expect(day.doc.params.r).toBeCloseTo(week.doc.params.r, 2);
    const total = (p: Map<string, Prediction>) => [...p.values()].reduce((n, x) => n + x.clv!, 0);
    expect(total(day.p) / total(week.p)).toBeCloseTo(1, 2);

    const none = run('h0', ['--horizon', '0']);
    const long = run('h24', ['--horizon', '24']);
    const flat = run('d0', ['--discount', '0']);
    const steep = run('d5', ['--discount', '0.05']);
    expect(long.doc.horizonMonths).toBe(24);
    expect(steep.doc.monthlyDiscount).toBe(0.05);
    for (const [id, w] of week.p) {
      expect(w.clv).toBeGreaterThan(0);
      expect(none.p.get(id)).toMatchObject({ clv: 0, expected_purchases: 0 });
      expect(long.p.get(id)!.clv).toBeGreaterThan(w.clv!);
      expect(long.p.get(id)!.expected_purchases).toBeGreaterThan(w.expected_purchases!);
      expect(flat.p.get(id)!.clv).toBeGreaterThan(w.clv!);
      expect(steep.p.get(id)!.clv).toBeLessThan(w.clv!);
      // The discount changes what the purchases are worth today, not how many are expected.
      expect(steep.p.get(id)!.expected_purchases).toBeCloseTo(w.expected_purchases!, 9);
    }
    for (const [flag, value, message] of [
      ['--unit', 'fortnight', '--unit must be day, week or month'],
      ['--horizon', '1.5', '--horizon takes whole months'],
      ['--discount', '1', 'a monthly rate in [0, 1)'],
    ] as const) {
      const bad = fitLog(file, [flag, value]);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain(message);
    }
  }, 240_000);

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
      expect(doc.spend.logLikelihood).toBeCloseTo(-4055.9, 0);
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
