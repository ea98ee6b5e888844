import { erasureConfirmation } from '@relata/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiBlob, type Single } from '../../lib/api-client.ts';

export type ExportFormat = 'json' | 'zip';

/** What an erasure removed or blanked, by kind of record. */
export type ErasureCounts = Record<string, number>;

/** Saves a blob as a file through a temporary link. */
function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Everything held on the contact: JSON (`GET /contacts/{id}/export`) or a zip of CSVs (`?format=zip`). */
export function useExportContact(contactId: string) {
  return useMutation({
    mutationFn: async (format: ExportFormat) => {
      const { blob, filename } = await apiBlob(`/contacts/${contactId}/export`, {
        query: format === 'zip' ? { format } : undefined,
      });
      saveFile(blob, filename ?? `contact-${contactId}.${format}`);
    },
  });
}

/** The typed confirmation the API asks for (`ERASE <contact id>`). */
export const eraseConfirmation = erasureConfirmation;

/** Same rule as the server: the word ERASE and the id (in any case), nothing else. */
export function confirms(text: string, contactId: string): boolean {
  const [word, id, ...rest] = text.trim().split(/\s+/);
  return word === 'ERASE' && id?.toLowerCase() === contactId.toLowerCase() && rest.length === 0;
}

export function useEraseContact(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (confirm: string) =>
      (
        await api<Single<{ erased: true; removed: ErasureCounts }>>(`/contacts/${contactId}/erase`, {
          method: 'POST',
          body: { confirm },
        })
      ).data,
    // Erasure touches the contact and everything about it (timeline, relationships, accounts' NPS…).
    onSuccess: () => void queryClient.invalidateQueries(),
  });
}
