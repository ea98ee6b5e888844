import { Button, EmptyState, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { RecordType } from '@relata/domain';
import { useNavigate } from '@tanstack/react-router';
import { type ComponentType, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate, minorPerMajor } from '../../lib/format.ts';
import type { FilterCondition } from '../../lib/list-query.ts';
import { usePagedRows } from '../../lib/paged-list.ts';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { IconPlus } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { useCan } from '../auth/auth-api.ts';
import { useCustomFields } from '../custom-fields/custom-fields-api.ts';
import { useUserNames } from '../users/users-api.ts';
import { useValueSettings } from '../value/value-api.ts';
import { apiConditions, filterFields, npsFilterFields, valueFilterFields } from './filter-fields.ts';
import { ListToolbar } from './list-toolbar.tsx';
import { OwnerCell } from './record-cells.tsx';
import { recordRoute } from './record-links.ts';
import { collectionOf, type RecordOf } from './record-types.ts';
import { useRecordList } from './records-api.ts';

type Props<T extends RecordType> = {
  type: T;
  q: string | undefined;
  onQChange: (q: string | undefined) => void;
  /** The type's own columns; owner and created date follow them. */
  columns: Column<RecordOf<T>>[];
  emptyIcon: ReactNode;
  /** The dialog behind the "New …" button. */
  createModal: ComponentType<{ opened: boolean; onClose: () => void }>;
};

/** The list screen of contacts or accounts: search, filters, sortable virtualised table, create. */
export function RecordList<T extends RecordType>(props: Props<T>) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const names = useUserNames();
  const [creating, { open, close }] = useDisclosure(false);
  const collection = collectionOf(props.type);
  const title = t(`${collection}.title`);
  const [sort, setSort] = useState<string | undefined>(undefined);
  const [filters, setFilters] = useState<FilterCondition[]>([]);
  const customFields = useCustomFields(props.type);
  const seesValue = can('read', 'value');
  const settings = useValueSettings(seesValue);
  const fields = useMemo(() => {
    const base = [
      ...filterFields(props.type, customFields.data ?? [], (key) => t(`fields.${key}`)),
      ...npsFilterFields(props.type, t),
    ];
    if (!seesValue) return base;
    const currency = settings.data?.currency ?? 'EUR';
    const tiers = settings.data?.tiers.map((tier) => tier.key) ?? [];
    return [...base, ...valueFilterFields(t, currency, minorPerMajor(currency), tiers)];
  }, [props.type, customFields.data, t, seesValue, settings.data]);

  const params = useMemo(
    () => ({ q: props.q, sort, filters: apiConditions(fields, filters), limit: 50 }),
    [props.q, sort, filters, fields],
  );
  const list = useRecordList(props.type, params);
  const { rows, table } = usePagedRows(list);
  const filtered = Boolean(props.q) || filters.length > 0;
  const columns = useMemo<Column<RecordOf<T>>[]>(
    () => [
      ...props.columns,
      {
        key: 'owner',
        header: t('fields.ownerId'),
        width: 'minmax(180px, 1.5fr)',
        render: (r) => <OwnerCell name={r.ownerId ? names.get(r.ownerId) : undefined} />,
      },
      {
        key: 'createdAt',
        header: t('fields.createdAt'),
        sortKey: 'createdAt',
        width: 'minmax(120px, 0.8fr)',
        render: (r) => (
          <Text size="sm" c="dimmed">
            {formatDate(r.createdAt, i18n.language)}
          </Text>
        ),
      },
    ],
    [props.columns, t, i18n.language, names],
  );
  const CreateModal = props.createModal;

  return (
    <Stack gap="md">
      <PageHeader
        title={title}
        description={t(`${collection}.description`)}
        actions={
          can('create', collection) && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              {t(`${collection}.new`)}
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
        rowKey={(r) => r.id}
        rowLabel={(r) => r.name}
        sort={sort}
        onSortChange={setSort}
        onRowOpen={(r) => void navigate(recordRoute(props.type, r.id))}
        {...table}
        empty={
          list.isError ? (
            <Text c="red">{errorMessage(list.error, t)}</Text>
          ) : (
            <EmptyState
              icon={props.emptyIcon}
              withIndicatorBackground
              title={filtered ? t('list.noMatches') : t('list.empty', { entity: title })}
              description={filtered ? t('list.noMatchesHint') : t('list.emptyHint')}
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
      <CreateModal opened={creating} onClose={close} />
    </Stack>
  );
}
