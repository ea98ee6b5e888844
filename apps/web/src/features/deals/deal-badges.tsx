import { Badge } from '@mantine/core';
import type { DealStatus } from '@relata/domain';
import { useTranslation } from 'react-i18next';

const colors: Record<DealStatus, string> = { open: 'blue', won: 'teal', lost: 'red' };

export function DealStatusBadge({ status }: { status: DealStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={colors[status]}>
      {t(`deals.statuses.${status}`)}
    </Badge>
  );
}
