import { Avatar, Button, EmptyState, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { leadStatuses } from '@relata/domain';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate, initials } from '../../lib/format.ts';
import type { FilterCondition } from '../../lib/list-query.ts';
import { usePagedRows } from '../../lib/paged-list.ts';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { IconPlus, IconUsers } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { AnchorLink } from '../../ui/router-links.tsx';
import { useCan } from '../auth/auth-api.ts';
import type { FilterField } from '../records/filter-fields.ts';
import { ListToolbar } from '../records/list-toolbar.tsx';
import { EmptyCell, OwnerCell } from '../records/record-cells.tsx';
import { useUserNames } from '../users/users-api.ts';
import { LeadStatusBadge, ScoreBadge } from './lead-badges.tsx';
import { LeadCreateModal } from './lead-create-modal.tsx';
import { type Lead, useLeads } from './leads-api.ts';

function LeadNameCell({ lead }: { lead: Lead }) {
  return (
    <Group gap={10} wrap="nowrap">
      <Avatar size={30} radius="xl" color="initials" name={lead.name}>
        {initials(lead.name)}
      </Avatar>
      <div style={{ minWidth: 0 }}>
        <AnchorLink
          to="/leads/$leadId"
          params={{ leadId: lead.id }}
          onClick={(e) => e.stopPropagation()}
          c="dark"
          fw={600}
          size="sm"
          underline="hover"
          style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis' }}
        >
          {lead.name}
        </AnchorLink>
        {lead.company && (
          <Text size="xs" c="dimmed" truncate>
            {lead.company}
          </Text>
        )}
      </div>
    </Group>
  );
}

/** The Leads page: search, filters (status, source, owner, score…), a sortable virtualised table. */
export function LeadsList(props: { q: string | undefined; onQChange: (q: string | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const names = useUserNames();
  const [creating, { open, close }] = useDisclosure(false);
  const [sort, setSort] = useState<string | undefined>(undefined);
  const [filters, setFilters] = useState<FilterCondition[]>([]);

  const fields = useMemo<FilterField[]>(
    () => [
      {
        key: 'status',
        label: t('leads.fields.status'),
        kind: 'enum',
        values: leadStatuses,
        valueLabel: (v) => t(`leads.statuses.${v as Lead['status']}`),
      },
      { key: 'score', label: t('leads.fields.score'), kind: 'number' },
      { key: 'source', label: t('leads.fields.source'), kind: 'text' },
      { key: 'campaign', label: t('leads.fields.campaign'), kind: 'text' },
      { key: 'ownerId', label: t('fields.ownerId'), kind: 'uuid', ref: 'users' },
      { key: 'company', label: t('leads.fields.company'), kind: 'text' },
      { key: 'country', label: t('leads.fields.country'), kind: 'text' },
      { key: 'email', label: t('fields.email'), kind: 'text' },
      { key: 'createdAt', label: t('fields.createdAt'), kind: 'datetime' },
    ],
    [t],
  );
  const params = useMemo(() => ({ q: props.q, sort, filters, limit: 50 }), [props.q, sort, filters]);
  const list = useLeads(params);
  const { rows, table } = usePagedRows(list);
  const filtered = Boolean(props.q) || filters.length > 0;

  const columns = useMemo<Column<Lead>[]>(
    () => [
      {
        key: 'name',
        header: t('fields.name'),
        sortKey: 'name',
        width: 'minmax(220px, 1.6fr)',
        render: (l) => <LeadNameCell lead={l} />,
      },
      {
        key: 'score',
        header: t('leads.fields.score'),
        sortKey: 'score',
        width: 'minmax(96px, 0.5fr)',
        render: (l) => <ScoreBadge score={l.score} reasons={l.scoreReasons} size="sm" />,
      },
      {
        key: 'status',
        header: t('leads.fields.status'),
        sortKey: 'status',
        width: 'minmax(110px, 0.7fr)',
        render: (l) => <LeadStatusBadge status={l.status} size="sm" />,
      },
      {
        key: 'email',
        header: t('fields.email'),
        sortKey: 'email',
        width: 'minmax(200px, 1.4fr)',
        render: (l) => l.email ?? <EmptyCell />,
      },
      {
        key: 'source',
        header: t('leads.fields.source'),
        sortKey: 'source',
        width: 'minmax(120px, 0.8fr)',
        render: (l) => (
          <div style={{ minWidth: 0 }}>
            <Text size="sm" truncate>
              {l.source}
            </Text>
            {l.campaign && (
              <Text size="xs" c="dimmed" truncate>
                {l.campaign}
              </Text>
            )}
          </div>
        ),
      },
      {
        key: 'owner',
        header: t('fields.ownerId'),
        width: 'minmax(160px, 1fr)',
        render: (l) => <OwnerCell name={l.ownerId ? names.get(l.ownerId) : undefined} />,
      },
      {
        key: 'createdAt',
        header: t('fields.createdAt'),
        sortKey: 'createdAt',
        width: 'minmax(110px, 0.7fr)',
        render: (l) => (
          <Text size="sm" c="dimmed">
            {formatDate(l.createdAt, i18n.language)}
          </Text>
        ),
      },
    ],
    [t, i18n.language, names],
  );
  const title = t('leads.title');

  return (
    <Stack gap="md">
      <PageHeader
        title={title}
        description={t('leads.description')}
        actions={
          can('create', 'leads') && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              {t('leads.new')}
            </Button>
          )
        }
      />
      <ListToolbar
        title={title}
        q={props.q}
        onQChange={props.onQChange}
        fields={fields}
        filters={filters}
        onFiltersChange={setFilters}
      />
      <DataTable
        label={title}
        columns={columns}
        rows={rows}
        rowKey={(l) => l.id}
        rowLabel={(l) => l.name}
        sort={sort}
        onSortChange={setSort}
        onRowOpen={(l) => void navigate({ to: '/leads/$leadId', params: { leadId: l.id } })}
        {...table}
        empty={
          list.isError ? (
            <Text c="red">{errorMessage(list.error, t)}</Text>
          ) : (
            <EmptyState
              icon={<IconUsers size={28} />}
              withIndicatorBackground
              title={filtered ? t('list.noMatches') : t('leads.empty')}
              description={filtered ? t('list.noMatchesHint') : t('leads.emptyHint')}
            >
              {filtered && (
                <EmptyState.Actions>
                  <Button
                    variant="default"
                    onClick={() => {
                      setFilters([]);
                      props.onQChange(undefined);
                    }}
                  >
                    {t('filters.clear')}
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          )
        }
      />
      <LeadCreateModal opened={creating} onClose={close} />
    </Stack>
  );
}
