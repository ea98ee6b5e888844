/**
 * Runs the value engine against the database: a full recompute (fit, score, tiers, lifecycle and
 * its history, for every customer of one type) and incremental rescoring of a few customers with
 * the latest model. Loading and writing go in batches so the embedded database stays responsive.
 */
import {
  type CustomerScores,
  type CustomerType,
  type HistoryRow as EngineHistoryRow,
  type EngineSettings,
  fitValueModels,
  lifecycleStates,
  type PurchaseHistories,
  type PurchaseModelSpec,
  reconstructHistory,
  type ScoringModel,
  type Segments,
  scoreCustomers,
  type ValueSettings,
} from '@relata/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import * as repo from './value.repository.ts';
import { getValueSettings } from './value-settings.repository.ts';

const DAY_MS = 86_400_000;
export const dayNumber = (d: Date) => Math.floor(d.getTime() / DAY_MS);
export const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

const LOAD_ORDERS = 50_000;
const WRITE_BATCH = 5_000;
/** Concurrent write transactions on PostgreSQL; the embedded database has one connection. */
export const writeLanes = (kind: 'pglite' | 'postgres') => (kind === 'postgres' ? 2 : 1);

/** Growable typed buffers for the CSR histories. */
class Histories {
  ids: string[] = [];
  offsets: number[] = [0];
  days = new Int32Array(1024);
  amounts = new Float64Array(1024);
  size = 0;
  attributes = new Map<string, { channel: string | null; category: string | null }>();
  latest = new Map<string, { state: string; validFrom: string; open: boolean }>();
  add(customers: repo.CustomerHistory[]) {
    for (const c of customers) {
      while (this.size + c.days.length > this.days.length) {
        const d = new Int32Array(this.days.length * 2);
        d.set(this.days);
        this.days = d;
        const a = new Float64Array(this.amounts.length * 2);
        a.set(this.amounts);
        this.amounts = a;
      }
      this.days.set(c.days, this.size);
      this.amounts.set(c.amounts, this.size);
      this.size += c.days.length;
      this.ids.push(c.id);
      this.offsets.push(this.size);
      if (c.channel !== null || c.category !== null)
        this.attributes.set(c.id, { channel: c.channel, category: c.category });
      if (c.latest) this.latest.set(c.id, c.latest);
    }
  }
  done(): Loaded {
    return {
      ids: this.ids,
      h: {
        n: this.ids.length,
        offsets: Int32Array.from(this.offsets),
        days: this.days.subarray(0, this.size),
        amounts: this.amounts.subarray(0, this.size),
      },
      attributes: this.attributes,
      latest: this.latest,
    };
  }
}

type Loaded = {
  ids: string[];
  h: PurchaseHistories;
  attributes: Map<string, { channel: string | null; category: string | null }>;
  latest: Map<string, { state: string; validFrom: string; open: boolean }>;
};

/**
 * Every customer's purchase days, page by page in customer order (about 50,000 orders a page), on
 * `lanes` connections at once; pages are joined back in order.
 */
async function loadAll(db: Db, type: CustomerType, asOfDay: number, lanes: number): Promise<Loaded> {
  const bounds = await repo.pageBounds(db, type, LOAD_ORDERS);
  const ranges = [...bounds, null].map((upto, k) => ({ after: k === 0 ? null : bounds[k - 1]!, upto }));
  const pages: (repo.CustomerHistory[] | undefined)[] = new Array(ranges.length);
  const buf = new Histories();
  let next = 0;
  let added = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, ranges.length) }, async () => {
      for (let k = next++; k < ranges.length; k = next++) {
        const r = ranges[k]!;
        pages[k] = await repo.historiesInRange(db, type, r.after, r.upto, asOfDay);
        // Keep customer order; a page is dropped as soon as it is in the buffer.
        for (; added < pages.length && pages[added]; added++) {
          buf.add(pages[added]!);
          pages[added] = undefined;
        }
      }
    }),
  );
  return buf.done();
}

