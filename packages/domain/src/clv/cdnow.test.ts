// Reproduces the published CDNOW numbers; skipped when the data set is not checked out next to the repo.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fitBgNbd } from './bgnbd.ts';
import { fitGammaGamma } from './gamma-gamma.ts';
import { fitPurchaseModel } from './model.ts';
import { fitParetoNbd } from './pnbd.ts';
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
    expect(fit.converged).toBe(true);
    // Published standard errors: r 0.0125, α 0.3776, a 0.1924, b 0.7024. Ours (inverse observed
    // information at the MLE): 0.01256, 0.3782, 0.1857, 0.7054; a differs by 3.5 %.
    const se = fit.standardErrors!;
    expect(se.r / 0.0125).toBeCloseTo(1, 1);
    expect(se.alpha / 0.3776).toBeCloseTo(1, 1);
    expect(se.a / 0.1924).toBeCloseTo(1, 1);
    expect(se.b / 0.7024).toBeCloseTo(1, 1);
  });

  it('fits Pareto/NBD to BTYD’s estimates', () => {
    // BTYD: r 0.5534, α 10.58, s 0.6061, β 11.66, LL −9595.0.
    const fit = fitParetoNbd(groupRfm(calibration));
    expect(fit.converged).toBe(true);
    expect(fit.r / 0.5534).toBeCloseTo(1, 3);
    expect(fit.alpha / 10.58).toBeCloseTo(1, 3);
    expect(fit.s / 0.6061).toBeCloseTo(1, 3);
    expect(fit.beta / 11.66).toBeCloseTo(1, 2);
    expect(fit.logLikelihood).toBeCloseTo(-9594.98, 2);
    // Ours: r 0.0476, α 0.843, s 0.187, β 6.21 (β is weakly identified on 39 weeks).
    const se = fit.standardErrors!;
    expect(se.r).toBeCloseTo(0.0476, 3);
    expect(se.alpha).toBeCloseTo(0.843, 2);
    expect(se.s).toBeCloseTo(0.187, 2);
    expect(se.beta / 6.21).toBeCloseTo(1, 1);
  });

  it('gives the same fits through fitPurchaseModel', () => {
    const rows = groupRfm(calibration);
    const bg = fitPurchaseModel('bgnbd', rows);
    expect(bg.kind).toBe('bgnbd');
    expect(bg.params.r).toBeCloseTo(0.2426, 4);
    const pn = fitPurchaseModel('pnbd', rows);
    expect(pn.params.s).toBeCloseTo(0.6062, 3);
    expect(pn.logLikelihood).toBeLessThan(bg.logLikelihood); // BG/NBD fits CDNOW slightly better
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
    expect(fit.converged).toBe(true);
    const se = fit.standardErrors!;
    expect(se.p).toBeCloseTo(1.19, 2);
    expect(se.q).toBeCloseTo(0.29, 2);
    expect(se.gamma).toBeCloseTo(4.16, 1);
  });
});
