import { describe, expect, it } from 'vitest';
import {
  expectedAverageSpend,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  gammaGammaLogLikelihoodOne,
  gammaGammaValueAndGradient,
} from './gamma-gamma.ts';
import { sampleGamma, seededRandom } from './simulate.ts';

const params = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('expectedAverageSpend', () => {
  it('shrinks the observed mean towards the population mean', () => {
    const population = (params.gamma * params.p) / (params.q - 1);
    expect(expectedAverageSpend(params, 0, 0)).toBeCloseTo(population, 12);
    const weight = (params.p * 3) / (params.p * 3 + params.q - 1);
    expect(expectedAverageSpend(params, 3, 100)).toBeCloseTo(weight * 100 + (1 - weight) * population, 10);
    expect(() => expectedAverageSpend({ ...params, q: 0.9 }, 3, 100)).toThrow(RangeError);
  });
});

describe('gammaGammaLogLikelihoodOne', () => {
  it('integrates to one over the mean spend', () => {
    // Trapezoid rule on the density of m for x = 2.
    let mass = 0;
    const h = 0.01;
    for (let m = h; m < 400; m += h) mass += Math.exp(gammaGammaLogLikelihoodOne(params, 2, m)) * h;
    expect(mass).toBeCloseTo(1, 3);
  });
});

describe('fitGammaGamma', () => {
  it('recovers the generating parameters from simulated spend', () => {
    const random = seededRandom(11);
    const rows = Array.from({ length: 3000 }, () => {
      const nu = sampleGamma(random, params.q) / params.gamma; // ν ~ Gamma(q, rate γ)
      const x = 1 + Math.floor(random() * 8);
      let total = 0;
      for (let i = 0; i < x; i++) total += sampleGamma(random, params.p) / nu; // z ~ Gamma(p, rate ν)
      return { x, m: total / x };
    });
    rows.push({ x: 0, m: 0 }); // ignored: carries no spend information
    const fit = fitGammaGamma(rows);
    expect(fit.customers).toBe(3000);
    expect(fit.converged).toBe(true);
    for (const key of ['p', 'q', 'gamma'] as const) {
      expect(Math.abs(fit[key] / params[key] - 1), key).toBeLessThan(0.2);
      expect(Math.abs(fit[key] - params[key]), key).toBeLessThan(3 * fit.standardErrors![key]);
    }
  });

  it('has an analytic gradient that matches central differences', () => {
    const rows = [
      { x: 1, m: 12.5 },
      { x: 3, m: 40 },
      { x: 12, m: 22.75 },
    ];
    for (const p of [params, { p: 0.7, q: 1.3, gamma: 120 }]) {
      const { logLikelihood, gradient } = gammaGammaValueAndGradient(p, rows);
      expect(logLikelihood).toBeCloseTo(gammaGammaLogLikelihood(p, rows), 10);
      for (const key of ['p', 'q', 'gamma'] as const) {
        const h = 1e-6 * p[key];
        const at = (v: number) => gammaGammaLogLikelihood({ ...p, [key]: v }, rows);
        const fd = (at(p[key] + h) - at(p[key] - h)) / (2 * h);
        expect(Math.abs(gradient[key] - fd), key).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)));
      }
    }
  });
});
