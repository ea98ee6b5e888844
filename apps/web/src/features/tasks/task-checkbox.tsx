import { Checkbox } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { type Task, useSetTaskStatus } from './tasks-api.ts';

/** Completes a task (or opens it again); the list refreshes afterwards. */
export function TaskCheckbox({ task }: { task: Task }) {
  const { t } = useTranslation();
  const setStatus = useSetTaskStatus();
  const done = task.status === 'done';
  return (
    <Checkbox
      checked={setStatus.isPending ? !done : done}
      disabled={setStatus.isPending}
      aria-label={t(done ? 'tasks.reopen' : 'tasks.complete', { title: task.title })}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
      onChange={() =>
        setStatus.mutate(
          { task, status: done ? 'open' : 'done' },
          {
            onSuccess: (saved) =>
              saved.status === 'done' &&
              notifications.show({ color: 'teal', message: t('tasks.completed', { title: saved.title }) }),
            onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
          },
        )
      }
      radius="xl"
      color="teal"
    />
  );
}
