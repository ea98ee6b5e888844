import { Badge, Button, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { RecordType } from '@relata/domain';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterCondition } from '../../lib/list-query.ts';
import { type Column, DataTable } from '../../ui/data-table.tsx';
import { IconPlus } from '../../ui/icons.tsx';
import { IconTask } from '../../ui/icons-activity.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { AnchorLink } from '../../ui/router-links.tsx';
import { useCan } from '../auth/auth-api.ts';
import { EmptyCell } from '../records/record-cells.tsx';
import { recordRoute } from '../records/record-links.ts';
import { useRecord } from '../records/records-api.ts';
import { useUserNames } from '../users/users-api.ts';
import { priorityColors } from './open-tasks-card.tsx';
import { TaskCheckbox } from './task-checkbox.tsx';
import { TaskCreateModal } from './task-create-modal.tsx';
import { TaskDue } from './task-due.tsx';
import { type Task, useTasks } from './tasks-api.ts';

export const taskTabs = ['mine', 'overdue', 'open'] as const;
export type TaskTab = (typeof taskTabs)[number];

const tabFilters: Record<TaskTab, FilterCondition[]> = {
  mine: [
    { field: 'assigneeId', op: 'eq', value: 'me' },
    { field: 'status', op: 'eq', value: 'open' },
  ],
  overdue: [{ field: 'overdue', op: 'eq', value: 'true' }],
  open: [{ field: 'status', op: 'eq', value: 'open' }],
};

/** The name of a task's contact or account, as a link (loaded once per record and cached). */
function RecordName({ type, id }: { type: RecordType; id: string }) {
  const { t } = useTranslation();
  const record = useRecord(type, id);
  return (
    <AnchorLink {...recordRoute(type, id)} size="sm" onClick={(e) => e.stopPropagation()} truncate>
      {record.data?.name || (record.isPending ? '…' : t('contacts.unnamed'))}
    </AnchorLink>
  );
}

/** My tasks, overdue tasks and all open tasks, with completing and creating. */
export function TasksView({ tab, onTabChange }: { tab: TaskTab; onTabChange: (tab: TaskTab) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const names = useUserNames();
  const navigate = useNavigate();
  const [creating, { open, close }] = useDisclosure(false);
  const list = useTasks(tabFilters[tab]);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.data) ?? [], [list.data]);
  const { fetchNextPage } = list;
  const loadMore = useMemo(() => () => void fetchNextPage(), [fetchNextPage]);

  const columns = useMemo<Column<Task>[]>(
    () => [
      { key: 'done', header: '', width: '48px', render: (task) => <TaskCheckbox task={task} /> },
      {
        key: 'title',
        header: t('tasks.fields.title'),
        width: 'minmax(220px, 2fr)',
        render: (task) => (
          <Text size="sm" fw={600} truncate>
            {task.title}
          </Text>
        ),
      },
      {
        key: 'type',
        header: t('tasks.fields.type'),
        width: 'minmax(110px, 0.8fr)',
        render: (task) => t(`tasks.types.${task.type}`),
      },
      {
        key: 'due',
        header: t('tasks.fields.dueAt'),
        width: 'minmax(200px, 1.1fr)',
        render: (task) => <TaskDue task={task} size="sm" />,
      },
      {
        key: 'priority',
        header: t('tasks.fields.priority'),
        width: 'minmax(100px, 0.7fr)',
        render: (task) => (
          <Badge size="sm" color={priorityColors[task.priority]}>
            {t(`tasks.priorities.${task.priority}`)}
          </Badge>
        ),
      },
      {
        key: 'record',
        header: t('tasks.fields.record'),
        width: 'minmax(170px, 1.2fr)',
        render: (task) =>
          task.contactId ? (
            <RecordName type="contact" id={task.contactId} />
          ) : task.accountId ? (
            <RecordName type="account" id={task.accountId} />
          ) : (
            <EmptyCell />
          ),
      },
      {
        key: 'assignee',
        header: t('tasks.fields.assignee'),
        width: 'minmax(140px, 1fr)',
        render: (task) => (task.assigneeId && names.get(task.assigneeId)) || <EmptyCell />,
      },
    ],
    [t, names],
  );

  const openRow = (task: Task) => {
    if (task.contactId) void navigate(recordRoute('contact', task.contactId));
    else if (task.accountId) void navigate(recordRoute('account', task.accountId));
  };

  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        description={t('tasks.description')}
        actions={
          can('create', 'tasks') && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              {t('tasks.new')}
            </Button>
          )
        }
      />
      <Tabs value={tab} onChange={(v) => v && onTabChange(v as TaskTab)} mb="md">
        <Tabs.List>
          {taskTabs.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`tasks.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <DataTable
        label={t('tasks.title')}
        columns={columns}
        rows={rows}
        rowKey={(task) => task.id}
        rowLabel={(task) => task.title}
        sort={undefined}
        onSortChange={() => {}}
        onRowOpen={openRow}
        loading={list.isPending || (list.isPlaceholderData && list.isFetching)}
        hasMore={Boolean(list.hasNextPage)}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={loadMore}
        empty={
          <Text c="dimmed" size="sm" ta="center">
            <IconTask size={28} style={{ display: 'block', margin: '0 auto 8px' }} />
            {t(`tasks.empty.${tab}`)}
          </Text>
        }
        footer={t('tasks.shown', { count: rows.length })}
      />
      <TaskCreateModal opened={creating} onClose={close} />
    </>
  );
}
