import { Button, EmptyState, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { deliveryStatuses, orderStatuses } from '@relata/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate, formatMoney } from '../../lib/format.ts';
import type { FilterCondition } from '../../lib/list-query.ts';
import { usePagedRows } from '../../lib/paged-list.ts';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { IconShoppingCart } from '../../ui/icons-commerce.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { EmptyCell } from '../records/record-cells.tsx';
import { OrderCustomer } from './customer-link.tsx';
import { DeliveryBadge, OrderStatusBadge } from './order-badges.tsx';
import { OrderDrawer } from './order-drawer.tsx';
import { type Order, useOrders } from './orders-api.ts';

type OpenFilter = 'all' | 'open' | 'closed';

/** Every order, newest first: filter by status, delivery status and open; sort by date or total. */
export function OrdersList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [status, setStatus] = useState<string | null>(null);
  const [delivery, setDelivery] = useState<string | null>(null);
  const [open, setOpen] = useState<OpenFilter>('all');
  const [sort, setSort] = useState<string | undefined>(undefined);
  const [openId, setOpenId] = useState<string | null>(null);
  const filters = useMemo(() => {
    const out: FilterCondition[] = [];
    if (status) out.push({ field: 'status', op: 'eq', value: status });
    if (delivery) out.push({ field: 'deliveryStatus', op: 'eq', value: delivery });
    if (open !== 'all') out.push({ field: 'open', op: 'eq', value: String(open === 'open') });
    return out;
  }, [status, delivery, open]);
  const params = useMemo(() => ({ sort, filters, limit: 50 }), [sort, filters]);
  const list = useOrders(params);
  const { rows, table } = usePagedRows(list);
  const filtered = filters.length > 0;
  const columns = useMemo<Column<Order>[]>(
    () => [
      {
        key: 'number',
        header: t('orders.number'),
        sortKey: 'number',
        width: 'minmax(120px, 0.8fr)',
        render: (o) => (
          <Text size="sm" fw={600}>
            {o.number}
          </Text>
        ),
      },
      {
        key: 'customer',
        header: t('orders.customer'),
        width: 'minmax(180px, 1.4fr)',
        render: (o) => <OrderCustomer customer={o.customer} />,
      },
      {
        key: 'orderedAt',
        header: t('orders.orderedAt'),
        sortKey: 'orderedAt',
        width: 'minmax(120px, 0.8fr)',
        render: (o) => formatDate(o.orderedAt, lang),
      },
      {
        key: 'status',
        header: t('orders.status'),
        sortKey: 'status',
        width: 'minmax(110px, 0.7fr)',
        render: (o) => <OrderStatusBadge status={o.status} />,
      },
      {
        key: 'deliveryStatus',
        header: t('orders.deliveryStatus'),
        sortKey: 'deliveryStatus',
        width: 'minmax(120px, 0.8fr)',
        render: (o) => <DeliveryBadge status={o.deliveryStatus} />,
      },
      {
        key: 'estimatedDelivery',
        header: t('orders.estimatedDelivery'),
        sortKey: 'estimatedDelivery',
        width: 'minmax(190px, 1fr)',
        render: (o) => (o.estimatedDelivery ? formatDate(o.estimatedDelivery, lang) : <EmptyCell />),
      },
      {
        key: 'channel',
        header: t('orders.channel'),
        sortKey: 'channel',
        width: 'minmax(90px, 0.6fr)',
        render: (o) => o.channel ?? <EmptyCell />,
      },
      {
        key: 'total',
        header: t('orders.total'),
        sortKey: 'total',
        width: 'minmax(110px, 0.8fr)',
        render: (o) => (
          <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatMoney(o.total, o.currency, lang)}
          </Text>
        ),
      },
    ],
    [t, lang],
  );
  const clear = () => {
    setStatus(null);
    setDelivery(null);
    setOpen('all');
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('orders.title')} description={t('orders.description')} />
      <Group gap="sm" wrap="wrap">
        <SegmentedControl
          aria-label={t('orders.openFilter')}
          value={open}
          onChange={(v) => setOpen(v as OpenFilter)}
          data={[
            { value: 'all', label: t('orders.all') },
            { value: 'open', label: t('orders.openOnly') },
            { value: 'closed', label: t('orders.closedOnly') },
          ]}
        />
        <Select
          aria-label={t('orders.status')}
          placeholder={t('orders.anyStatus')}
          data={orderStatuses.map((s) => ({ value: s, label: t(`orders.statuses.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={180}
        />
        <Select
          aria-label={t('orders.deliveryStatus')}
          placeholder={t('orders.anyDelivery')}
          data={deliveryStatuses.map((s) => ({ value: s, label: t(`orders.delivery.${s}`) }))}
          value={delivery}
          onChange={setDelivery}
          clearable
          w={200}
        />
      </Group>
      <DataTable
        label={t('orders.title')}
        columns={columns}
        rows={rows}
        rowKey={(o) => o.id}
        rowLabel={(o) => o.number}
        sort={sort}
        onSortChange={setSort}
        onRowOpen={(o) => setOpenId(o.id)}
        {...table}
        empty={
          list.isError ? (
            <Text c="red">{errorMessage(list.error, t)}</Text>
          ) : (
            <EmptyState
              icon={<IconShoppingCart size={28} />}
              withIndicatorBackground
              title={filtered ? t('list.noMatches') : t('orders.empty')}
              description={filtered ? t('list.noMatchesHint') : t('orders.emptyHint')}
            >
              {filtered && (
                <EmptyState.Actions>
                  <Button variant="default" onClick={clear}>
                    {t('filters.clear')}
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          )
        }
      />
      <OrderDrawer orderId={openId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
