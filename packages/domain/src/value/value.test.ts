import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { driverRows, tQuantile975 } from './drivers.ts';
import { classifyFlows, defaultFlowKind, flowKind } from './flows.ts';
import { defaultLifecycleConfig, lifecycleSnapshot, lifecycleState } from './lifecycle.ts';
import { assignTiers, defaultTiers, quintiles, tiersSchema } from './segments.ts';
import { defaultValueSettings, valueSettingsSchema } from './settings.schema.ts';

const state = (days: number[], amounts: number[], day: number, pAlive: number | null = 0.9) =>
  lifecycleState(
    defaultLifecycleConfig,
    lifecycleSnapshot(days, amounts, day, defaultLifecycleConfig.windowDays, pAlive),
  );

describe('lifecycle states', () => {
  it('reads the default rules as a CRM officer would', () => {
    expect(state([], [], 1000)).toBe('prospect');
    expect(state([1000], [50], 1000)).toBe('new'); // bought today
    expect(state([900, 950], [50, 50], 1000)).toBe('active');
    expect(state([700], [50], 1000)).toBe('at_risk'); // 300 days quiet
    expect(state([500], [50], 1000)).toBe('lapsed'); // more than a year
    expect(state([400, 980], [50, 60], 1000)).toBe('won_back'); // back after 580 days away
    expect(state([700, 800, 900, 950, 990], [20, 20, 40, 50, 60], 1000)).toBe('developing');
    expect(state([900, 950], [50, 50], 1000, 0.05)).toBe('lapsed'); // the model says gone
    expect(state([900, 950], [50, 50], 1000, 0.3)).toBe('at_risk');
  });

  it('ignores purchases after the day, so history can be replayed for any past day', () => {
    const days = [100, 200, 900];
    expect(state(days, [1, 1, 1], 150)).toBe('new');
    expect(state(days, [1, 1, 1], 600)).toBe('lapsed');
    expect(state(days, [1, 1, 1], 950)).toBe('won_back');
    expect(lifecycleSnapshot(days, [1, 2, 3], 250, 180, null)).toMatchObject({
      purchases: 2,
      daysSinceFirstPurchase: 150,
      daysSinceLastPurchase: 50,
      gapBeforeLastPurchase: 100,
      recentPurchases: 2,
      recentSpend: 3,
      priorPurchases: 0,
    });
  });

  it('takes the first rule that matches, else the fallback; an empty rule list is valid', () => {
    const snapshot = lifecycleSnapshot([10], [5], 20, 180, 1);
    expect(lifecycleState({ windowDays: 180, fallback: 'active', rules: [] }, snapshot)).toBe('active');
    expect(
      lifecycleState(
        {
          windowDays: 180,
          fallback: 'active',
          rules: [
            { state: 'developing', when: [{ metric: 'purchases', op: 'gte', value: 1 }] },
            { state: 'new', when: [] },
          ],
        },
        snapshot,
      ),
    ).toBe('developing');
  });
});

describe('value tiers', () => {
  it('puts the top 5 %, next 15 %, next 30 % and the rest in A–D', () => {
    const clv = Array.from({ length: 100 }, (_, i) => i); // 99 is best
    const tiers = assignTiers(clv, defaultTiers);
    const count = (t: number) => tiers.filter((x) => x === t).length;
    expect([count(0), count(1), count(2), count(3)]).toEqual([5, 15, 30, 50]);
    expect(tiers[99]).toBe(0);
    expect(tiers[94]).toBe(1);
    expect(tiers[0]).toBe(3);
  });

  it('never splits equal CLV across tiers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 300 }), (values) => {
        const tiers = assignTiers(values, defaultTiers);
        for (let i = 0; i < values.length; i++)
          for (let j = 0; j < values.length; j++) {
            if (values[i] === values[j]) expect(tiers[i]).toBe(tiers[j]);
            if (values[i]! > values[j]!) expect(tiers[i]).toBeLessThanOrEqual(tiers[j]!);
          }
      }),
      { numRuns: 50 },
    );
  });

  it('validates a tier configuration', () => {
    expect(tiersSchema.safeParse(defaultTiers).success).toBe(true);
    const bad = tiersSchema.safeParse([
      { key: 'A', label: 'A', topPercent: 60 },
      { key: 'A', label: 'B', topPercent: 60 },
      { key: 'C', label: 'C', topPercent: 5 },
    ]);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        'tier keys must be unique',
        'the last tier takes the rest: null',
        'the tiers add up to more than 100 %',
      ]),
    );
    expect(valueSettingsSchema.safeParse(defaultValueSettings).success).toBe(true);
  });
});

