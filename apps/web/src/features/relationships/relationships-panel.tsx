import { ActionIcon, Avatar, Group, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { RecordType } from '@relata/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, initials } from '../../lib/format.ts';
import { ConfirmMutationDialog } from '../../ui/confirm-dialog.tsx';
import { IconLink, IconPlus, IconTrash } from '../../ui/icons.tsx';
import { AnchorLink } from '../../ui/router-links.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { recordRoute } from '../records/record-links.ts';
import { AddRelationshipModal } from './add-relationship-modal.tsx';
import {
  type RecordRef,
  type Relationship,
  useRelationshipMutations,
  useRelationships,
  useRelationshipTypes,
} from './relationships-api.ts';

function RecordLink({ record }: { record: RecordRef }) {
  return (
    <AnchorLink {...recordRoute(record.type, record.id)} size="sm" fw={600} c="dark">
      {record.name}
    </AnchorLink>
  );
}

export function RelationshipsPanel({
  recordType,
  recordId,
  canEdit,
}: {
  recordType: RecordType;
  recordId: string;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const list = useRelationships(recordId);
  const types = useRelationshipTypes();
  const { remove } = useRelationshipMutations();
  const [adding, { open, close }] = useDisclosure(false);
  const [removing, setRemoving] = useState<Relationship | null>(null);
  const rows = list.data ?? [];

  const describe = (r: Relationship) => {
    const rt = types.data?.find((x) => x.key === r.type);
    const outgoing = r.fromId === recordId;
    return { other: outgoing ? r.to : r.from, label: rt ? (outgoing ? rt.name : rt.inverseName) : r.type };
  };

  return (
    <SectionCard
      id="relationships"
      title={t('relationships.title')}
      icon={<IconLink size={16} />}
      count={rows.length}
      actions={
        canEdit && (
          <Tooltip label={t('relationships.add')}>
            <ActionIcon variant="subtle" onClick={open} aria-label={t('relationships.add')}>
              <IconPlus size={16} />
            </ActionIcon>
          </Tooltip>
        )
      }
    >
      {list.isPending ? (
        <Skeleton h={36} />
      ) : list.isError ? (
        <Text size="sm" c="dimmed">
          {t('relationships.unavailable')}
        </Text>
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('relationships.empty')}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {rows.map((r) => {
            const { other, label } = describe(r);
            return (
              <Group key={r.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                  <Avatar
                    size={32}
                    radius={other.type === 'account' ? 'sm' : 'xl'}
                    color="initials"
                    name={other.name}
                  >
                    {initials(other.name)}
                  </Avatar>
                  <div style={{ minWidth: 0 }}>
                    <RecordLink record={other} />
                    <Text size="xs" c="dimmed">
                      {label}
                      {r.since
                        ? ` · ${t('relationships.sinceDate', { date: formatDate(r.since, i18n.language) })}`
                        : ''}
                    </Text>
                  </div>
                </Group>
                {canEdit && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    onClick={() => setRemoving(r)}
                    aria-label={t('relationships.remove', { name: other.name })}
                  >
                    <IconTrash size={15} />
                  </ActionIcon>
                )}
              </Group>
            );
          })}
        </Stack>
      )}
      <AddRelationshipModal opened={adding} onClose={close} recordType={recordType} recordId={recordId} />
      <ConfirmMutationDialog
        target={removing}
        mutation={remove}
        onClose={() => setRemoving(null)}
        title={t('relationships.removeTitle')}
        message={removing ? t('relationships.removeConfirm', { name: describe(removing).other.name }) : ''}
        confirmLabel={t('common.remove')}
      />
    </SectionCard>
  );
}
