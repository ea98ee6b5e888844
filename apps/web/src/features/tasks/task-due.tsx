import { Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import type { Task } from './tasks-api.ts';

/** When a task is due, red once it is overdue. */
export function TaskDue({
  task,
  size = 'xs',
}: {
  task: Pick<Task, 'dueAt' | 'overdue' | 'status'>;
  size?: 'xs' | 'sm';
}) {
  const { t, i18n } = useTranslation();
  if (!task.dueAt)
    return (
      <Text span size={size} c="dimmed">
        {t('tasks.noDue')}
      </Text>
    );
  const overdue = task.overdue && task.status === 'open';
  return (
    <Tooltip label={formatRelative(task.dueAt, i18n.language)}>
      <Text span size={size} c={overdue ? 'red.7' : undefined} fw={overdue ? 600 : undefined}>
        {overdue
          ? t('tasks.overdueSince', { time: formatDateTime(task.dueAt, i18n.language) })
          : formatDateTime(task.dueAt, i18n.language)}
      </Text>
    </Tooltip>
  );
}
