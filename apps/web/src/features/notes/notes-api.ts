import type { NoteCreate } from '@relata/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Single } from '../../lib/api-client.ts';
import type { Note } from '../interactions/interactions-api.ts';

/** Notes show on the timeline (and their audit rows too), so every change refreshes it. */
function useInvalidateTimeline() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['timeline'] });
}

export function useCreateNote() {
  const invalidate = useInvalidateTimeline();
  return useMutation({
    mutationFn: async (body: NoteCreate) =>
      (await api<Single<Note>>('/notes', { method: 'POST', body })).data,
    onSuccess: invalidate,
  });
}

export function useUpdateNote() {
  const invalidate = useInvalidateTimeline();
  return useMutation({
    mutationFn: async ({ note, body }: { note: Note; body: string }) =>
      (
        await api<Single<Note>>(`/notes/${note.id}`, {
          method: 'PATCH',
          body: { body },
          version: note.version,
        })
      ).data,
    onSuccess: invalidate,
  });
}

export function useDeleteNote() {
  const invalidate = useInvalidateTimeline();
  return useMutation({
    mutationFn: (note: Note) => api<void>(`/notes/${note.id}`, { method: 'DELETE', version: note.version }),
    onSuccess: invalidate,
  });
}
