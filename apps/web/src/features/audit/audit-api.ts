import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api-client.ts';

export type AuditEntry = {
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  recordType: string;
  recordId: string;
  changes: Record<string, { from: unknown; to: unknown }> | null;
};

export function useAudit(recordId: string) {
  return useQuery({
    queryKey: ['audit', recordId],
    queryFn: ({ signal }) => api<Page<AuditEntry>>('/audit', { query: { recordId, limit: 50 }, signal }),
  });
}
