import { Skeleton, Text } from '@mantine/core';
import type { RecordType } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../ui/router-links.tsx';
import { recordRoute } from '../records/record-links.ts';
import { useRecord } from '../records/records-api.ts';

/**
 * A link to the customer of an order, named from the record itself (orders carry only ids; the
 * record is cached, so a list asks once per customer shown).
 */
export function CustomerLink({ type, id }: { type: RecordType; id: string }) {
  const { t } = useTranslation();
  const record = useRecord(type, id);
  if (record.isPending) return <Skeleton h={14} w={120} radius="sm" />;
  if (record.isError)
    return (
      <Text size="sm" c="dimmed">
        {t('orders.unknownCustomer')}
      </Text>
    );
  return (
    <AnchorLink
      {...recordRoute(type, id)}
      size="sm"
      onClick={(e) => e.stopPropagation()}
      style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
    >
      {record.data.name}
    </AnchorLink>
  );
}

/** The order's customer: its contact when it has one, else its account. */
export function OrderCustomer({
  contactId,
  accountId,
}: {
  contactId: string | null;
  accountId: string | null;
}) {
  if (contactId) return <CustomerLink type="contact" id={contactId} />;
  if (accountId) return <CustomerLink type="account" id={accountId} />;
  return <Text c="dimmed">—</Text>;
}
