import { describe, expect, it } from 'vitest';
import { groupRfm, rfmSummary, type Transaction } from './rfm.ts';

const log: Transaction[] = [
  // a: two purchases on the first day (merged), repeats on 8 and 15 Jan; 29 Jan is after calibration
  { customerId: 'a', date: '2024-01-01', amount: 10 },
  { customerId: 'a', date: '2024-01-01', amount: 5 },
  { customerId: 'a', date: '2024-01-08', amount: 20 },
  { customerId: 'a', date: new Date('2024-01-15T23:30:00Z'), amount: 30 },
  { customerId: 'a', date: '2024-01-29', amount: 100 },
  // b: one purchase only
  { customerId: 'b', date: '2024-01-08', amount: 42 },
  // c: first purchase after the calibration end: excluded
  { customerId: 'c', date: '2024-01-16', amount: 7 },
  // d: two purchases on the same day are one purchase day, so no repeat
  { customerId: 'd', date: '2024-01-02', amount: 3 },
  { customerId: 'd', date: '2024-01-02', amount: 4 },
];

const byId = (rows: ReturnType<typeof rfmSummary>) => Object.fromEntries(rows.map((r) => [r.customerId, r]));

describe('rfmSummary', () => {
  it('computes x, t_x, T and repeat spend in weeks', () => {
    const rows = byId(rfmSummary(log, { calibrationEnd: '2024-01-15', unit: 'week' }));
    expect(Object.keys(rows).sort()).toEqual(['a', 'b', 'd']);
    expect(rows.a).toEqual({ customerId: 'a', frequency: 2, recency: 2, T: 2, monetary: 25 });
    expect(rows.b).toEqual({ customerId: 'b', frequency: 0, recency: 0, T: 1, monetary: 0 });
    expect(rows.d).toEqual({ customerId: 'd', frequency: 0, recency: 0, T: 13 / 7, monetary: 0 });
  });

  it('treats the calibration end as inclusive', () => {
    const rows = byId(rfmSummary(log, { calibrationEnd: '2024-01-14', unit: 'day' }));
    expect(rows.a).toEqual({ customerId: 'a', frequency: 1, recency: 7, T: 13, monetary: 20 });
  });

  it('supports days and months (365.25 / 12 days)', () => {
    const days = byId(rfmSummary(log, { calibrationEnd: '2024-01-31', unit: 'day' }));
    expect(days.a).toMatchObject({ frequency: 3, recency: 28, T: 30, monetary: 50 });
    expect(days.c).toMatchObject({ frequency: 0, T: 15 });
    const months = byId(rfmSummary(log, { calibrationEnd: '2024-01-31', unit: 'month' }));
    expect(months.a?.T).toBeCloseTo(30 / (365.25 / 12), 12);
  });

  it('rejects malformed days', () => {
    expect(() =>
      rfmSummary([{ customerId: 'x', date: '2024-02-30', amount: 1 }], {
        calibrationEnd: '2024-12-31',
        unit: 'day',
      }),
    ).toThrow(RangeError);
    expect(() => rfmSummary(log, { calibrationEnd: '15/01/2024', unit: 'day' })).toThrow(RangeError);
  });
});

describe('groupRfm', () => {
  it('collapses identical (x, t_x, T) into counts', () => {
    const groups = groupRfm([
      { frequency: 0, recency: 0, T: 5 },
      { frequency: 0, recency: 0, T: 5 },
      { frequency: 1, recency: 2, T: 5 },
    ]);
    expect(groups).toEqual([
      { x: 0, tx: 0, T: 5, count: 2 },
      { x: 1, tx: 2, T: 5, count: 1 },
    ]);
  });
});
