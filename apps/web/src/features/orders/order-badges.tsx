import { Badge, type MantineColor } from '@mantine/core';
import type { DeliveryStatus, OrderStatus } from '@relata/domain';
import { useTranslation } from 'react-i18next';

const statusColors: Record<OrderStatus, MantineColor> = {
  draft: 'gray',
  confirmed: 'blue',
  fulfilled: 'teal',
  cancelled: 'gray',
  returned: 'orange',
};

const deliveryColors: Record<DeliveryStatus, MantineColor> = {
  not_shipped: 'gray',
  preparing: 'yellow',
  shipped: 'blue',
  in_transit: 'indigo',
  delivered: 'teal',
  failed: 'red',
  returned: 'orange',
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="outline" color={statusColors[status]}>
      {t(`orders.statuses.${status}`)}
    </Badge>
  );
}

export function DeliveryBadge({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={deliveryColors[status]}>
      {t(`orders.delivery.${status}`)}
    </Badge>
  );
}