describe('RFM quintiles', () => {
  it('scores 1–5 by rank with equal values sharing a score', () => {
    const values = Array.from({ length: 10 }, (_, i) => i + 1);
    expect([...quintiles(values, true)]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect([...quintiles(values, false)]).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect([...quintiles([3, 3, 3, 3], true)]).toEqual([1, 1, 1, 1]);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { maxLength: 200 }), (v) => {
        const q = quintiles(v, true);
        for (let i = 0; i < v.length; i++) {
          expect(q[i]).toBeGreaterThanOrEqual(1);
          expect(q[i]).toBeLessThanOrEqual(5);
          for (let j = 0; j < v.length; j++) if (v[i]! > v[j]!) expect(q[i]).toBeGreaterThanOrEqual(q[j]!);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('customer flows', () => {
  it('marks moves as desired or undesired under the three base flows', () => {
    expect(defaultFlowKind('prospect', 'new')).toEqual({ desired: true, baseFlow: 'acquire' });
    expect(defaultFlowKind('active', 'at_risk')).toEqual({ desired: false, baseFlow: 'retain_develop' });
    expect(defaultFlowKind('at_risk', 'active')).toEqual({ desired: true, baseFlow: 'retain_develop' });
    expect(defaultFlowKind('active', 'developing')).toEqual({ desired: true, baseFlow: 'retain_develop' });
    expect(defaultFlowKind('lapsed', 'won_back')).toEqual({ desired: true, baseFlow: 'win_back' });
    expect(defaultFlowKind('lapsed', 'lapsed')).toEqual({ desired: false, baseFlow: 'win_back' });
    expect(
      flowKind('developing', 'active', [{ from: 'developing', to: 'active', desired: null, baseFlow: null }]),
    ).toEqual({ desired: null, baseFlow: null });
  });

  it('totals customers and CLV per base flow', () => {
    const { cells, baseFlows } = classifyFlows([
      { from: 'prospect', to: 'new', customers: 10, clv: 1000 },
      { from: 'active', to: 'active', customers: 50, clv: 9000 },
      { from: 'active', to: 'lapsed', customers: 5, clv: 100 },
      { from: 'lapsed', to: 'won_back', customers: 2, clv: 300 },
      { from: 'new', to: 'new', customers: 4, clv: 40 },
    ]);
    expect(cells.find((c) => c.from === 'new')).toMatchObject({ desired: null, moved: false });
    expect(baseFlows).toEqual([
      { baseFlow: 'acquire', desired: { customers: 10, clv: 1000 }, undesired: { customers: 0, clv: 0 } },
      {
        baseFlow: 'retain_develop',
        desired: { customers: 50, clv: 9000 },
        undesired: { customers: 5, clv: 100 },
      },
      { baseFlow: 'win_back', desired: { customers: 2, clv: 300 }, undesired: { customers: 0, clv: 0 } },
    ]);
  });
});

describe('LTV drivers', () => {
  it('gives a 95 % t interval for each group mean and an index against the overall mean', () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 3);
    expect(tQuantile975(1000)).toBeCloseTo(1.9623, 3);
    const [web, store, one] = driverRows([
      { value: 'web', customers: 25, mean: 200, sd: 50 },
      { value: 'store', customers: 75, mean: 100, sd: 40 },
      { value: null, customers: 1, mean: 125, sd: null },
    ]);
    expect(web!.ciLow).toBeCloseTo(200 - (2.064 * 50) / 5, 6);
    expect(web!.ciHigh).toBeCloseTo(200 + (2.064 * 50) / 5, 6);
    expect(store!.index).toBeCloseTo(100 / (12625 / 101), 6);
    expect(one).toMatchObject({ ciLow: null, ciHigh: null });
  });
});
