import { Alert, Center, Drawer, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../lib/format.ts';
import { OrderCustomer } from './customer-link.tsx';
import { DeliveryBadge, OrderStatusBadge } from './order-badges.tsx';
import { type Order, useOrder } from './orders-api.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function OrderDetail({ order }: { order: Order }) {
  const { t, i18n } = useTranslation();
  const money = (v: number) => formatMoney(v, order.currency, i18n.language);
  const lines = order.lines ?? [];
  return (
    <Stack gap="lg">
      <Group gap="xs">
        <OrderStatusBadge status={order.status} />
        <DeliveryBadge status={order.deliveryStatus} />
      </Group>
      <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
        <Fact label={t('orders.customer')}>
          <OrderCustomer customer={order.customer} />
        </Fact>
        <Fact label={t('orders.orderedAt')}>{formatDateTime(order.orderedAt, i18n.language)}</Fact>
        <Fact label={t('orders.estimatedDelivery')}>
          {order.estimatedDelivery ? formatDate(order.estimatedDelivery, i18n.language) : '—'}
        </Fact>
        <Fact label={t('orders.deliveredAt')}>
          {order.deliveredAt ? formatDate(order.deliveredAt, i18n.language) : '—'}
        </Fact>
        <Fact label={t('orders.channel')}>{order.channel ?? '—'}</Fact>
        <Fact label={t('orders.total')}>
          <Text span fw={700}>
            {money(order.total)}
          </Text>
        </Fact>
      </SimpleGrid>
      <div>
        <Title order={3} fz="sm" mb="xs">
          {t('orders.lines')}
        </Title>
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={6} aria-label={t('orders.lines')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('orders.item')}</Table.Th>
                <Table.Th ta="right">{t('orders.quantity')}</Table.Th>
                <Table.Th ta="right">{t('orders.unitPrice')}</Table.Th>
                <Table.Th ta="right">{t('orders.discount')}</Table.Th>
                <Table.Th ta="right">{t('orders.lineTotal')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {l.description || l.sku || '—'}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[l.sku, l.category].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(l.quantity, i18n.language, 3)}</Table.Td>
                  <Table.Td ta="right">{money(l.unitPrice)}</Table.Td>
                  <Table.Td ta="right">{l.discountPercent ? `${l.discountPercent} %` : '—'}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {money(l.lineTotal)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={4} ta="right">
                  {t('orders.total')}
                </Table.Th>
                <Table.Th ta="right">{money(order.total)}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </div>
      {order.notes && (
        <Fact label={t('orders.notes')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {order.notes}
          </Text>
        </Fact>
      )}
    </Stack>
  );
}

/** An order with its lines, opened from lists, record pages and timelines. */
export function OrderDrawer({ orderId, onClose }: { orderId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const order = useOrder(orderId);
  return (
    <Drawer
      opened={Boolean(orderId)}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        <Text fw={700} size="lg">
          {order.data ? t('orders.orderNumber', { number: order.data.number }) : t('orders.order')}
        </Text>
      }
    >
      {order.isPending ? (
        <Center py="xl">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : order.isError ? (
        <Alert color="red">{errorMessage(order.error, t)}</Alert>
      ) : (
        <OrderDetail order={order.data} />
      )}
    </Drawer>
  );
}
