import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { RecordType } from '@relata/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { IconShield } from '../../ui/icons.tsx';
import { IconReceipt, IconShoppingCart } from '../../ui/icons-commerce.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { DeliveryBadge, OrderStatusBadge } from './order-badges.tsx';
import { OrderDrawer } from './order-drawer.tsx';
import classes from './orders.module.css';
import { type OrderSummary, useCustomer360 } from './orders-api.ts';

function OrderRow({ order, onOpen }: { order: OrderSummary; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <UnstyledButton
      onClick={onOpen}
      className={classes.row}
      aria-label={t('orders.openOrder', { number: order.number })}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={600}>
              {order.number}
            </Text>
            {order.open ? (
              <DeliveryBadge status={order.deliveryStatus} />
            ) : (
              <OrderStatusBadge status={order.status} />
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {formatDate(order.orderedAt, lang)}
            {order.open &&
              order.estimatedDelivery &&
              ` · ${t('orders.eta', { date: formatDate(order.estimatedDelivery, lang) })}`}
          </Text>
        </div>
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          {formatMoney(order.total, order.currency, lang)}
        </Text>
      </Group>
    </UnstyledButton>
  );
}

/** Open orders (with delivery status and estimate) first, then the latest; a click opens the order. */
export function OrdersPanel({ type, id }: { type: RecordType; id: string }) {
  const { t } = useTranslation();
  const view = useCustomer360(type, id);
  const [openId, setOpenId] = useState<string | null>(null);
  const orders = view.data?.orders ?? [];
  const open = orders.filter((o) => o.open);
  const past = orders.filter((o) => !o.open);
  return (
    <SectionCard
      id="orders"
      title={t('orders.title')}
      icon={<IconShoppingCart size={16} />}
      count={open.length}
    >
      {orders.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('orders.none')}
        </Text>
      ) : (
        <Stack gap={4}>
          {open.length > 0 && (
            <Text size="xs" fw={600} c="dimmed" tt="uppercase">
              {t('orders.openOrders')}
            </Text>
          )}
          {open.map((o) => (
            <OrderRow key={o.id} order={o} onOpen={() => setOpenId(o.id)} />
          ))}
          {past.length > 0 && (
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt={open.length ? 'xs' : 0}>
              {t('orders.recentOrders')}
            </Text>
          )}
          {past.map((o) => (
            <OrderRow key={o.id} order={o} onOpen={() => setOpenId(o.id)} />
          ))}
        </Stack>
      )}
      <OrderDrawer orderId={openId} onClose={() => setOpenId(null)} />
    </SectionCard>
  );
}

/** Open invoices, overdue ones highlighted; hidden when there are none. */
export function InvoicesPanel({ type, id }: { type: RecordType; id: string }) {
  const { t, i18n } = useTranslation();
  const view = useCustomer360(type, id);
  const invoices = view.data?.invoices ?? [];
  if (!invoices.length) return null;
  const lang = i18n.language;
  const overdue = invoices.filter((i) => i.overdue).length;
  return (
    <SectionCard
      id="invoices"
      title={t('invoices.open')}
      icon={<IconReceipt size={16} />}
      count={invoices.length}
      actions={
        overdue > 0 && (
          <Badge color="red" variant="filled" size="sm">
            {t('invoices.overdueCount', { count: overdue })}
          </Badge>
        )
      }
    >
      <Stack gap={4}>
        {invoices.map((inv) => (
          <Group
            key={inv.id}
            justify="space-between"
            wrap="nowrap"
            className={inv.overdue ? `${classes.item} ${classes.overdue}` : classes.item}
          >
            <div>
              <Group gap={6}>
                <Text size="sm" fw={600}>
                  {inv.number}
                </Text>
                {inv.overdue && (
                  <Badge size="xs" color="red">
                    {t('invoices.overdue')}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c={inv.overdue ? 'red.7' : 'dimmed'}>
                {t('invoices.due', { date: formatDate(inv.dueOn, lang) })}
              </Text>
            </div>
            <div style={{ textAlign: 'right' }}>
              <Text size="sm" fw={600}>
                {formatMoney(inv.outstanding, inv.currency, lang)}
              </Text>
              {inv.outstanding !== inv.amount && (
                <Text size="xs" c="dimmed">
                  {t('invoices.ofAmount', { amount: formatMoney(inv.amount, inv.currency, lang) })}
                </Text>
              )}
            </div>
          </Group>
        ))}
      </Stack>
    </SectionCard>
  );
}

/** Warranties in force with their product, serial number and end date; hidden when there are none. */
export function WarrantiesPanel({ type, id }: { type: RecordType; id: string }) {
  const { t, i18n } = useTranslation();
  const view = useCustomer360(type, id);
  const warranties = view.data?.warranties ?? [];
  if (!warranties.length) return null;
  return (
    <SectionCard
      id="warranties"
      title={t('warranties.title')}
      icon={<IconShield size={16} />}
      count={warranties.length}
    >
      <Stack gap={4}>
        {warranties.map((w) => (
          <Group key={w.id} justify="space-between" wrap="nowrap" className={classes.item}>
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} truncate title={w.product?.name}>
                {w.product?.name || t('warranties.product')}
              </Text>
              {(w.product?.sku || w.serialNumber) && (
                <Text size="xs" c="dimmed">
                  {[w.product?.sku, w.serialNumber && t('warranties.serial', { serial: w.serialNumber })]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              )}
            </div>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('warranties.until', { date: formatDate(w.endsOn, i18n.language) })}
            </Text>
          </Group>
        ))}
      </Stack>
    </SectionCard>
  );
}
