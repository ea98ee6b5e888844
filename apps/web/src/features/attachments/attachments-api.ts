import type { RecordType } from '@relata/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type Single } from '../../lib/api-client.ts';

export type Attachment = {
  id: string;
  recordType: string;
  recordId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string | null;
  createdAt: string;
  /** Served with `Content-Disposition: attachment`, so a plain link downloads it. */
  downloadUrl: string;
};

const key = (recordId: string) => ['attachments', recordId] as const;

export function useAttachments(recordId: string) {
  return useQuery({
    queryKey: key(recordId),
    queryFn: async ({ signal }) =>
      (
        await api<Page<Attachment>>('/attachments', {
          query: { 'filter[recordId][eq]': recordId, limit: 100 },
          signal,
        })
      ).data,
  });
}

/** Uploads and deletions change the list and add "attached"/"removed" rows to the timeline. */
function useInvalidate(recordId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: key(recordId) });
    void queryClient.invalidateQueries({ queryKey: ['timeline'] });
  };
}

export function useUploadAttachment(recordType: RecordType, recordId: string) {
  const invalidate = useInvalidate(recordId);
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.set('recordType', recordType);
      form.set('recordId', recordId);
      form.set('file', file, file.name);
      return (await api<Single<Attachment>>('/attachments', { method: 'POST', body: form })).data;
    },
    onSuccess: invalidate,
  });
}

export function useDeleteAttachment(recordId: string) {
  const invalidate = useInvalidate(recordId);
  return useMutation({
    mutationFn: (a: Attachment) => api<void>(`/attachments/${a.id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}
