/** Service desk set-up as the API presents it: queues, business calendars, SLA policies, settings. */
import type { ServiceSettings, ServiceSettingsUpdate, SlaTargets, Weekday } from '@relata/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiVersioned, type Page, type Single } from '../../lib/api-client.ts';

type Stamps = { createdAt: string; updatedAt: string; version: number };

export type Queue = {
  id: string;
  name: string;
  description: string;
  teamId: string | null;
  escalationUserId: string | null;
  active: boolean;
} & Stamps;

export type WeeklyHours = Partial<Record<Weekday, [string, string][]>>;

export type BusinessCalendar = {
  id: string;
  name: string;
  timezone: string;
  hours: WeeklyHours;
  holidays: string[];
} & Stamps;

export type SlaPolicy = {
  id: string;
  name: string;
  position: number;
  active: boolean;
  tiers: string[];
  calendarId: string | null;
  targets: SlaTargets;
  warnAtPercent: number;
} & Stamps;

export type SetupResource = 'queues' | 'business-calendars' | 'sla-policies';

export const serviceKeys = {
  setup: (resource: SetupResource) => ['service-setup', resource] as const,
  settings: ['service-settings'] as const,
};

/** A small admin collection: the first 200 are all there are in practice. */
function useSetup<T>(resource: SetupResource, enabled = true) {
  return useQuery({
    queryKey: serviceKeys.setup(resource),
    queryFn: async ({ signal }) =>
      (await api<Page<T>>(`/${resource}`, { query: { limit: 200 }, signal })).data,
    staleTime: 60_000,
    enabled,
  });
}

export const useQueues = (enabled = true) => useSetup<Queue>('queues', enabled);
export const useCalendars = (enabled = true) => useSetup<BusinessCalendar>('business-calendars', enabled);
export const useSlaPolicies = (enabled = true) => useSetup<SlaPolicy>('sla-policies', enabled);

/** Creates, changes (If-Match) or deletes a row of a set-up collection. */
export function useSetupMutation<T extends { id: string; version: number }>(resource: SetupResource) {
  const queryClient = useQueryClient();
  const invalidate = () => void queryClient.invalidateQueries({ queryKey: serviceKeys.setup(resource) });
  const save = useMutation({
    mutationFn: async ({ row, body }: { row: T | null; body: unknown }) =>
      row
        ? (await api<Single<T>>(`/${resource}/${row.id}`, { method: 'PATCH', body, version: row.version }))
            .data
        : (await api<Single<T>>(`/${resource}`, { method: 'POST', body })).data,
    onSuccess: invalidate,
  });
  const remove = useMutation({
    mutationFn: (row: T) => api<void>(`/${resource}/${row.id}`, { method: 'DELETE', version: row.version }),
    onSuccess: invalidate,
  });
  return { save, remove };
}

export type VersionedServiceSettings = { settings: ServiceSettings; version: number | null };

export function useServiceSettings() {
  return useQuery({
    queryKey: serviceKeys.settings,
    queryFn: async ({ signal }): Promise<VersionedServiceSettings> => {
      const { body, version } = await apiVersioned<Single<ServiceSettings>>('/service-settings', { signal });
      return { settings: body.data, version };
    },
    refetchOnMount: 'always',
  });
}

/** Saves with If-Match; a 412 means another admin saved in between. */
export function useUpdateServiceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ patch, version }: { patch: ServiceSettingsUpdate; version: number | null }) => {
      const { body, version: saved } = await apiVersioned<Single<ServiceSettings>>('/service-settings', {
        method: 'PATCH',
        body: patch,
        version: version ?? undefined,
      });
      return { settings: body.data, version: saved } satisfies VersionedServiceSettings;
    },
    onSuccess: (saved) => queryClient.setQueryData(serviceKeys.settings, saved),
  });
}