async function loadSome(db: Db, type: CustomerType, ids: string[], asOfDay: number): Promise<Loaded> {
  const buf = new Histories();
  buf.add(await repo.historiesOf(db, type, ids, asOfDay));
  return buf.done();
}

const finite = (v: number) => (Number.isFinite(v) ? v : null);

/**
 * Writes scores and brings lifecycle history up to date, batch by batch, each batch in one
 * transaction: customers without history get it reconstructed; a changed state closes the open
 * row and opens one today (or corrects a row opened today); an unchanged state keeps its "since".
 */
async function writeScores(
  db: Db,
  type: CustomerType,
  runId: string | null,
  loaded: Loaded,
  scores: CustomerScores,
  model: ScoringModel,
  s: EngineSettings,
  windowStartDay: number,
  lanes: number,
) {
  const { ids, h } = loaded;
  const asOf = isoOfDay(s.asOfDay);
  const batches: number[][] = [];
  for (let start = 0; start < ids.length; start += WRITE_BATCH)
    batches.push(
      Array.from({ length: Math.min(ids.length, start + WRITE_BATCH) - start }, (_, k) => start + k),
    );
  const writeBatch = async (idx: number[]) => {
    const state = idx.map((i) => lifecycleStates[scores.state[i]!]!);
    const since: string[] = [];
    const fresh: number[] = [];
    const close: string[] = [];
    const restate = { ids: [] as string[], states: [] as string[] };
    const opened = {
      ids: [] as string[],
      validFrom: [] as string[],
      validTo: [] as (string | null)[],
      state: [] as string[],
    };
    idx.forEach((i, k) => {
      const id = ids[i]!;
      const latest = loaded.latest.get(id);
      if (!latest) {
        fresh.push(i);
        since.push(asOf); // replaced below by the reconstructed open row's start
        return;
      }
      if (latest.open && latest.state === state[k]) {
        since.push(latest.validFrom);
        return;
      }
      since.push(asOf);
      if (latest.open && latest.validFrom === asOf) {
        restate.ids.push(id);
        restate.states.push(state[k]!);
        return;
      }
      if (latest.open) close.push(id);
      opened.ids.push(id);
      opened.validFrom.push(asOf);
      opened.validTo.push(null);
      opened.state.push(state[k]!);
    });
    const rebuilt = historyColumns(reconstructHistory(h, fresh, model, s, windowStartDay), ids);
    const sinceOf = new Map<string, string>();
    rebuilt.ids.forEach((id, k) => {
      if (rebuilt.validTo[k] === null) sinceOf.set(id, rebuilt.validFrom[k]!);
    });
    const w: repo.ValueWrite = {
      ids: idx.map((i) => ids[i]!),
      firstPurchaseOn: idx.map((i) => isoOfDay(h.days[h.offsets[i]!]!)),
      lastPurchaseOn: idx.map((i) => isoOfDay(h.days[h.offsets[i + 1]! - 1]!)),
      purchases: idx.map((i) => scores.purchases[i]!),
      frequency: idx.map((i) => scores.frequency[i]!),
      recencyDays: idx.map((i) => scores.recencyDays[i]!),
      ageDays: idx.map((i) => scores.ageDays[i]!),
      monetary: idx.map((i) => scores.monetary[i]!),
      historical: idx.map((i) => scores.historical[i]!),
      pAlive: idx.map((i) => finite(scores.pAlive[i]!)),
      expectedPurchases: idx.map((i) => finite(scores.expectedPurchases[i]!)),
      expectedSpend: idx.map((i) => finite(scores.expectedSpend[i]!)),
      clv: idx.map((i) => finite(scores.clv[i]!)),
      rfmR: idx.map((i) => scores.rfmR[i]!),
      rfmF: idx.map((i) => scores.rfmF[i]!),
      rfmM: idx.map((i) => scores.rfmM[i]!),
      tier: idx.map((i) => scores.tier[i] ?? null),
      state,
      since: idx.map((i, k) => sinceOf.get(ids[i]!) ?? since[k]!),
      channel: idx.map((i) => loaded.attributes.get(ids[i]!)?.channel ?? null),
      category: idx.map((i) => loaded.attributes.get(ids[i]!)?.category ?? null),
    };
    await db.transaction(async (tx) => {
      await repo.upsertValues(tx, type, runId, w);
      await repo.closeHistory(tx, type, close, asOf);
      await repo.restateHistory(tx, type, asOf, restate.ids, restate.states);
      await repo.insertHistory(tx, type, {
        ids: [...rebuilt.ids, ...opened.ids],
        validFrom: [...rebuilt.validFrom, ...opened.validFrom],
        validTo: [...rebuilt.validTo, ...opened.validTo],
        state: [...rebuilt.state, ...opened.state],
      });
    });
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, batches.length) }, async () => {
      for (let b = next++; b < batches.length; b = next++) await writeBatch(batches[b]!);
    }),
  );
}

