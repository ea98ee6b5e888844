// RFM summary of a transaction log as the buy-till-you-die literature defines it
// (Fader, Hardie & Lee 2005): repeat purchases only, same-day purchases merged.

export type Transaction = {
  customerId: string;
  /** A Date (its UTC day is used) or a 'YYYY-MM-DD' UTC day. */
  date: Date | string;
  amount: number;
};

export type TimeUnit = 'day' | 'week' | 'month';

export type RfmOptions = {
  /** Last day of the calibration period, 'YYYY-MM-DD', inclusive. */
  calibrationEnd: string;
  unit: TimeUnit;
};

export type RfmRow = {
  customerId: string;
  /** x: number of repeat purchase days (the first purchase is excluded). */
  frequency: number;
  /** t_x: time from the first purchase to the last one. */
  recency: number;
  /** T: time from the first purchase to the end of calibration. */
  T: number;
  /** Mean amount of the repeat purchase days; 0 when frequency = 0. */
  monetary: number;
};

export type RfmGroup = { x: number; tx: number; T: number; count: number };

const MS_PER_DAY = 86_400_000;

export const daysPerUnit = (unit: TimeUnit): number => {
  switch (unit) {
    case 'day':
      return 1;
    case 'week':
      return 7;
    case 'month':
      return 365.25 / 12;
  }
};

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole UTC days since the epoch. */
export const utcDayNumber = (date: Date | string): number => {
  if (typeof date !== 'string') {
    const ms = date.getTime();
    if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
    return Math.floor(ms / MS_PER_DAY);
  }
  const m = ISO_DAY.exec(date);
  if (!m) throw new RangeError(`Expected a 'YYYY-MM-DD' day, got '${date}'`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls over impossible days (2021-02-30); reject them instead.
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar day: '${date}'`);
  }
  return ms / MS_PER_DAY;
};

/** Per-customer RFM in the chosen unit; customers first buying after the calibration end are left out. */
export const rfmSummary = (transactions: readonly Transaction[], options: RfmOptions): RfmRow[] => {
  const end = utcDayNumber(options.calibrationEnd);
  const unitDays = daysPerUnit(options.unit);
  // customer → day → summed amount, for days inside the calibration period
  const byCustomer = new Map<string, Map<number, number>>();
  for (const t of transactions) {
    if (!Number.isFinite(t.amount)) throw new RangeError(`Non-finite amount for customer ${t.customerId}`);
    const day = utcDayNumber(t.date);
    if (day > end) continue;
    let days = byCustomer.get(t.customerId);
    if (!days) {
      days = new Map();
      byCustomer.set(t.customerId, days);
    }
    days.set(day, (days.get(day) ?? 0) + t.amount);
  }
  const rows: RfmRow[] = [];
  for (const [customerId, days] of byCustomer) {
    const sorted = [...days.entries()].sort((p, q) => p[0] - q[0]);
    const [firstDay] = sorted[0]!;
    const [lastDay] = sorted[sorted.length - 1]!;
    const repeats = sorted.slice(1);
    const frequency = repeats.length;
    const repeatSpend = repeats.reduce((sum, [, amount]) => sum + amount, 0);
    rows.push({
      customerId,
      frequency,
      recency: (lastDay - firstDay) / unitDays,
      T: (end - firstDay) / unitDays,
      monetary: frequency > 0 ? repeatSpend / frequency : 0,
    });
  }
  return rows;
};

/** Collapse rows to unique (x, t_x, T) with counts: the likelihoods only depend on these. */
export const groupRfm = (rows: readonly Pick<RfmRow, 'frequency' | 'recency' | 'T'>[]): RfmGroup[] => {
  // Nested maps on the numbers (no string keys: a million rows group in a fraction of the time);
  // groups come out in order of first appearance.
  const index = new Map<number, Map<number, Map<number, RfmGroup>>>();
  const groups: RfmGroup[] = [];
  for (const { frequency: x, recency: tx, T } of rows) {
    let byTx = index.get(x);
    if (!byTx) {
      byTx = new Map();
      index.set(x, byTx);
    }
    let byT = byTx.get(tx);
    if (!byT) {
      byT = new Map();
      byTx.set(tx, byT);
    }
    const group = byT.get(T);
    if (group) group.count++;
    else {
      const created = { x, tx, T, count: 1 };
      byT.set(T, created);
      groups.push(created);
    }
  }
  return groups;
};
