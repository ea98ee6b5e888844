import { Avatar, Button, Group, Stack, Text } from '@mantine/core';
import type { RecordType } from '@relata/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, initials } from '../../lib/format.ts';
import { IconUser } from '../../ui/icons.tsx';
import { IconShoppingCart } from '../../ui/icons-commerce.tsx';
import { AnchorLink } from '../../ui/router-links.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useCan } from '../auth/auth-api.ts';
import { DeliveryBadge, OrderStatusBadge } from '../orders/order-badges.tsx';
import { OrderDrawer } from '../orders/order-drawer.tsx';
import { type CustomerName, useCustomer360, useOrder } from '../orders/orders-api.ts';
import { recordRoute } from '../records/record-links.ts';
import { isScored } from '../value/value-api.ts';
import { LifecycleBadge, TierBadge } from '../value/value-badges.tsx';

function CustomerValue({ type, id }: { type: RecordType; id: string }) {
  const { t, i18n } = useTranslation();
  const view = useCustomer360(type, id);
  const value = view.data?.value;
  if (!value) return null;
  return (
    <Group gap={6} wrap="wrap">
      <TierBadge tier={value.tier} size="sm" />
      <LifecycleBadge state={value.lifecycleState} size="sm" />
      {isScored(value) && value.clv !== null && (
        <Text size="sm">
          {t('cases.clv', { clv: formatMoney(value.clv, value.currency, i18n.language, true) })}
        </Text>
      )}
    </Group>
  );
}

function LinkedOrder({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const order = useOrder(id);
  const [open, setOpen] = useState(false);
  if (!order.data) return null;
  const o = order.data;
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
        <IconShoppingCart size={16} />
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={600}>
              {o.number}
            </Text>
            {o.open ? <DeliveryBadge status={o.deliveryStatus} /> : <OrderStatusBadge status={o.status} />}
          </Group>
          <Text size="xs" c="dimmed">
            {formatDate(o.orderedAt, i18n.language)} · {formatMoney(o.total, o.currency, i18n.language)}
          </Text>
        </Stack>
      </Group>
      <Button size="compact-sm" variant="default" onClick={() => setOpen(true)}>
        {t('cases.openOrder', { number: o.number })}
      </Button>
      <OrderDrawer orderId={open ? id : null} onClose={() => setOpen(false)} />
    </Group>
  );
}

/** Who the case is for (with their value tier and CLV when the user may see value) and its order. */
export function CaseCustomerCard({
  customer,
  orderId,
}: {
  customer: CustomerName | null;
  orderId: string | null;
}) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <SectionCard id="customer" title={t('cases.customer')} icon={<IconUser size={16} />}>
      <Stack gap="sm">
        {customer ? (
          <Group gap="sm" wrap="nowrap">
            <Avatar radius={customer.type === 'account' ? 'sm' : 'xl'} color="initials" name={customer.name}>
              {initials(customer.name)}
            </Avatar>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <AnchorLink {...recordRoute(customer.type, customer.id)} fw={600} size="sm">
                {customer.name || t('orders.unknownCustomer')}
              </AnchorLink>
              <Text size="xs" c="dimmed">
                {t(`cases.${customer.type}`)}
              </Text>
            </Stack>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('cases.noCustomer')}
          </Text>
        )}
        {customer && can('read', 'value') && <CustomerValue type={customer.type} id={customer.id} />}
        {orderId && can('read', 'orders') && <LinkedOrder id={orderId} />}
      </Stack>
    </SectionCard>
  );
}
