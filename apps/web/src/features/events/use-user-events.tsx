import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { apiBase } from '../../lib/api-client.ts';
import { IconPhone } from '../../ui/icons.tsx';
import { IconBell } from '../../ui/icons-activity.tsx';
import { recordRoute } from '../records/record-links.ts';
import type { Task } from '../tasks/tasks-api.ts';
import { ReminderBody, type ScreenPop, ScreenPopBody, screenPopTitle } from './event-cards.tsx';

function parse<T>(e: MessageEvent): T | null {
  try {
    return JSON.parse(String(e.data)) as T;
  } catch {
    return null;
  }
}

/**
 * The signed-in user's Server-Sent Events, subscribed once while the app shell is mounted (the
 * browser reconnects by itself): incoming calls pop a persistent card, reminders a notice.
 */
export function useUserEvents() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // The latest helpers, so the stream is not reopened when the language changes.
  const latest = useRef({ t, navigate, queryClient });
  latest.current = { t, navigate, queryClient };

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`${apiBase}/events`, { withCredentials: true });

    source.addEventListener('screen_pop', (e) => {
      const pop = parse<ScreenPop>(e);
      if (!pop) return;
      const { t: tr, navigate: go } = latest.current;
      const id = `call-${pop.callId}`;
      notifications.show({
        id,
        position: 'top-right',
        autoClose: false,
        color: pop.cards.length ? 'brand' : 'gray',
        icon: <IconPhone size={18} />,
        title: screenPopTitle(pop, tr),
        message: (
          <ScreenPopBody
            pop={pop}
            onOpen={(card) => {
              notifications.hide(id);
              void go(recordRoute(card.type, card.id));
            }}
          />
        ),
      });
    });

    source.addEventListener('task.reminder', (e) => {
      const task = parse<Task>(e);
      if (!task) return;
      const { t: tr, navigate: go, queryClient: qc } = latest.current;
      void qc.invalidateQueries({ queryKey: ['tasks'] });
      const id = `reminder-${task.id}`;
      const target = task.contactId
        ? recordRoute('contact', task.contactId)
        : task.accountId
          ? recordRoute('account', task.accountId)
          : null;
      notifications.show({
        id,
        position: 'top-right',
        autoClose: false,
        color: 'orange',
        icon: <IconBell size={18} />,
        title: tr('events.reminder'),
        message: (
          <ReminderBody
            task={task}
            onOpen={
              target
                ? () => {
                    notifications.hide(id);
                    void go(target);
                  }
                : undefined
            }
          />
        ),
      });
    });

    return () => source.close();
  }, []);
}

/** Mounted once in the signed-in app shell. */
export function UserEvents() {
  useUserEvents();
  return null;
}
