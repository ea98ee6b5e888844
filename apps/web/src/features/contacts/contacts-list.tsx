import { Button, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatPhone } from '../../lib/format.ts';
import type { Column } from '../../ui/data-table.tsx';
import { IconContacts, IconPlus } from '../../ui/icons.tsx';
import { useCan } from '../auth/auth-api.ts';
import { NameCell, OwnerCell } from '../records/record-cells.tsx';
import { RecordList } from '../records/record-list.tsx';
import { type Contact, primaryEmail, primaryPhone } from '../records/record-types.ts';
import { useUserNames } from '../users/users-api.ts';
import { ContactCreateModal } from './contact-create-modal.tsx';

export function ContactsList({
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

  const columns = useMemo<Column<Contact>[]>(
    () => [
      {
        key: 'name',
        header: t('fields.name'),
        sortKey: 'name',
        width: 'minmax(220px, 2fr)',
        render: (c) => (
          <NameCell to="/contacts/$contactId" id={c.id} name={c.name || t('contacts.unnamed')} />
        ),
      },
      {
        key: 'email',
        header: t('fields.primaryEmail'),
        sortKey: 'email',
        width: 'minmax(200px, 1.6fr)',
        render: (c) => primaryEmail(c) ?? <Text c="dimmed">—</Text>,
      },
      {
        key: 'phone',
        header: t('fields.primaryPhone'),
        width: 'minmax(170px, 1fr)',
        render: (c) => {
          const phone = primaryPhone(c);
          return phone ? formatPhone(phone) : <Text c="dimmed">—</Text>;
        },
      },
      {
        key: 'jobTitle',
        header: t('fields.jobTitle'),
        sortKey: 'jobTitle',
        width: 'minmax(160px, 1.2fr)',
        render: (c) => c.jobTitle ?? <Text c="dimmed">—</Text>,
      },
      {
        key: 'owner',
        header: t('fields.ownerId'),
        width: 'minmax(150px, 1fr)',
        render: (c) => <OwnerCell name={c.ownerId ? names.get(c.ownerId) : undefined} />,
      },
      {
        key: 'createdAt',
        header: t('fields.createdAt'),
        sortKey: 'createdAt',
        width: 'minmax(120px, 0.8fr)',
        render: (c) => (
          <Text size="sm" c="dimmed">
            {formatDate(c.createdAt, i18n.language)}
          </Text>
        ),
      },
    ],
    [t, i18n.language, names],
  );

  return (
    <>
      <RecordList
        type="contact"
        title={t('contacts.title')}
        description={t('contacts.description')}
        q={q}
        onQChange={onQChange}
        columns={columns}
        emptyIcon={<IconContacts size={28} />}
        onOpen={(c) => void navigate({ to: '/contacts/$contactId', params: { contactId: c.id } })}
        actions={
          can('create', 'contacts') && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              {t('contacts.new')}
            </Button>
          )
        }
      />
      <ContactCreateModal opened={creating} onClose={close} />
    </>
  );
}
