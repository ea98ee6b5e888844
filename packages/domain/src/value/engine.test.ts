import { describe, expect, it } from 'vitest';
import { purchaseModel } from '../clv/model.ts';
import { sampleBeta, sampleGamma, seededRandom } from '../clv/simulate.ts';
import {
  type EngineSettings,
  fitValueModels,
  monthEnds,
  type PurchaseHistories,
  reconstructHistory,
  type ScoringModel,
  scoreCustomers,
} from './engine.ts';
import { defaultLifecycleConfig, lifecycleStates } from './lifecycle.ts';
import { defaultTiers } from './segments.ts';

const AS_OF = 20_400; // 2025-11-08

/** BG/NBD-like customers in whole days: first purchase in the last two years, then repeats. */
function histories(n: number, seed: number): PurchaseHistories {
  const random = seededRandom(seed);
  const offsets = new Int32Array(n + 1);
  const days: number[] = [];
  const amounts: number[] = [];
  for (let i = 0; i < n; i++) {
    offsets[i] = days.length;
    const rate = sampleGamma(random, 0.8) / 40; // purchases per day
    const drop = sampleBeta(random, 1, 4);
    const spend = 2000 + 8000 * random();
    let day = AS_OF - Math.floor(730 * random());
    let last = -1;
    for (;;) {
      if (day !== last) {
        days.push(day);
        amounts.push(Math.round(spend * (0.5 + random())));
        last = day;
      } else amounts[amounts.length - 1]! += 100;
      if (days.length - offsets[i]! > 1 && random() < drop) break;
      day += Math.ceil(-Math.log(1 - random()) / rate);
      if (day > AS_OF) break;
    }
  }
  offsets[n] = days.length;
  return { n, offsets, days: Int32Array.from(days), amounts: Float64Array.from(amounts) };
}

const settings: EngineSettings = {
  asOfDay: AS_OF,
  unit: 'week',
  horizonMonths: 12,
  monthlyDiscount: 0.01,
  tiers: defaultTiers,
  lifecycle: defaultLifecycleConfig,
};

