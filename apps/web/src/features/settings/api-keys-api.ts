import type { ApiKeyScope } from '@relata/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api-client.ts';
import { settingsApi } from './settings-api.ts';

const apiKeysKey = ['api-keys'] as const;

export type ApiKey = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  userId: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  secret?: string;
};

export function useApiKeys() {
  return useQuery({
    queryKey: apiKeysKey,
    queryFn: async ({ signal }) =>
      (await api<Page<ApiKey>>('/api-keys', { query: { limit: 200 }, signal })).data,
  });
}

/** Create and revoke; the list is refreshed afterwards. */
export function useApiKeyMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => void queryClient.invalidateQueries({ queryKey: apiKeysKey });
  const create = useMutation({
    mutationFn: (body: unknown) => settingsApi.create<ApiKey>('/api-keys', body),
    onSuccess,
  });
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => settingsApi.remove(`/api-keys/${key.id}`),
    onSuccess,
  });
  return { create, revoke };
}
