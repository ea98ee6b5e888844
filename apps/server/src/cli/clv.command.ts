/**
 * `relata clv fit`: fits BG/NBD and Gamma-Gamma to a transaction log file and prints the
 * parameters (text or one JSON document); `--out` writes per-customer predictions as CSV.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  clvScorer,
  fitGammaGamma,
  fitPurchaseModel,
  groupRfm,
  type PurchaseModelKind,
  rfmSummary,
  type TimeUnit,
  type Transaction,
} from '@relata/domain';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export const clvUsage = `Usage: relata clv fit --transactions FILE --calibration-end YYYY-MM-DD
         [--format csv|cdnow] [--columns customer_id,date,amount] [--unit day|week|month]
         [--model bgnbd|pnbd] [--horizon MONTHS] [--discount MONTHLY_RATE] [--json] [--out FILE.csv]`;

class UsageError extends Error {}

const dateRe = /^\d{4}-\d{2}-\d{2}$/;

/** CDNOW's whitespace format: customer id, [sample id,] yyyymmdd, CDs, dollars. */
function readCdnow(text: string): Transaction[] {
  const out: Transaction[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4 || !f[0]) continue;
    const day = f.length >= 5 ? f[2]! : f[1]!;
    const amount = Number(f[f.length - 1]);
    if (!/^\d{8}$/.test(day) || !Number.isFinite(amount))
      throw new UsageError(`line ${i + 1}: not CDNOW format`);
    out.push({ customerId: f[0], date: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`, amount });
  }
  return out;
}

function readCsv(text: string, columns: [string, string, string]): Transaction[] {
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<
    string,
    string
  >[];
  const [idCol, dateCol, amountCol] = columns;
  return records.map((r, i) => {
    const id = r[idCol];
    const date = r[dateCol]?.slice(0, 10);
    const amount = Number(r[amountCol]);
    if (!id || !date || !dateRe.test(date) || !Number.isFinite(amount)) {
      throw new UsageError(
        `row ${i + 2}: needs ${idCol}, ${dateCol} (YYYY-MM-DD) and a numeric ${amountCol}`,
      );
    }
    return { customerId: id, date, amount };
  });
}

export function clvFit(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: {
      transactions: { type: 'string' },
      'calibration-end': { type: 'string' },
      format: { type: 'string', default: 'csv' },
      columns: { type: 'string', default: 'customer_id,date,amount' },
      unit: { type: 'string', default: 'week' },
      model: { type: 'string', default: 'bgnbd' },
      horizon: { type: 'string', default: '12' },
      discount: { type: 'string', default: '0.01' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const calibrationEnd = values['calibration-end'];
  if (!values.transactions || !calibrationEnd || !dateRe.test(calibrationEnd)) throw new UsageError(clvUsage);
  if (values.model !== 'bgnbd' && values.model !== 'pnbd') throw new UsageError('--model is bgnbd or pnbd');
  const kind = values.model as PurchaseModelKind;
  if (!['day', 'week', 'month'].includes(values.unit))
    throw new UsageError('--unit must be day, week or month');
  const unit = values.unit as TimeUnit;
  const horizon = Number(values.horizon);
  const discount = Number(values.discount);
  if (!Number.isInteger(horizon) || horizon < 0 || !(discount >= 0 && discount < 1)) {
    throw new UsageError('--horizon takes whole months, --discount a monthly rate in [0, 1)');
  }
  const columns = values.columns.split(',').map((c) => c.trim());
  if (columns.length !== 3) throw new UsageError('--columns names three columns: customer id, date, amount');
  const text = readFileSync(values.transactions, 'utf8');
  const transactions =
    values.format === 'cdnow' ? readCdnow(text) : readCsv(text, columns as [string, string, string]);
  const rfm = rfmSummary(transactions, { calibrationEnd, unit });
  if (!rfm.length) throw new UsageError('no customers bought before the calibration end');
  const fit = fitPurchaseModel(kind, groupRfm(rfm));
  const spend = fitGammaGamma(rfm.map((r) => ({ x: r.frequency, m: r.monetary })));
  const repeat = rfm.filter((r) => r.frequency > 0).length;
  const doc = {
    model: kind,
    unit,
    calibrationEnd,
    params: { ...fit.params },
    standardErrors: fit.standardErrors,
    logLikelihood: fit.logLikelihood,
    converged: fit.converged,
    spend: {
      p: spend.p,
      q: spend.q,
      gamma: spend.gamma,
      logLikelihood: spend.logLikelihood,
      standardErrors: spend.standardErrors,
    },
    customers: rfm.length,
    repeatCustomers: repeat,
    transactions: transactions.length,
    horizonMonths: horizon,
    monthlyDiscount: discount,
  };
  if (values.out) {
    const score = clvScorer(fit, spend, { horizonMonths: horizon, monthlyDiscount: discount, unit });
    const rows = rfm.map((r) => {
      const v = score(r.frequency, r.recency, r.T, r.monetary);
      return [
        r.customerId,
        r.frequency,
        r.recency,
        r.T,
        r.monetary,
        v.pAlive,
        v.expectedPurchases,
        v.expectedSpend,
        v.clv,
      ];
    });
    const header = [
      'customer_id',
      'frequency',
      'recency',
      'T',
      'monetary',
      'p_alive',
      'expected_purchases',
      'expected_spend',
      'clv',
    ];
    writeFileSync(values.out, stringify([header, ...rows]));
  }
  if (values.json) {
    console.log(JSON.stringify(doc, null, 2));
  } else {
    const f = (v: number) => v.toPrecision(4);
    const se = fit.standardErrors as Record<string, number> | null;
    const shown = Object.entries(fit.params)
      .map(([k, v]) => `${k}=${f(v)}${se?.[k] !== undefined ? ` (±${f(se[k]!)})` : ''}`)
      .join(' ');
    console.log(
      `${kind === 'bgnbd' ? 'BG/NBD' : 'Pareto/NBD'} on ${doc.customers} customers (${repeat} repeat), ${unit}s, calibration to ${calibrationEnd}`,
    );
    console.log(`  ${shown}  log-likelihood ${fit.logLikelihood.toFixed(1)}`);
    console.log(
      `Gamma-Gamma: p=${f(spend.p)} q=${f(spend.q)} gamma=${f(spend.gamma)}  log-likelihood ${spend.logLikelihood.toFixed(1)}`,
    );
    if (values.out) console.log(`Predictions for ${doc.customers} customers written to ${values.out}`);
  }
  return 0;
}

/** `relata clv <subcommand>`; usage mistakes answer in one line with exit code 2. */
export function clvCommand(args: string[]): number {
  const [sub, ...rest] = args;
  try {
    if (sub !== 'fit') throw new UsageError(clvUsage);
    return clvFit(rest);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error((e as Error).message);
      return 2;
    }
    if ((e as { code?: string }).code === 'ENOENT') {
      console.error(`No such file: ${(e as { path?: string }).path}`);
      return 2;
    }
    throw e;
  }
}
