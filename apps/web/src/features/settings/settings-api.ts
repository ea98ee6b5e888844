import { api, type Single } from '../../lib/api-client.ts';

/** Small helpers for settings resources. `version` is sent as If-Match when the API provides it. */
export const settingsApi = {
  create: <T>(path: string, body: unknown) =>
    api<Single<T>>(path, { method: 'POST', body }).then((r) => r.data),
  update: <T>(path: string, body: unknown, version?: number) =>
    api<Single<T>>(path, { method: 'PATCH', body, version }).then((r) => r.data),
  remove: (path: string, version?: number) => api<void>(path, { method: 'DELETE', version }),
};
