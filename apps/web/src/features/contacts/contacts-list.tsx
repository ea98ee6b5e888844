import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '../../lib/format.ts';
import type { Column } from '../../ui/data-table.tsx';
import { IconContacts } from '../../ui/icons.tsx';
import { useCan } from '../auth/auth-api.ts';
import { contactNpsColumn } from '../nps/nps-columns.tsx';
import { EmptyCell, NameCell } from '../records/record-cells.tsx';
import { RecordList } from '../records/record-list.tsx';
import { type Contact, primaryEmail, primaryPhone } from '../records/record-types.ts';
import { valueColumns } from '../value/value-columns.tsx';
import { ContactCreateModal } from './contact-create-modal.tsx';

export function ContactsList(props: { q: string | undefined; onQChange: (q: string | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const seesValue = can('read', 'value');
  const columns = useMemo<Column<Contact>[]>(
    () => [
      {
        key: 'name',
        header: t('fields.name'),
        sortKey: 'name',
        width: 'minmax(200px, 1.4fr)',
        render: (c) => <NameCell type="contact" id={c.id} name={c.name || t('contacts.unnamed')} />,
      },
      {
        key: 'email',
        header: t('fields.primaryEmail'),
        sortKey: 'email',
        width: 'minmax(200px, 1.6fr)',
        render: (c) => primaryEmail(c) ?? <EmptyCell />,
      },
      {
        key: 'phone',
        header: t('fields.primaryPhone'),
        width: 'minmax(160px, 1fr)',
        render: (c) => {
          const phone = primaryPhone(c);
          return phone ? formatPhone(phone) : <EmptyCell />;
        },
      },
      {
        key: 'jobTitle',
        header: t('fields.jobTitle'),
        sortKey: 'jobTitle',
        width: 'minmax(150px, 1.1fr)',
        render: (c) => c.jobTitle ?? <EmptyCell />,
      },
      contactNpsColumn(t),
      ...(seesValue ? valueColumns<Contact>(t, i18n.language) : []),
    ],
    [t, i18n.language, seesValue],
  );
  return (
    <RecordList
      type="contact"
      {...props}
      columns={columns}
      emptyIcon={<IconContacts size={28} />}
      createModal={ContactCreateModal}
    />
  );
}
