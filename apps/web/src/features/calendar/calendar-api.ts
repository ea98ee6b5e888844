import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Single } from '../../lib/api-client.ts';

type Feed = { calendarFeedUrl: string };
const feedKey = ['me', 'calendar'] as const;

/** The signed-in user's private iCalendar feed URL (the server makes the token on first ask). */
export function useCalendarFeed(enabled: boolean) {
  return useQuery({
    queryKey: feedKey,
    queryFn: async ({ signal }) => (await api<Single<Feed>>('/me/calendar', { signal })).data.calendarFeedUrl,
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A new secret: the old URL stops working at once. */
export function useResetCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      (await api<Single<Feed>>('/me/calendar/reset', { method: 'POST' })).data.calendarFeedUrl,
    onSuccess: (url) => queryClient.setQueryData(feedKey, url),
  });
}

export type ImportedMeeting = { id: string; uid: string; created: boolean };

/** Imports the events of an .ics file as planned meetings, on a contact when given. */
export function useImportCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ ics, contactId }: { ics: string; contactId?: string }) =>
      (
        await api<Single<ImportedMeeting[]>>('/calendar/import', {
          method: 'POST',
          body: contactId ? { ics, contactId } : { ics },
        })
      ).data,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
      void queryClient.invalidateQueries({ queryKey: ['interactions'] });
    },
  });
}
