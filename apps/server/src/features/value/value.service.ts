import {
  type Actor,
  type CustomerType,
  classifyFlows,
  type DriverQuery,
  driverRows,
  type FlowQuery,
  flowStates,
  lifecycleStates,
  type ValueRunRequest,
  type ValueSettings,
  type ValueSettingsUpdate,
  valueSettingsSchema,
} from '@relata/domain';
import type { Db, Executor } from '../../db/connection.ts';
import { encodeTimeCursor, parseTimeCursor } from '../../http/cursor.ts';
import { invalid, notFound } from '../../http/errors.ts';
import type { Jobs } from '../../jobs/jobs.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { checkVersion, requireCan } from '../shared/guards.ts';
import * as repo from './value.repository.ts';
import {
  clvDistribution,
  driverGroups,
  flowMatrix,
  stateCounts,
  tierTable,
} from './value-analytics.repository.ts';
import { type RescoreTarget, VALUE_RECOMPUTE_JOB } from './value-job-names.ts';
import { dayNumber, executeRun, isoOfDay, rescore } from './value-recompute.ts';
import {
  getValueSettings,
  getVersionedValueSettings,
  saveValueSettings,
} from './value-settings.repository.ts';

export function presentRun(r: repo.RunRow) {
  return {
    id: r.id,
    customerType: r.customerType,
    model: r.model,
    status: r.status,
    trigger: r.trigger,
    requestedBy: r.requestedBy,
    asOf: r.asOf,
    unit: r.unit,
    horizonMonths: r.horizonMonths,
    monthlyDiscount: r.monthlyDiscount,
    holdoutDays: r.holdoutDays,
    params: r.params,
    standardErrors: r.standardErrors,
    logLikelihood: r.logLikelihood,
    spend: r.spend,
    holdout: r.holdout,
    customers: r.customers,
    repeatCustomers: r.repeatCustomers,
    unscoredCustomers: r.unscoredCustomers,
    orderCount: r.orderCount,
    totalClv: minor(r.totalClv),
    warnings: r.warnings,
    timings: r.timings,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
export type RunView = ReturnType<typeof presentRun>;

const minor = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v));

/** Customer value as the 360° view and cards show it; money rounded to whole minor units. */
export function presentValue(
  v: repo.ValueRow | undefined,
  currency: string,
  run?: Pick<repo.RunRow, 'horizonMonths' | 'asOf' | 'model'>,
) {
  if (!v) return null;
  return {
    tier: v.tier,
    clv: minor(v.clv),
    pAlive: v.pAlive,
    expectedPurchases: v.expectedPurchases,
    expectedSpend: minor(v.expectedSpend),
    ...(run ? { horizonMonths: run.horizonMonths, asOf: run.asOf, model: run.model } : {}),
    historicalValue: v.historicalValue,
    purchases: v.purchases,
    firstPurchaseOn: v.firstPurchaseOn,
    lastPurchaseOn: v.lastPurchaseOn,
    rfm: { r: v.rfmR, f: v.rfmF, m: v.rfmM, score: v.rfmScore },
    lifecycleState: v.lifecycleState,
    lifecycleSince: v.lifecycleSince,
    acquisitionChannel: v.acquisitionChannel,
    firstCategory: v.firstCategory,
    currency,
    modelRunId: v.modelRunId,
    scoredAt: v.scoredAt.toISOString(),
  };
}
export type ValueView = NonNullable<ReturnType<typeof presentValue>>;

