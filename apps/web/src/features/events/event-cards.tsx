import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatPhone, formatRelative } from '../../lib/format.ts';
import type { Task } from '../tasks/tasks-api.ts';

/** A caller as the server's look-up describes them. */
export type CallerCard = {
  type: 'contact' | 'account';
  id: string;
  title: string;
  subtitle: string | null;
  email: string | null;
  phone: string | null;
  ownerName: string | null;
  accounts: { id: string; name: string }[];
  openTasks: number;
  lastInteractionAt: string | null;
};

export type ScreenPop = { callId: string; callerNumber: string; cards: CallerCard[] };

export const screenPopTitle = (pop: ScreenPop, t: ReturnType<typeof useTranslation>['t']) =>
  pop.cards.length
    ? t('events.incomingCall', { number: formatPhone(pop.callerNumber) })
    : t('events.unknownCaller', { number: formatPhone(pop.callerNumber) });

/** The body of an incoming-call notification: who may be calling, with a button to open them. */
export function ScreenPopBody({ pop, onOpen }: { pop: ScreenPop; onOpen: (card: CallerCard) => void }) {
  const { t, i18n } = useTranslation();
  if (!pop.cards.length) return <Text size="sm">{t('events.noMatch')}</Text>;
  return (
    <Stack gap="sm" mt={4}>
      {pop.cards.slice(0, 3).map((card) => {
        const company = card.accounts.map((a) => a.name).join(', ') || card.subtitle;
        return (
          <Stack key={card.id} gap={2} data-testid="caller-card">
            <Text size="sm" fw={700} c="var(--mantine-color-text)">
              {card.title}
            </Text>
            {company && (
              <Text size="xs" c="dimmed">
                {company}
              </Text>
            )}
            <Text size="xs" c="var(--mantine-color-text)">
              {t('events.openTasks', { count: card.openTasks })} ·{' '}
              {card.lastInteractionAt
                ? t('events.lastInteraction', { when: formatRelative(card.lastInteractionAt, i18n.language) })
                : t('events.noInteraction')}
            </Text>
            <Group mt={4}>
              <Button size="compact-sm" onClick={() => onOpen(card)}>
                {t('events.open', { name: card.title })}
              </Button>
            </Group>
          </Stack>
        );
      })}
    </Stack>
  );
}

/** The body of a task reminder. */
export function ReminderBody({ task, onOpen }: { task: Task; onOpen?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={4} mt={2}>
      <Text size="sm" fw={600} c="var(--mantine-color-text)">
        {task.title}
      </Text>
      {task.dueAt && (
        <Text size="xs" c="dimmed">
          {t('events.due', { time: formatDateTime(task.dueAt, i18n.language) })}
        </Text>
      )}
      {onOpen && (
        <Group>
          <Button size="compact-sm" variant="light" onClick={onOpen}>
            {t('events.openRecord')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
