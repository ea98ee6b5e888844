import { Anchor } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Column } from '../../ui/data-table.tsx';
import { IconBuilding } from '../../ui/icons.tsx';
import { useCan } from '../auth/auth-api.ts';
import { accountNpsColumn } from '../nps/nps-columns.tsx';
import { EmptyCell, NameCell } from '../records/record-cells.tsx';
import { RecordList } from '../records/record-list.tsx';
import type { Account } from '../records/record-types.ts';
import { valueColumns } from '../value/value-columns.tsx';
import { AccountCreateModal } from './account-create-modal.tsx';
import { AccountTypeBadge } from './account-type-badge.tsx';

export function AccountsList(props: { q: string | undefined; onQChange: (q: string | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const seesValue = can('read', 'value');
  const columns = useMemo<Column<Account>[]>(
    () => [
      {
        key: 'name',
        header: t('fields.name'),
        sortKey: 'name',
        width: 'minmax(220px, 1.6fr)',
        render: (a) => <NameCell type="account" id={a.id} name={a.name} />,
      },
      {
        key: 'domain',
        header: t('fields.domain'),
        sortKey: 'domain',
        width: 'minmax(150px, 1.1fr)',
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
            <EmptyCell />
          ),
      },
      {
        key: 'type',
        header: t('fields.type'),
        sortKey: 'type',
        width: 'minmax(128px, 0.7fr)',
        render: (a) => <AccountTypeBadge type={a.type} />,
      },
      {
        key: 'industry',
        header: t('fields.industry'),
        sortKey: 'industry',
        width: 'minmax(130px, 1fr)',
        render: (a) => a.industry ?? <EmptyCell />,
      },
      accountNpsColumn(t),
      ...(seesValue ? valueColumns<Account>(t, i18n.language) : []),
    ],
    [t, i18n.language, seesValue],
  );
  return (
    <RecordList
      type="account"
      {...props}
      columns={columns}
      emptyIcon={<IconBuilding size={28} />}
      createModal={AccountCreateModal}
    />
  );
}
