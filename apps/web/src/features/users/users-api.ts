import type { Language, Permissions } from '@relata/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api-client.ts';

export type User = {
  id: string;
  email: string;
  name: string;
  role: string;
  teamId: string | null;
  language: Language;
  active: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  version?: number;
};

export type Team = { id: string; name: string; description: string; version?: number };
export type Role = {
  key: string;
  name: string;
  description: string;
  permissions: Permissions;
  builtin: boolean;
};

export function useUsers() {
  return useQuery({
    queryKey: ['users'],
    queryFn: async ({ signal }) => (await api<Page<User>>('/users', { query: { limit: 200 }, signal })).data,
    staleTime: 60_000,
  });
}

/** id → name, for owner columns and audit actors. */
export function useUserNames(): Map<string, string> {
  const { data } = useUsers();
  const map = new Map<string, string>();
  for (const u of data ?? []) map.set(u.id, u.name);
  return map;
}

export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: async ({ signal }) => (await api<Page<Team>>('/teams', { query: { limit: 200 }, signal })).data,
    staleTime: 60_000,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: async ({ signal }) => (await api<Page<Role>>('/roles', { query: { limit: 200 }, signal })).data,
    staleTime: 60_000,
  });
}

type Resource = 'users' | 'teams' | 'roles';

/** Create, update and delete for the settings resources; keys are refreshed afterwards. */
export function useSettingsMutation<TInput>(resource: Resource, fn: (input: TInput) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [resource] });
      if (resource === 'users') void queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
