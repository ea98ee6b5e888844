import { Anchor, Badge, Button, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import type { Column } from '../../ui/data-table.tsx';
import { IconBuilding, IconPlus } from '../../ui/icons.tsx';
import { useCan } from '../auth/auth-api.ts';
import { NameCell, OwnerCell } from '../records/record-cells.tsx';
import { RecordList } from '../records/record-list.tsx';
import type { Account } from '../records/record-types.ts';
import { useUserNames } from '../users/users-api.ts';
import { AccountCreateModal } from './account-create-modal.tsx';

export const accountTypeColors = {
  customer: 'teal',
  prospect: 'blue',
  partner: 'grape',
  supplier: 'orange',
} as const;

export function AccountsList({
  q,
  onQChange,
}: {
  q: string | undefined;
  onQChange: (q: string | undefined) => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const names = useUserNames();
  const can = useCan();
  const [creating, { open, close }] = useDisclosure(false);

  const columns = useMemo<Column<Account>[]>(
    () => [
      {
        key: 'name',
        header: t('fields.name'),
        sortKey: 'name',
        width: 'minmax(220px, 2fr)',
        render: (a) => <NameCell to="/accounts/$accountId" id={a.id} name={a.name} square />,
      },
      {
        key: 'domain',
        header: t('fields.domain'),
        sortKey: 'domain',
        width: 'minmax(160px, 1.2fr)',
        render: (a) =>
          a.domain ? (
            <Anchor
              href={`https://${a.domain}`}
              target="_blank"
              rel="noreferrer noopener"
              size="sm"
              onClick={(e) => e.stopPropagation()}
            >
              {a.domain}
            </Anchor>
          ) : (
            <Text c="dimmed">—</Text>
          ),
      },
      {
        key: 'type',
        header: t('fields.type'),
        sortKey: 'type',
        width: 'minmax(110px, 0.8fr)',
        render: (a) => (
          <Badge color={accountTypeColors[a.type]} variant="light" tt="none">
            {t(`accountTypes.${a.type}`)}
          </Badge>
        ),
      },
      {
        key: 'industry',
        header: t('fields.industry'),
        sortKey: 'industry',
        width: 'minmax(140px, 1fr)',
        render: (a) => a.industry ?? <Text c="dimmed">—</Text>,
      },
      {
        key: 'owner',
        header: t('fields.ownerId'),
        width: 'minmax(150px, 1fr)',
        render: (a) => <OwnerCell name={a.ownerId ? names.get(a.ownerId) : undefined} />,
      },
      {
        key: 'createdAt',
        header: t('fields.createdAt'),
        sortKey: 'createdAt',
        width: 'minmax(120px, 0.8fr)',
        render: (a) => (
          <Text size="sm" c="dimmed">
            {formatDate(a.createdAt, i18n.language)}
          </Text>
        ),
      },
    ],
    [t, i18n.language, names],
  );

  return (
    <>
      <RecordList
        type="account"
        title={t('accounts.title')}
        description={t('accounts.description')}
        q={q}
        onQChange={onQChange}
        columns={columns}
        emptyIcon={<IconBuilding size={28} />}
        onOpen={(a) => void navigate({ to: '/accounts/$accountId', params: { accountId: a.id } })}
        actions={
          can('create', 'accounts') && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              {t('accounts.new')}
            </Button>
          )
        }
      />
      <AccountCreateModal opened={creating} onClose={close} />
    </>
  );
}
