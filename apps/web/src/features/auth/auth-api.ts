import {
  type Action,
  type Actor,
  can,
  type Language,
  type Owned,
  type Permissions,
  type Resource,
} from '@relata/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Single, setCsrfToken } from '../../lib/api-client.ts';

export type Me = {
  id: string;
  email: string;
  name: string;
  role: string;
  teamId: string | null;
  language: Language | null;
  permissions: Permissions;
  csrfToken: string;
};

export const meQueryKey = ['me'] as const;

export async function fetchMe(): Promise<Me> {
  const res = await api<Single<Me>>('/me');
  setCsrfToken(res.data.csrfToken);
  return res.data;
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, retry: false, staleTime: 5 * 60_000 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { email: string; password: string }) => {
      const res = await api<Single<{ user: Omit<Me, 'csrfToken'>; csrfToken: string }>>('/auth/login', {
        method: 'POST',
        body: input,
      });
      setCsrfToken(res.data.csrfToken);
      return res.data;
    },
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
    },
  });
}

function actorOf(me: Me): Actor {
  return {
    kind: 'user',
    userId: me.id,
    teamId: me.teamId,
    name: me.name,
    role: me.role,
    permissions: me.permissions,
  };
}

/** Whether the signed-in user may do an action; used to hide buttons (the server decides). */
export function useCan(): (action: Action, resource: Resource, record?: Owned) => boolean {
  const { data: me } = useMe();
  return (action, resource, record) => (me ? can(actorOf(me), action, resource, record) : false);
}
