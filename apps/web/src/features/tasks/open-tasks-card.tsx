import { ActionIcon, Badge, Group, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { RecordType, taskPriorities } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { IconPlus } from '../../ui/icons.tsx';
import { IconTask } from '../../ui/icons-activity.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useUserNames } from '../users/users-api.ts';
import { TaskCheckbox } from './task-checkbox.tsx';
import { TaskCreateModal } from './task-create-modal.tsx';
import { TaskDue } from './task-due.tsx';
import { useOpenTasksOf } from './tasks-api.ts';

export const priorityColors: Record<(typeof taskPriorities)[number], string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

/** The open tasks of a contact or account, with a checkbox to complete each. */
export function OpenTasksCard({
  recordType,
  recordId,
  canCreate,
}: {
  recordType: RecordType;
  recordId: string;
  canCreate: boolean;
}) {
  const { t } = useTranslation();
  const names = useUserNames();
  const tasks = useOpenTasksOf(recordType, recordId);
  const [creating, { open, close }] = useDisclosure(false);
  const rows = tasks.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <SectionCard
      id="open-tasks"
      title={t('tasks.open')}
      icon={<IconTask size={16} />}
      count={rows.length}
      actions={
        canCreate && (
          <Tooltip label={t('tasks.new')}>
            <ActionIcon variant="subtle" onClick={open} aria-label={t('tasks.new')}>
              <IconPlus size={16} />
            </ActionIcon>
          </Tooltip>
        )
      }
    >
      {tasks.isPending ? (
        <Skeleton h={28} />
      ) : tasks.isError ? (
        <Text size="sm" c="dimmed">
          {t('tasks.unavailable')}
        </Text>
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('tasks.noneOpen')}
        </Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          aria-label={t('tasks.open')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {rows.map((task) => (
            <Group key={task.id} component="li" gap="sm" wrap="nowrap" align="flex-start">
              <TaskCheckbox task={task} />
              <div style={{ flex: 1, minWidth: 0 }}>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={500} truncate>
                    {task.title}
                  </Text>
                  {task.priority !== 'normal' && (
                    <Badge size="xs" color={priorityColors[task.priority]}>
                      {t(`tasks.priorities.${task.priority}`)}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed" component="div">
                  <TaskDue task={task} />
                  {task.assigneeId && names.get(task.assigneeId) && ` · ${names.get(task.assigneeId)}`}
                </Text>
              </div>
            </Group>
          ))}
        </Stack>
      )}
      <TaskCreateModal
        opened={creating}
        onClose={close}
        defaults={recordType === 'contact' ? { contactId: recordId } : { accountId: recordId }}
      />
    </SectionCard>
  );
}
