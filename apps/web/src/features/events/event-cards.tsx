import { Button, Group, Stack, Text } from '@mantine/core';
import type { DeliveryStatus, LifecycleState } from '@relata/domain';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatMoney, formatPhone, formatRelative } from '../../lib/format.ts';
import type { Task } from '../tasks/tasks-api.ts';
import { LifecycleBadge, TierBadge } from '../value/value-badges.tsx';

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
  /** Null when the user may not read customer value. */
  tier: string | null;
  clv: number | null;
  currency: string;
  lifecycleState: LifecycleState | null;
  creditScore: number | null;
  openOrders: {
    id: string;
    number: string;
    deliveryStatus: DeliveryStatus;
    estimatedDelivery: string | null;
  }[];
  activeWarranties: number;
  openCases: number;
  openDeals?: { id: string }[];
};

export type ScreenPop = { callId: string; callerNumber: string; cards: CallerCard[] };

export const screenPopTitle = (pop: ScreenPop, t: TFunction) =>
  pop.cards.length
    ? t('events.incomingCall', { number: formatPhone(pop.callerNumber) })
    : t('events.unknownCaller', { number: formatPhone(pop.callerNumber) });

/**
 * Tier, CLV, credit score, warranties, open cases and deals, and open deliveries of a caller, as far
 * as the user may see.
 */
function CardValue({ card }: { card: CallerCard }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const facts = [
    card.clv !== null ? t('events.clv', { clv: formatMoney(card.clv, card.currency, lang, true) }) : null,
    card.creditScore !== null ? t('events.creditScore', { score: card.creditScore }) : null,
    card.activeWarranties > 0 ? t('events.warranties', { count: card.activeWarranties }) : null,
    card.openCases > 0 ? t('events.openCases', { count: card.openCases }) : null,
    card.openDeals?.length ? t('events.openDeals', { count: card.openDeals.length }) : null,
  ].filter(Boolean);
  return (
    <>
      {(card.tier || card.lifecycleState || facts.length > 0) && (
        <Group gap={6} wrap="wrap">
          {card.tier && <TierBadge tier={card.tier} size="sm" />}
          {card.lifecycleState && <LifecycleBadge state={card.lifecycleState} size="sm" />}
          <Text size="xs" c="var(--mantine-color-text)">
            {facts.join(' · ')}
          </Text>
        </Group>
      )}
      {card.openOrders.slice(0, 3).map((o) => (
        <Text key={o.id} size="xs" c="var(--mantine-color-text)">
          {t('events.delivery', {
            number: o.number,
            status: t(`orders.delivery.${o.deliveryStatus}`),
          })}
          {o.estimatedDelivery && ` · ${t('orders.eta', { date: formatDate(o.estimatedDelivery, lang) })}`}
        </Text>
      ))}
    </>
  );
}

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
            <CardValue card={card} />
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