export function createValueService(deps: { db: Db; clock: () => Date; jobs: Jobs; writeLanes?: number }) {
  const { db } = deps;

  async function newRun(
    type: CustomerType,
    trigger: string,
    requestedBy: string | null,
    req: Partial<ValueRunRequest>,
    s: ValueSettings,
    ex: Executor = db,
  ) {
    return repo.insertRun(ex, {
      customerType: type,
      model: req.model ?? s.model,
      trigger,
      requestedBy,
      asOf: isoOfDay(dayNumber(deps.clock())),
      unit: s.unit,
      horizonMonths: s.horizonMonths,
      monthlyDiscount: s.monthlyDiscount,
      holdoutDays: req.holdoutDays === undefined ? s.holdoutDays : req.holdoutDays,
    });
  }

  /** Claims and executes a run; a failure is recorded on the run and rethrown for the job's retry. */
  async function execute(runId: string): Promise<repo.RunRow> {
    const run = await repo.claimRun(db, runId, deps.clock());
    if (!run) {
      const existing = await repo.getRun(db, runId);
      if (!existing) throw notFound('Run');
      return existing; // already finished: the job was delivered twice
    }
    try {
      return await executeRun(db, run, deps.clock, deps.writeLanes ?? 1);
    } catch (e) {
      await repo.updateRun(db, runId, {
        status: 'failed',
        error: (e as Error).message,
        finishedAt: deps.clock(),
      });
      throw e;
    }
  }

  return {
    async settings(actor: Actor): Promise<{ settings: ValueSettings; version: number }> {
      requireCan(actor, 'read', 'value');
      return getVersionedValueSettings(db);
    },

    async updateSettings(
      actor: Actor,
      patch: ValueSettingsUpdate,
      expected?: number,
    ): Promise<{ settings: ValueSettings; version: number }> {
      requireCan(actor, 'update', 'value');
      return db.transaction(async (tx) => {
        const { settings: cur, version } = await getVersionedValueSettings(tx, true);
        checkVersion(version, expected);
        const parsed = valueSettingsSchema.safeParse({ ...cur, ...patch });
        if (!parsed.success)
          throw invalid(
            parsed.error.issues.map((i) => ({ field: i.path.join('.'), code: i.code, message: i.message })),
          );
        await saveValueSettings(tx, parsed.data, version + 1);
        const changes = Object.fromEntries(
          Object.keys(patch).map((k) => [
            k,
            { from: cur[k as keyof ValueSettings], to: parsed.data[k as keyof ValueSettings] },
          ]),
        );
        await insertAudit(tx, auditEntry(actor, 'update', 'value_settings', null, changes));
        return { settings: parsed.data, version: version + 1 };
      });
    },

    /** Queues a recompute; the worker fits and scores. Answers with the queued run. */
    async requestRun(actor: Actor, req: ValueRunRequest): Promise<RunView> {
      requireCan(actor, 'create', 'value');
      const s = await getValueSettings(db);
      const run = await db.transaction(async (tx) => {
        const r = await newRun(req.customerType, 'manual', actor.userId, req, s, tx);
        await deps.jobs.sendInTx(tx, VALUE_RECOMPUTE_JOB, { runId: r.id });
        await insertAudit(
          tx,
          auditEntry(actor, 'create', 'value_run', r.id, {}, { customerType: req.customerType }),
        );
        return r;
      });
      return presentRun(run);
    },

    /** Creates and executes a run in this process (CLI, nightly job, demo set-up). */
    async recomputeNow(
      type: CustomerType,
      trigger: string,
      req: Partial<ValueRunRequest> = {},
    ): Promise<RunView> {
      const s = await getValueSettings(db);
      const run = await newRun(type, trigger, null, req, s);
      return presentRun(await execute(run.id));
    },

    executeQueued: async (runId: string) => presentRun(await execute(runId)),

    async rescore(targets: RescoreTarget[]): Promise<number> {
      let n = 0;
      for (const type of ['contact', 'account'] as const) {
        const ids = [...new Set(targets.filter((t) => t.type === type).map((t) => t.id))];
        n += await rescore(db, type, ids, deps.clock);
      }
      return n;
    },

    async runs(actor: Actor, q: { customerType: CustomerType; cursor?: string | undefined; limit: number }) {
      requireCan(actor, 'read', 'value');
      const rows = await repo.pageRuns(
        db,
        q.customerType,
        q.cursor ? parseTimeCursor(q.cursor) : undefined,
        q.limit,
      );
      const more = rows.length > q.limit;
      const page = more ? rows.slice(0, q.limit) : rows;
      const last = page[page.length - 1];
      return {
        data: page.map(presentRun),
        nextCursor: more && last ? encodeTimeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
      };
    },

    async run(actor: Actor, id: string): Promise<RunView> {
      requireCan(actor, 'read', 'value');
      const r = await repo.getRun(db, id);
      if (!r) throw notFound('Run');
      return presentRun(r);
    },

    async summary(actor: Actor, type: CustomerType) {
      requireCan(actor, 'read', 'value');
      const [s, run, latest, tiers, states, distribution] = await Promise.all([
        getValueSettings(db),
        repo.latestRun(db, type, 'succeeded'),
        repo.latestRun(db, type),
        tierTable(db, type),
        stateCounts(db, type),
        clvDistribution(db, type),
      ]);
      const total = tiers.reduce((n, t) => n + t.customers, 0);
      return {
        customerType: type,
        currency: s.currency,
        run: run ? presentRun(run) : null,
        latestRun: latest ? presentRun(latest) : null,
        tiers: s.tiers.map((t) => {
          const row = tiers.find((r) => r.tier === t.key);
          return {
            key: t.key,
            label: t.label,
            topPercent: t.topPercent,
            customers: row?.customers ?? 0,
            share: total ? (row?.customers ?? 0) / total : 0,
            clv: Math.round(row?.clv ?? 0),
            meanClv: minor(row?.meanClv),
            historicalValue: row?.historicalValue ?? 0,
            meanPAlive: row?.meanPAlive ?? null,
          };
        }),
        lifecycle: lifecycleStates.map((state) => {
          const rows = states.filter((r) => r.state === state);
          return {
            state,
            customers: rows.reduce((n, r) => n + r.customers, 0),
            clv: Math.round(rows.reduce((n, r) => n + r.clv, 0)),
          };
        }),
        distribution: {
          ...distribution,
          total: Math.round(distribution.total),
          mean: minor(distribution.mean),
          median: minor(distribution.median),
          max: minor(distribution.max),
        },
      };
    },

    async flows(actor: Actor, q: FlowQuery) {
      requireCan(actor, 'read', 'value');
      const s = await getValueSettings(db);
      const cells = await flowMatrix(db, q.customerType, q.from, q.to);
      const { cells: marked, baseFlows } = classifyFlows(cells, s.flowOverrides);
      return {
        from: q.from,
        to: q.to,
        customerType: q.customerType,
        currency: s.currency,
        states: flowStates,
        cells: marked
          .map((c) => ({ ...c, clv: Math.round(c.clv) }))
          .sort(
            (a, b) =>
              flowStates.indexOf(a.from) - flowStates.indexOf(b.from) ||
              flowStates.indexOf(a.to) - flowStates.indexOf(b.to),
          ),
        baseFlows: baseFlows.map((b) => ({
          ...b,
          desired: { ...b.desired, clv: Math.round(b.desired.clv) },
          undesired: { ...b.undesired, clv: Math.round(b.undesired.clv) },
        })),
        customers: marked.reduce((n, c) => n + c.customers, 0),
      };
    },

    async drivers(actor: Actor, q: DriverQuery) {
      requireCan(actor, 'read', 'value');
      const s = await getValueSettings(db);
      return {
        attribute: q.attribute,
        customerType: q.customerType,
        currency: s.currency,
        rows: driverRows(await driverGroups(db, q.customerType, q.attribute)).map((r) => ({
          ...r,
          meanClv: Math.round(r.meanClv),
          ciLow: minor(r.ciLow),
          ciHigh: minor(r.ciHigh),
        })),
      };
    },

    async valueOf(type: CustomerType, id: string) {
      const [v, s] = await Promise.all([repo.getValue(db, type, id), getValueSettings(db)]);
      const run = v?.modelRunId ? await repo.getRun(db, v.modelRunId) : undefined;
      return presentValue(v, s.currency, run);
    },

    async valuesOf(type: CustomerType, ids: string[]) {
      const [rows, s] = await Promise.all([repo.valuesFor(db, type, ids), getValueSettings(db)]);
      return new Map([...rows].map(([k, v]) => [k, presentValue(v, s.currency)!]));
    },
  };
}
export type ValueService = ReturnType<typeof createValueService>;
