import type {
  CustomerType,
  DriverAttribute,
  DriverRow,
  FlowCellView,
  FlowState,
  FlowSummary,
  HoldoutBin,
  LifecycleState,
  Tier,
  ValueSettings,
  ValueSettingsUpdate,
} from '@relata/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiVersioned, type Page, type Single } from '../../lib/api-client.ts';

export type { CustomerType, LifecycleState };

// Money in value responses is in whole company-currency minor units: the API rounds it, so the
// domain's types (DriverRow, FlowCellView, FlowSummary, …) describe the responses as they are.

type ValueModel = ValueSettings['model'];

/** The compact value on contact and account list items. */
export type ListValue = {
  tier: string | null;
  clv: number | null;
  pAlive: number | null;
  historicalValue: number | null;
  lifecycleState: LifecycleState;
  rfmScore: string | null;
  lastPurchaseOn: string | null;
  /** The currency of `clv` and `historicalValue`: the company currency. */
  currency: string;
};

/** The full value of one customer in the 360° view (CLV and spend in company-currency minor units). */
export type CustomerValue = {
  tier: string | null;
  clv: number | null;
  pAlive: number | null;
  expectedPurchases: number | null;
  expectedSpend: number | null;
  historicalValue: number;
  purchases: number;
  firstPurchaseOn: string;
  lastPurchaseOn: string;
  rfm: { r: number | null; f: number | null; m: number | null; score: string | null };
  lifecycleState: LifecycleState;
  lifecycleSince: string | null;
  acquisitionChannel: string | null;
  firstCategory: string | null;
  currency: string;
  scoredAt: string;
  /** The run that scored the customer: its horizon, as-of day and purchase model (absent if it is gone). */
  horizonMonths?: number;
  asOf?: string;
  model?: ValueModel;
};

/** A customer without purchases. */
export type ProspectValue = { lifecycleState: 'prospect'; tier: null; clv: null };

export const isScored = (v: CustomerValue | ProspectValue): v is CustomerValue => 'purchases' in v;

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export type Holdout = {
  days: number;
  bins: HoldoutBin[];
  customers?: number;
  actual?: number;
  predicted?: number;
  calibrationEnd?: string;
};
export type SpendModel = {
  model?: string;
  p?: number;
  q?: number;
  gamma?: number;
  converged?: boolean;
  customers?: number;
  meanSpend?: number;
  logLikelihood?: number;
  standardErrors?: Record<string, number | null> | null;
};

