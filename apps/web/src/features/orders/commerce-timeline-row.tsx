import { Badge, Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { IconReceipt, IconShoppingCart } from '../../ui/icons-commerce.tsx';
import type { TimelineItem } from '../interactions/interactions-api.ts';
import { TimelineRow } from '../interactions/timeline-row.tsx';
import { DeliveryBadge, OrderStatusBadge } from './order-badges.tsx';

type Item = Extract<TimelineItem, { kind: 'order' | 'invoice' }>;

/** An order or invoice on a record's timeline: icon, number, total and status. */
export function CommerceRow({ item, onOpenOrder }: { item: Item; onOpenOrder?: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (item.kind === 'order') {
    const title = t('orders.orderNumber', { number: item.number });
    return (
      <TimelineRow
        icon={<IconShoppingCart size={16} />}
        color={item.open ? 'blue' : 'teal'}
        at={item.occurredAt}
        title={
          <>
            <Group gap={6} wrap="nowrap">
              {onOpenOrder ? (
                <UnstyledButton onClick={() => onOpenOrder(item.id)} fw={600} fz="sm" td="underline">
                  {title}
                </UnstyledButton>
              ) : (
                <Text size="sm" fw={600}>
                  {title}
                </Text>
              )}
              <OrderStatusBadge status={item.status} />
              {item.open && <DeliveryBadge status={item.deliveryStatus} />}
            </Group>
            <Text size="xs" c="dimmed">
              {formatMoney(item.total, item.currency, lang)}
              {item.open &&
                item.estimatedDelivery &&
                ` · ${t('orders.eta', { date: formatDate(item.estimatedDelivery, lang) })}`}
            </Text>
          </>
        }
      />
    );
  }
  return (
    <TimelineRow
      icon={<IconReceipt size={16} />}
      color={item.overdue ? 'red' : item.status === 'paid' ? 'teal' : 'gray'}
      at={item.occurredAt}
      title={
        <>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={600}>
              {t('invoices.invoiceNumber', { number: item.number })}
            </Text>
            <Badge
              size="sm"
              variant="outline"
              color={item.overdue ? 'red' : item.status === 'paid' ? 'teal' : 'gray'}
            >
              {item.overdue ? t('invoices.overdue') : t(`invoices.statuses.${item.status}`)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {formatMoney(item.amount, item.currency, lang)}
            {item.status === 'open' && ` · ${t('invoices.due', { date: formatDate(item.dueOn, lang) })}`}
          </Text>
        </>
      }
    />
  );
}
