import { Badge } from '@mantine/core';
import type { AccountType } from '@relata/domain';
import { useTranslation } from 'react-i18next';

const colors: Record<AccountType, string> = {
  customer: 'teal',
  prospect: 'blue',
  partner: 'grape',
  supplier: 'orange',
};

export function AccountTypeBadge({ type }: { type: AccountType }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[type]} variant="light" tt="none">
      {t(`accountTypes.${type}`)}
    </Badge>
  );
}