/** Engine rows to columns, each row closed by the next one of the same customer. */
function historyColumns(rows: EngineHistoryRow[], ids: string[]) {
  const out = {
    ids: [] as string[],
    validFrom: [] as string[],
    validTo: [] as (string | null)[],
    state: [] as string[],
  };
  rows.forEach((r, k) => {
    const next = rows[k + 1];
    out.ids.push(ids[r.customer]!);
    out.validFrom.push(isoOfDay(r.validFrom));
    out.validTo.push(next && next.customer === r.customer ? isoOfDay(next.validFrom) : null);
    out.state.push(r.state);
  });
  return out;
}

const engineSettings = (v: ValueSettings, asOfDay: number, run?: repo.RunRow): EngineSettings => ({
  asOfDay,
  unit: (run?.unit as EngineSettings['unit']) ?? v.unit,
  horizonMonths: run?.horizonMonths ?? v.horizonMonths,
  monthlyDiscount: run?.monthlyDiscount ?? v.monthlyDiscount,
  tiers: v.tiers,
  lifecycle: v.lifecycle,
});

const windowStart = (v: ValueSettings, asOfDay: number) => {
  const d = new Date(asOfDay * DAY_MS);
  return dayNumber(
    new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - v.backfillMonths, d.getUTCDate())),
  );
};

