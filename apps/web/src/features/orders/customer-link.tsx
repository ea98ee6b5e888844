import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../ui/router-links.tsx';
import { recordRoute } from '../records/record-links.ts';
import type { CustomerName } from './orders-api.ts';

/** A link to the order's customer (its contact when it has one, else its account), as the API names it. */
export function OrderCustomer({ customer }: { customer: CustomerName | null }) {
  const { t } = useTranslation();
  if (!customer) return <Text c="dimmed">—</Text>;
  return (
    <AnchorLink
      {...recordRoute(customer.type, customer.id)}
      size="sm"
      onClick={(e) => e.stopPropagation()}
      style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
    >
      {customer.name || t('orders.unknownCustomer')}
    </AnchorLink>
  );
}
