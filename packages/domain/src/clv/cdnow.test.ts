// Reproduces the published CDNOW numbers; skipped when the data set is not checked out next to the repo.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fitBgNbd } from './bgnbd.ts';
import { fitGammaGamma } from './gamma-gamma.ts';
import { groupRfm, rfmSummary, type Transaction } from './rfm.ts';

const path = fileURLToPath(new URL('../../../../../shared/datasets/cdnow/CDNOW_sample.txt', import.meta.url));

// Columns: master_id, sample_id, yyyymmdd, number of CDs, dollars.
const readCdnow = (): Transaction[] =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [, id = '', day = '', , dollars = ''] = line.trim().split(/\s+/);
      return {
        customerId: id,
        date: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`,
        amount: Number(dollars),
      };
    });

describe.skipIf(!existsSync(path))('CDNOW sample (39-week calibration ending 1997-09-30, weeks)', () => {
  const calibration = existsSync(path)
    ? rfmSummary(readCdnow(), { calibrationEnd: '1997-09-30', unit: 'week' })
    : [];

  it('summarises 2,357 customers, 946 of them repeat buyers', () => {
    expect(calibration).toHaveLength(2357);
    expect(calibration.filter((row) => row.frequency > 0)).toHaveLength(946);
  });

  it('fits BG/NBD to the published estimates (Fader, Hardie & Lee 2005)', () => {
    const fit = fitBgNbd(groupRfm(calibration));
    expect(fit.r).toBeCloseTo(0.243, 3);
    expect(fit.alpha).toBeCloseTo(4.414, 2);
    expect(fit.a).toBeCloseTo(0.793, 3);
    expect(fit.b).toBeCloseTo(2.426, 2);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 0);
  });

  it('fits Gamma-Gamma to lifetimes’ published example', () => {
    // lifetimes' p = 6.25, q = 3.74, γ = 15.44 on 946 customers come from the CALIBRATION summary
    // (mean repeat spend, first purchase excluded). The whole-period summary (to 1998-06-30) gives
    // 1,139 repeat buyers and p ≈ 4.68, q ≈ 4.19, γ ≈ 24.4 instead.
    const fit = fitGammaGamma(calibration.map((row) => ({ x: row.frequency, m: row.monetary })));
    expect(fit.customers).toBe(946);
    expect(fit.p).toBeCloseTo(6.25, 2);
    expect(fit.q).toBeCloseTo(3.74, 2);
    expect(fit.gamma).toBeCloseTo(15.44, 1);
  });
});