/** The full recompute of one claimed run; returns the finished run row. */
export async function executeRun(
  db: Db,
  run: repo.RunRow,
  clock: () => Date,
  lanes = 1,
): Promise<repo.RunRow> {
  const t0 = Date.now();
  const timings: Record<string, number> = {};
  const mark = (k: string, since: number) => {
    timings[k] = Date.now() - since;
    return Date.now();
  };
  const type = run.customerType;
  const v = await getValueSettings(db);
  const asOfDay = dayNumber(new Date(`${run.asOf}T00:00:00Z`));
  let t = Date.now();
  await db.transaction((tx) => repo.rewindHistory(tx, type, run.asOf));
  const loaded = await loadAll(db, type, asOfDay, lanes);
  t = mark('loadMs', t);
  const fit = fitValueModels(loaded.h, {
    asOfDay,
    unit: run.unit as EngineSettings['unit'],
    model: run.model,
    holdoutDays: run.holdoutDays,
  });
  t = mark('fitMs', t);
  Object.assign(timings, fit.timings);
  const s = engineSettings(v, asOfDay, run);
  const { scores, segments, unscored } = scoreCustomers(loaded.h, fit.model, s);
  t = mark('scoreMs', t);
  if (unscored > 0)
    fit.warnings.push(
      `${unscored} customers could not be scored: the model cannot compute their predictions; they keep no CLV or tier.`,
    );
  await writeScores(db, type, run.id, loaded, scores, fit.model, s, windowStart(v, asOfDay), lanes);
  t = mark('writeMs', t);
  // Fresh statistics before the set-wide statements below, and for the lists and flows that read
  // these tables: planned on the statistics of before the run (a first run of accounts after the
  // contacts' has none of its rows), the anti-join of stale history degrades to a nested loop over
  // every scored row and runs for many minutes at a million customers.
  await db.execute(sql`ANALYZE customer_values, lifecycle_history`);
  let totalClv = 0;
  let repeat = 0;
  for (let i = 0; i < loaded.h.n; i++) {
    if (Number.isFinite(scores.clv[i]!)) totalClv += scores.clv[i]!;
    if (scores.frequency[i]! > 0) repeat++;
  }
  const finished = await db.transaction(async (tx) => {
    await repo.deleteStaleValues(tx, type, run.id, run.startedAt ?? clock());
    await repo.closeHistoryWithoutValues(tx, type, run.asOf);
    timings.historyMs = Date.now() - t;
    timings.totalMs = Date.now() - t0;
    return repo.updateRun(tx, run.id, {
      status: 'succeeded',
      params: fit.purchase ? { ...fit.purchase.params } : null,
      standardErrors: fit.purchase?.standardErrors ? { ...fit.purchase.standardErrors } : null,
      logLikelihood: fit.purchase?.logLikelihood ?? null,
      spend: {
        ...(fit.spend ?? {}),
        meanSpend: fit.model.meanSpend,
        model: fit.spend ? 'gamma_gamma' : 'mean',
      },
      holdout: fit.holdout
        ? { ...fit.holdout, calibrationEnd: isoOfDay(fit.holdout.calibrationEndDay) }
        : null,
      segments,
      customers: loaded.h.n,
      repeatCustomers: repeat,
      unscoredCustomers: unscored,
      orderCount: loaded.h.offsets[loaded.h.n] ?? 0,
      totalClv,
      warnings: fit.warnings,
      timings,
      finishedAt: clock(),
    });
  });
  return finished;
}

/** The scoring model a finished run stored. */
export function modelOf(run: repo.RunRow | undefined): { model: ScoringModel; segments?: Segments } {
  const spend = (run?.spend ?? {}) as { p?: number; q?: number; gamma?: number; meanSpend?: number };
  const purchase: PurchaseModelSpec | null =
    run?.params && run.status === 'succeeded'
      ? ({ kind: run.model, params: run.params } as PurchaseModelSpec)
      : null;
  return {
    model: {
      purchase,
      spend: spend.p && spend.q && spend.gamma ? { p: spend.p, q: spend.q, gamma: spend.gamma } : null,
      meanSpend: spend.meanSpend ?? 0,
    },
    ...(run?.segments ? { segments: run.segments as unknown as Segments } : {}),
  };
}

/** Rescoring of some customers after their orders changed, with the latest successful model. */
export async function rescore(db: Db, type: CustomerType, ids: string[], clock: () => Date): Promise<number> {
  if (!ids.length) return 0;
  const v = await getValueSettings(db);
  const asOfDay = dayNumber(clock());
  const run = await repo.latestRun(db, type, 'succeeded');
  const { model, segments } = modelOf(run);
  const loaded = await loadSome(db, type, ids, asOfDay);
  const s = engineSettings(v, asOfDay, run);
  // Without a run there are no stored segments: RFM and tiers are scored among these customers only.
  const { scores } = scoreCustomers(loaded.h, model, s, segments);
  await writeScores(db, type, run?.id ?? null, loaded, scores, model, s, windowStart(v, asOfDay), 1);
  await db.transaction(async (tx) => {
    const gone = ids.filter((id) => !loaded.ids.includes(id));
    await repo.deleteValues(tx, type, gone);
    await repo.closeHistoryWithoutValues(tx, type, isoOfDay(asOfDay), gone);
  });
  return loaded.ids.length;
}