export type ValueRun = {
  id: string;
  customerType: CustomerType;
  model: ValueModel;
  status: RunStatus;
  trigger: string;
  asOf: string;
  unit: ValueSettings['unit'];
  horizonMonths: number;
  monthlyDiscount: number;
  holdoutDays: number | null;
  params: Record<string, number> | null;
  standardErrors: Record<string, number | null> | null;
  logLikelihood: number | null;
  spend: SpendModel | null;
  holdout: Holdout | null;
  customers: number | null;
  repeatCustomers: number | null;
  /** Customers whose prediction the model could not compute: no CLV, P(alive) or tier. */
  unscoredCustomers: number;
  orderCount: number | null;
  totalClv: number | null;
  warnings: string[];
  timings: Record<string, number>;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type TierRow = Tier & {
  customers: number;
  share: number;
  clv: number;
  meanClv: number | null;
  historicalValue: number;
  meanPAlive: number | null;
};

export type ValueSummary = {
  customerType: CustomerType;
  currency: string;
  run: ValueRun | null;
  latestRun: ValueRun | null;
  tiers: TierRow[];
  lifecycle: { state: LifecycleState; customers: number; clv: number }[];
  distribution: {
    customers: number;
    total: number;
    mean: number | null;
    median: number | null;
    max: number | null;
    bins: { from: number; to: number; customers: number }[];
  };
};

export type Drivers = { attribute: DriverAttribute; currency: string; rows: DriverRow[] };

export type Flows = {
  from: string;
  to: string;
  currency: string;
  states: FlowState[];
  cells: FlowCellView[];
  baseFlows: FlowSummary[];
  customers: number;
};

export const valueKeys = {
  all: ['value'] as const,
  summary: (type: CustomerType) => ['value', 'summary', type] as const,
  run: (id: string) => ['value', 'run', id] as const,
  drivers: (type: CustomerType, attribute: DriverAttribute) => ['value', 'drivers', type, attribute] as const,
  flows: (type: CustomerType, from: string, to: string) => ['value', 'flows', type, from, to] as const,
  settings: ['value', 'settings'] as const,
};

export function useValueSummary(type: CustomerType) {
  return useQuery({
    queryKey: valueKeys.summary(type),
    queryFn: async ({ signal }) =>
      (await api<Single<ValueSummary>>('/value/summary', { query: { customerType: type }, signal })).data,
    placeholderData: keepPreviousData,
  });
}

const finished = (s: RunStatus | undefined) => s === 'succeeded' || s === 'failed';

/** One run, polled every second until it has finished. */
export function useValueRun(id: string | null) {
  return useQuery({
    queryKey: valueKeys.run(id ?? ''),
    queryFn: async ({ signal }) => (await api<Single<ValueRun>>(`/value/runs/${id}`, { signal })).data,
    enabled: Boolean(id),
    refetchInterval: (q) => (finished(q.state.data?.status) ? false : 1000),
  });
}

export function useRecentRuns(type: CustomerType) {
  return useQuery({
    queryKey: ['value', 'runs', type],
    queryFn: async ({ signal }) =>
      (await api<Page<ValueRun>>('/value/runs', { query: { customerType: type, limit: 5 }, signal })).data,
  });
}

export function useRequestRun() {
  return useMutation({
    mutationFn: async (body: { customerType: CustomerType }) =>
      (await api<Single<ValueRun>>('/value/runs', { method: 'POST', body })).data,
  });
}

export function useDrivers(type: CustomerType, attribute: DriverAttribute) {
  return useQuery({
    queryKey: valueKeys.drivers(type, attribute),
    queryFn: async ({ signal }) =>
      (
        await api<Single<Drivers>>('/value/drivers', {
          query: { customerType: type, attribute },
          signal,
        })
      ).data,
    placeholderData: keepPreviousData,
  });
}

export function useFlows(type: CustomerType, from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: valueKeys.flows(type, from, to),
    queryFn: async ({ signal }) =>
      (await api<Single<Flows>>('/flows', { query: { customerType: type, from, to }, signal })).data,
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The settings with the version of their `ETag`, sent back as If-Match when saving them. */
export type VersionedValueSettings = { settings: ValueSettings; version: number | null };

const fetchValueSettings = async (signal: AbortSignal): Promise<VersionedValueSettings> => {
  const { body, version } = await apiVersioned<Single<ValueSettings>>('/value/settings', { signal });
  return { settings: body.data, version };
};

/** The settings with their version, for the settings tab: read afresh whenever the tab opens. */
export function useVersionedValueSettings() {
  return useQuery({
    queryKey: valueKeys.settings,
    queryFn: ({ signal }) => fetchValueSettings(signal),
    staleTime: 5 * 60_000,
    refetchOnMount: 'always',
  });
}

/** The settings alone (tiers and currency for list filters). */
export function useValueSettings(enabled = true) {
  return useQuery({
    queryKey: valueKeys.settings,
    queryFn: ({ signal }) => fetchValueSettings(signal),
    select: (d) => d.settings,
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** Saves a change with If-Match; a 412 `precondition_failed` means someone else saved in between. */
export function useUpdateValueSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ patch, version }: { patch: ValueSettingsUpdate; version: number | null }) => {
      const { body, version: saved } = await apiVersioned<Single<ValueSettings>>('/value/settings', {
        method: 'PATCH',
        body: patch,
        version: version ?? undefined,
      });
      return { settings: body.data, version: saved } satisfies VersionedValueSettings;
    },
    onSuccess: (saved) => queryClient.setQueryData(valueKeys.settings, saved),
  });
}