describe('value engine', () => {
  const h = histories(3000, 7);
  const fit = fitValueModels(h, { asOfDay: AS_OF, unit: 'week', model: 'bgnbd', holdoutDays: 90 });
  const { scores, segments } = scoreCustomers(h, fit.model, settings);

  it('fits both models and checks the fit on a holdout period', () => {
    expect(fit.purchase?.kind).toBe('bgnbd');
    expect(fit.spend?.q).toBeGreaterThan(1);
    expect(fit.warnings).toEqual([]);
    const check = fit.holdout!;
    expect(check.days).toBe(90);
    expect(check.bins.map((b) => b.frequency)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    // Aggregate predictions land near the truth on data from a similar process.
    expect(check.predicted / check.actual).toBeGreaterThan(0.6);
    expect(check.predicted / check.actual).toBeLessThan(1.6);
  });

  it('scores every customer with probabilities, CLV, RFM, tiers and a lifecycle state', () => {
    for (let i = 0; i < h.n; i++) {
      expect(scores.pAlive[i]).toBeGreaterThanOrEqual(0);
      expect(scores.pAlive[i]).toBeLessThanOrEqual(1);
      expect(scores.clv[i]).toBeGreaterThanOrEqual(0);
      expect(scores.purchases[i]).toBe(h.offsets[i + 1]! - h.offsets[i]!);
      expect(scores.frequency[i]).toBe(scores.purchases[i]! - 1);
      for (const r of [scores.rfmR[i]!, scores.rfmF[i]!, scores.rfmM[i]!]) {
        expect(r).toBeGreaterThanOrEqual(1);
        expect(r).toBeLessThanOrEqual(5);
      }
    }
    const share = (k: string) => scores.tier.filter((t) => t === k).length / h.n;
    expect(share('A')).toBeCloseTo(0.05, 2);
    expect(share('B')).toBeCloseTo(0.15, 2);
    expect(share('C')).toBeCloseTo(0.3, 2);
    const states = new Set([...scores.state].map((s) => lifecycleStates[s]));
    for (const s of ['new', 'active', 'at_risk', 'lapsed']) expect(states).toContain(s);
  });

  it('rescoring with the stored segments gives a customer the scores of the full run', () => {
    const again = scoreCustomers(h, fit.model, settings, segments).scores;
    expect([...again.rfmR]).toEqual([...scores.rfmR]);
    expect([...again.rfmM]).toEqual([...scores.rfmM]);
    expect(again.tier).toEqual(scores.tier);
    expect([...again.clv]).toEqual([...scores.clv]);
  });

  it('reconstructs month-end history ending in the current state', () => {
    const windowStart = AS_OF - 730;
    const everyone = Array.from({ length: h.n }, (_, i) => i);
    const rows = reconstructHistory(h, everyone, fit.model, settings, windowStart);
    const byCustomer = new Map<number, typeof rows>();
    for (const r of rows) byCustomer.set(r.customer, [...(byCustomer.get(r.customer) ?? []), r]);
    expect(byCustomer.size).toBe(h.n);
    for (const [i, list] of byCustomer) {
      expect(list[0]!.validFrom).toBe(Math.max(h.days[h.offsets[i]!]!, windowStart));
      expect(list[0]!.state).toBe('new');
      for (let k = 1; k < list.length; k++) {
        expect(list[k]!.validFrom).toBeGreaterThan(list[k - 1]!.validFrom);
        expect(list[k]!.state).not.toBe(list[k - 1]!.state);
      }
      expect(list[list.length - 1]!.state).toBe(lifecycleStates[scores.state[i]!]);
    }
  });

  it('lists month ends between two days and ends with the last day', () => {
    // 2025-01-15 (20103) to 2025-04-10 (20188): Jan 31, Feb 28, Mar 31, then Apr 10.
    expect(monthEnds(20_103, 20_188)).toEqual([20_119, 20_147, 20_178, 20_188]);
  });

  it('copes with one customer: no model, but history, RFM and a state', () => {
    const one: PurchaseHistories = {
      n: 1,
      offsets: Int32Array.from([0, 1]),
      days: Int32Array.from([AS_OF - 10]),
      amounts: Float64Array.from([5000]),
    };
    const f = fitValueModels(one, { asOfDay: AS_OF, unit: 'week', model: 'pnbd', holdoutDays: null });
    expect(f.purchase).toBeNull();
    expect(f.warnings.length).toBeGreaterThan(0);
    const { scores: s } = scoreCustomers(one, f.model, settings);
    expect(Number.isNaN(s.clv[0]!)).toBe(true);
    expect(s.tier[0]).toBeNull();
    expect(lifecycleStates[s.state[0]!]).toBe('new');
    expect(s.historical[0]).toBe(5000);
  });
});

describe('customers a model cannot predict', () => {
  // Pareto/NBD with β/α = 10^8: for a customer with t_x ≈ 0 the 2F1 argument is within 1e-8 of 1,
  // past the reach of the series (the prediction throws a RangeError), while customers with long
  // repeat histories are computed as usual.
  const model: ScoringModel = {
    purchase: { kind: 'pnbd', params: { r: 1, alpha: 0.001, s: 1, beta: 1e5 } },
    spend: null,
    meanSpend: 4000,
  };
  const histories = (list: number[][]): PurchaseHistories => {
    const offsets = [0];
    for (const days of list) offsets.push(offsets.at(-1)! + days.length);
    return {
      n: list.length,
      offsets: Int32Array.from(offsets),
      days: Int32Array.from(list.flat()),
      amounts: Float64Array.from(list.flat(), () => 4000),
    };
  };
  const h = histories([
    [AS_OF - 30], // one purchase: x = 0, t_x = 0
    [AS_OF - 700, AS_OF - 350, AS_OF - 10],
    [AS_OF - 600, AS_OF - 300],
    [AS_OF - 30], // the same history again: not tried twice
  ]);

  it('leaves them unscored, counts them, and scores everyone else', () => {
    expect(() => purchaseModel(model.purchase!).pAlive(0, 0, 30 / 7)).toThrow(RangeError);
    const { scores, unscored } = scoreCustomers(h, model, settings);
    expect(unscored).toBe(2);
    for (const i of [0, 3]) {
      expect(Number.isNaN(scores.pAlive[i]!)).toBe(true);
      expect(Number.isNaN(scores.clv[i]!)).toBe(true);
      expect(scores.tier[i]).toBeNull();
      // Their other facts are kept, and the state is decided without P(alive).
      expect(scores.historical[i]).toBe(4000);
      expect(scores.rfmR[i]).toBeGreaterThanOrEqual(1);
      expect(lifecycleStates[scores.state[i]!]).toBe('new');
    }
    for (const i of [1, 2]) {
      expect(scores.pAlive[i]).toBeGreaterThan(0);
      expect(scores.pAlive[i]).toBeLessThanOrEqual(1);
      expect(scores.clv[i]).toBeGreaterThan(0);
      expect(scores.tier[i]).not.toBeNull();
    }
  });

  it('rescoring with stored segments and reconstructing history cope with them too', () => {
    const full = scoreCustomers(h, model, settings);
    const again = scoreCustomers(h, model, settings, full.segments);
    expect(again.unscored).toBe(2);
    expect(again.scores.tier).toEqual(full.scores.tier);
    const rows = reconstructHistory(h, [0, 1, 2, 3], model, settings, AS_OF - 730);
    expect(rows.filter((r) => r.customer === 0)).toEqual([
      { customer: 0, validFrom: AS_OF - 30, state: 'new' },
    ]);
  });
});
