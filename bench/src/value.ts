/**
 * `npm run bench:value`: the customer value engine at scale. Seeds (or reuses) demo data with
 * orders, then measures in this process, side by side on the same database:
 *   - the raw SQL that only reads every customer's purchase days (the floor of any recompute),
 *   - a full recompute of contacts (load, fit, score, tiers, RFM, lifecycle, history write),
 *   - the flow matrix over the last year, and the same SQL run raw,
 *   - model fits alone: CDNOW (when ../shared is present) and 1,000,000 simulated customers,
 *     and scoring those customers (CLV over 12 months).
 * Prints one JSON document (also to --out).
 *
 *   npm run bench:value -- [--scale 1000000] [--seed 42] [--simulated 1000000] [--out FILE]
 *                          [--db-name relata_bench_value] [--data-dir DIR] [--fresh]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type Actor,
  clvScorer,
  fitGammaGamma,
  fitPurchaseModel,
  groupRfm,
  type PurchaseModelKind,
  rfmSummary,
  simulateBgNbd,
} from '@relata/domain';
import { createJobs } from '../../apps/server/src/jobs/jobs.ts';
import { createServices } from '../../apps/server/src/services.ts';
import { prepareDatabase } from './db.ts';

const log = (m: string) => console.error(m);
const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '42' },
    simulated: { type: 'string', default: '1000000' },
    out: { type: 'string' },
    'db-name': { type: 'string', default: 'relata_bench_value' },
    'data-dir': { type: 'string' },
    fresh: { type: 'boolean', default: false },
  },
});
const scale = Number(args.scale);
const simulated = Number(args.simulated);
const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;
const time = async <T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> => {
  const t = performance.now();
  const value = await fn();
  return { ms: round(performance.now() - t), value };
};
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

const prepared = await prepareDatabase({
  scale,
  seed: Number(args.seed),
  adminPassword: 'bench-admin-password',
  databaseUrl: process.env.DATABASE_URL,
  dbName: args['db-name']!,
  dataDir: args['data-dir'],
  fresh: args.fresh!,
  interactions: 0,
  computeValue: false,
  // Every contact buys: 1M contacts are 1M customers (and about 7M order lines).
  buyerShare: 1,
});
const { database, target } = prepared;
const [counts] = await database.query<{ orders: number; lines: number; buyers: number }>(
  `SELECT (SELECT count(*)::int FROM orders) AS orders, (SELECT count(*)::int FROM order_lines) AS lines,
          (SELECT count(DISTINCT contact_id)::int FROM orders) AS buyers`,
);
log(
  `data: ${scale} contacts, ${counts!.buyers} buyers, ${counts!.orders} orders, ${counts!.lines} order lines`,
);

const jobs = createJobs(database);
const servicesAt = (days: number) =>
  createServices({
    database,
    jobs,
    clock: () => new Date(Date.now() + days * 86_400_000),
    config: {
      sessionTtlHours: 24,
      loginMaxFailures: 10,
      defaultPhoneCountry: undefined,
      cookieSecure: 'auto',
    },
  });
const services = servicesAt(0);
const system: Actor = {
  kind: 'system',
  userId: null,
  teamId: null,
  name: 'bench',
  role: 'admin',
  permissions: {},
};
// Start from no value at all, so the first run reconstructs everyone's history.
await database.query('DELETE FROM customer_values');
await database.query('DELETE FROM lifecycle_history');
await database.query('DELETE FROM value_model_runs');
await database.query('VACUUM ANALYZE customer_values, lifecycle_history');

// The floor: reading every purchase day once, as the recompute's loader does (without paging).
log('raw purchase-day read ...');
const rawRead = await time(() =>
  database.query(
    `SELECT count(*)::int AS n FROM (
       SELECT contact_id, ((ordered_at AT TIME ZONE 'UTC')::date) AS day, sum(total_base)
       FROM orders WHERE contact_id IS NOT NULL AND status IN ('confirmed', 'fulfilled')
       GROUP BY 1, 2) t`,
  ),
);
log(`  ${rawRead.ms} ms`);

log('recompute (contacts), first run: history reconstructed for everyone ...');
const rss0 = process.memoryUsage().rss;
const recompute = await time(() => services.value.recomputeNow('contact', 'bench'));
log(`  ${recompute.ms} ms: ${JSON.stringify(recompute.value.timings)}`);
await database.query('ANALYZE customer_values, lifecycle_history');
log('recompute (contacts), the next day: states compared, changes appended ...');
const nextDay = await time(() => servicesAt(1).value.recomputeNow('contact', 'bench'));
log(`  ${nextDay.ms} ms: ${JSON.stringify(nextDay.value.timings)}`);

const day = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 10);
const flowSql = `WITH f AS (SELECT customer_id, state FROM lifecycle_history WHERE customer_type = 'contact'
    AND valid_from <= $1::date AND (valid_to IS NULL OR valid_to > $1::date)),
  t AS (SELECT customer_id, state FROM lifecycle_history WHERE customer_type = 'contact'
    AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $2::date))
  SELECT coalesce(f.state, 'prospect') a, coalesce(t.state, 'prospect') b, count(*), sum(v.clv)
  FROM contacts c LEFT JOIN f ON f.customer_id = c.id LEFT JOIN t ON t.customer_id = c.id
  LEFT JOIN customer_values v ON v.customer_type = 'contact' AND v.customer_id = c.id GROUP BY 1, 2`;
await database.query('ANALYZE customer_values, lifecycle_history');
log('flow matrix (last 365 days) ...');
const flowsRaw = await time(() => database.query(flowSql, [day(365), day(0)]));
const flows = await time(() =>
  services.value.flows(system, { from: day(365), to: day(0), customerType: 'contact' }),
);
log(`  service ${flows.ms} ms, raw ${flowsRaw.ms} ms`);
const summary = await time(() => services.value.summary(system, 'contact'));
log(`summary ${summary.ms} ms`);
await jobs.stop();
await database.close();

// ---- model fits alone --------------------------------------------------------------------
const fits: Record<string, unknown>[] = [];
const cdnowPath = fileURLToPath(new URL('../../../shared/datasets/cdnow/CDNOW_sample.txt', import.meta.url));
if (existsSync(cdnowPath)) {
  const tx = readFileSync(cdnowPath, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [, id = '', d = '', , dollars = ''] = line.trim().split(/\s+/);
      return {
        customerId: id,
        date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`,
        amount: Number(dollars),
      };
    });
  const rfm = rfmSummary(tx, { calibrationEnd: '1997-09-30', unit: 'week' });
  const rows = groupRfm(rfm);
  for (const kind of ['bgnbd', 'pnbd'] as PurchaseModelKind[]) {
    const f = await time(() => fitPurchaseModel(kind, rows));
    fits.push({
      data: 'CDNOW sample (2,357 customers)',
      model: kind,
      ms: f.ms,
      params: f.value.params,
      logLikelihood: round(f.value.logLikelihood, 2),
    });
    log(`fit ${kind} on CDNOW: ${f.ms} ms`);
  }
  const g = await time(() => fitGammaGamma(rfm.map((r) => ({ x: r.frequency, m: r.monetary }))));
  fits.push({ data: 'CDNOW sample', model: 'gamma-gamma', ms: g.ms });
} else {
  log('CDNOW sample not found next to the repository: skipping its fits');
}

const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
log(`simulating ${simulated} BG/NBD customers ...`);
// Day resolution, as stored orders have: times rounded to whole days, in weeks.
const sim = simulateBgNbd(truth, simulated, { seed: 7, minT: 1, maxT: 104 }).map((c) => ({
  frequency: c.x,
  recency: Math.round(c.tx * 7) / 7,
  T: Math.round(c.T * 7) / 7,
}));
const grouped = await time(() => groupRfm(sim));
log(`  grouped into ${grouped.value.length} unique rows in ${grouped.ms} ms`);
for (const kind of ['bgnbd', 'pnbd'] as PurchaseModelKind[]) {
  const f = await time(() => fitPurchaseModel(kind, grouped.value));
  fits.push({
    data: `${simulated} simulated BG/NBD customers (${grouped.value.length} unique rows)`,
    model: kind,
    ms: f.ms,
    params: f.value.params,
    truth: kind === 'bgnbd' ? truth : undefined,
  });
  log(`fit ${kind} on simulated: ${f.ms} ms`);
}
const bg = fitPurchaseModel('bgnbd', grouped.value);
const score = clvScorer(
  bg,
  { p: 6, q: 4, gamma: 15 },
  { horizonMonths: 12, monthlyDiscount: 0.01, unit: 'week' },
);
const scoring = await time(() => {
  let s = 0;
  for (const c of sim) s += score(c.frequency, c.recency, c.T, 30).clv;
  return s;
});
log(`scoring ${simulated} customers (12-month CLV): ${scoring.ms} ms`);
clearInterval(sampler);

const run = recompute.value;
const report = {
  database: target.kind,
  scale,
  buyers: counts!.buyers,
  orders: counts!.orders,
  orderLines: counts!.lines,
  seedSeconds: prepared.seedSeconds === null ? null : round(prepared.seedSeconds),
  recompute: {
    ms: recompute.ms,
    customers: run.customers,
    model: run.model,
    timings: run.timings,
    nextDayMs: nextDay.ms,
    nextDayTimings: nextDay.value.timings,
    rawReadMs: rawRead.ms,
    ratioToRawRead: round(recompute.ms / rawRead.ms, 2),
    nextDayRatioToRawRead: round(nextDay.ms / rawRead.ms, 2),
    target: '≤ 60 s for 1M customers and 5M order lines on PostgreSQL (the project target)',
    rssGrowthMb: round((peakRss - rss0) / 2 ** 20),
  },
  flows: {
    ms: flows.ms,
    rawMs: flowsRaw.ms,
    ratio: round(flows.ms / flowsRaw.ms, 2),
    cells: flows.value.cells.length,
  },
  summaryMs: summary.ms,
  fits,
  scoring: { customers: simulated, ms: scoring.ms },
  peakRssMb: round(peakRss / 2 ** 20),
  node: process.version,
  machine: {
    cpus: os.cpus().length,
    memGb: round(os.totalmem() / 2 ** 30),
    load1: round(os.loadavg()[0]!, 2),
  },
  at: new Date().toISOString(),
};
const json = JSON.stringify(report, null, 2);
console.log(json);
if (args.out) writeFileSync(args.out, `${json}\n`);
