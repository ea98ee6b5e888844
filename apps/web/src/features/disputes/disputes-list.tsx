import { Drawer, EmptyState, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { type DisputeStatus, disputeStatuses, type RecordType } from '@relata/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import type { FilterCondition } from '../../lib/list-query.ts';
import { usePagedRows } from '../../lib/paged-list.ts';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { IconAlert } from '../../ui/icons.tsx';
import { AnchorLink } from '../../ui/router-links.tsx';
import { DisputeStatusBadge } from '../cases/case-badges.tsx';
import { EmptyCell, OwnerCell } from '../records/record-cells.tsx';
import { recordRoute } from '../records/record-links.ts';
import { useRecord } from '../records/records-api.ts';
import { useUserNames } from '../users/users-api.ts';
import { DisputeEditor, disputeReasonText } from './dispute-editor.tsx';
import { type Dispute, useDispute, useDisputes } from './disputes-api.ts';

/** A dispute's customer by name (the list names only ids). */
function CustomerName({ type, id }: { type: RecordType; id: string }) {
  const record = useRecord(type, id);
  return (
    <AnchorLink
      {...recordRoute(type, id)}
      size="sm"
      onClick={(e) => e.stopPropagation()}
      style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
    >
      {record.data?.name ?? '…'}
    </AnchorLink>
  );
}

function DisputeCustomer({ d }: { d: Pick<Dispute, 'contactId' | 'accountId'> }) {
  if (d.contactId) return <CustomerName type="contact" id={d.contactId} />;
  if (d.accountId) return <CustomerName type="account" id={d.accountId} />;
  return <EmptyCell />;
}

type Scope = 'all' | 'mine';

/** Disputes, newest first: status, reasons, customer, owner; a row opens its editor. */
export function DisputesList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const names = useUserNames();
  const [status, setStatus] = useState<DisputeStatus | null>(null);
  const [scope, setScope] = useState<Scope>('all');
  const [sort, setSort] = useState<string | undefined>('-openedAt');
  const [openId, setOpenId] = useState<string | null>(null);
  const open = useDispute(openId);
  const filters = useMemo(() => {
    const out: FilterCondition[] = [];
    if (status) out.push({ field: 'status', op: 'eq', value: status });
    if (scope === 'mine') out.push({ field: 'ownerId', op: 'eq', value: 'me' });
    return out;
  }, [status, scope]);
  const params = useMemo(() => ({ sort, filters, limit: 50 }), [sort, filters]);
  const list = useDisputes(params);
  const { rows, table } = usePagedRows(list);

  const columns = useMemo<Column<Dispute>[]>(
    () => [
      {
        key: 'status',
        header: t('disputes.fields.status'),
        sortKey: 'status',
        width: 'minmax(120px, 0.7fr)',
        render: (d) => <DisputeStatusBadge status={d.status} />,
      },
      {
        key: 'reason',
        header: t('disputes.fields.reason'),
        width: 'minmax(240px, 2fr)',
        render: (d) => (
          <Text size="sm" truncate title={d.reasons.map((r) => disputeReasonText(r, t, lang)).join('; ')}>
            {d.reasons.map((r) => disputeReasonText(r, t, lang)).join('; ')}
          </Text>
        ),
      },
      {
        key: 'customer',
        header: t('cases.customer'),
        width: 'minmax(160px, 1.2fr)',
        render: (d) => <DisputeCustomer d={d} />,
      },
      {
        key: 'case',
        header: t('disputes.fields.case'),
        width: 'minmax(110px, 0.7fr)',
        render: (d) =>
          d.caseId ? (
            <AnchorLink
              to="/cases/$caseId"
              params={{ caseId: d.caseId }}
              size="sm"
              onClick={(e) => e.stopPropagation()}
            >
              {t('disputes.openCase')}
            </AnchorLink>
          ) : (
            <Text size="sm" c="dimmed">
              {t('disputes.fromInteraction')}
            </Text>
          ),
      },
      {
        key: 'owner',
        header: t('disputes.fields.owner'),
        width: 'minmax(150px, 1fr)',
        render: (d) => <OwnerCell name={d.ownerId ? names.get(d.ownerId) : undefined} />,
      },
      {
        key: 'openedAt',
        header: t('disputes.fields.openedAt'),
        sortKey: 'openedAt',
        width: 'minmax(120px, 0.8fr)',
        render: (d) => formatDate(d.openedAt, lang),
      },
    ],
    [t, lang, names],
  );

  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap">
        <SegmentedControl
          aria-label={t('disputes.scope')}
          value={scope}
          onChange={(v) => setScope(v as Scope)}
          data={[
            { value: 'all', label: t('disputes.all') },
            { value: 'mine', label: t('disputes.mine') },
          ]}
        />
        <Select
          aria-label={t('disputes.fields.status')}
          placeholder={t('disputes.anyStatus')}
          data={disputeStatuses.map((s) => ({ value: s, label: t(`disputes.statuses.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as DisputeStatus | null)}
          clearable
          w={200}
        />
      </Group>
      <DataTable
        label={t('disputes.title')}
        columns={columns}
        rows={rows}
        rowKey={(d) => d.id}
        rowLabel={(d) => `${t(`disputes.statuses.${d.status}`)}: ${d.reason}`}
        sort={sort}
        onSortChange={setSort}
        onRowOpen={(d) => setOpenId(d.id)}
        {...table}
        maxHeight="calc(100vh - 330px)"
        empty={
          list.isError ? (
            <Text c="red">{errorMessage(list.error, t)}</Text>
          ) : (
            <EmptyState
              icon={<IconAlert size={28} />}
              withIndicatorBackground
              title={t('disputes.empty')}
              description={t('disputes.emptyHint')}
            />
          )
        }
      />
      <Drawer
        opened={openId !== null}
        onClose={() => setOpenId(null)}
        position="right"
        size="md"
        title={<Text fw={600}>{t('disputes.one')}</Text>}
      >
        {open.data && (
          <Stack gap="md">
            <Group gap="sm">
              <DisputeStatusBadge status={open.data.status} size="md" />
              <DisputeCustomer d={open.data} />
            </Group>
            {open.data.caseId && (
              <AnchorLink to="/cases/$caseId" params={{ caseId: open.data.caseId }} size="sm">
                {t('disputes.openCase')}
              </AnchorLink>
            )}
            <DisputeEditor dispute={open.data} />
          </Stack>
        )}
        {open.isError && <Text c="red">{errorMessage(open.error, t)}</Text>}
      </Drawer>
    </Stack>
  );
}
