import { Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { taskCreateSchema, taskPriorities, taskTypes } from '@relata/domain';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fromLocalInput, toLocalInput, tomorrowAtNine } from '../../lib/datetime.ts';
import { useForm } from '../../lib/use-form.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { useMe } from '../auth/auth-api.ts';
import { RecordPicker } from '../relationships/record-picker.tsx';
import { useUsers } from '../users/users-api.ts';
import { type TaskPriority, type TaskType, useCreateTask } from './tasks-api.ts';

type Values = {
  title: string;
  type: TaskType;
  dueAt: string;
  priority: TaskPriority;
  assigneeId: string | null;
  contactId: string | null;
  accountId: string | null;
  notes: string;
};

/**
 * Creates a task. On a record page the contact or account is given and not asked for; on the
 * tasks page both can be picked.
 */
export function TaskCreateModal({
  opened,
  onClose,
  defaults,
}: {
  opened: boolean;
  onClose: () => void;
  defaults?: { contactId?: string; accountId?: string };
}) {
  const { t } = useTranslation();
  const me = useMe();
  const users = useUsers();
  const create = useCreateTask();
  const form = useForm<Values>({
    title: '',
    type: 'task',
    dueAt: toLocalInput(tomorrowAtNine()),
    priority: 'normal',
    assigneeId: null,
    contactId: defaults?.contactId ?? null,
    accountId: defaults?.accountId ?? null,
    notes: '',
  });
  const { values, set, errors } = form;
  const linked = Boolean(defaults?.contactId || defaults?.accountId);

  const close = () => {
    form.reset();
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.parse(taskCreateSchema, {
      ...values,
      dueAt: fromLocalInput(values.dueAt),
      assigneeId: values.assigneeId ?? me.data?.id ?? null,
    });
    if (!body) return;
    create.mutate(body, {
      onError: form.showServerError,
      onSuccess: (task) => {
        notifications.show({ color: 'teal', message: t('tasks.created', { title: task.title }) });
        close();
      },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('tasks.new')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            data-autofocus
            label={t('tasks.fields.title')}
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('tasks.fields.type')}
              data={taskTypes.map((v) => ({ value: v, label: t(`tasks.types.${v}`) }))}
              value={values.type}
              onChange={(v) => v && set('type', v as TaskType)}
              allowDeselect={false}
              error={errors.type}
            />
            <Select
              label={t('tasks.fields.priority')}
              data={taskPriorities.map((v) => ({ value: v, label: t(`tasks.priorities.${v}`) }))}
              value={values.priority}
              onChange={(v) => v && set('priority', v as TaskPriority)}
              allowDeselect={false}
              error={errors.priority}
            />
            <TextInput
              type="datetime-local"
              label={t('tasks.fields.dueAt')}
              value={values.dueAt}
              onChange={(e) => set('dueAt', e.currentTarget.value)}
              error={errors.dueAt}
            />
            <Select
              label={t('tasks.fields.assignee')}
              data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={values.assigneeId ?? me.data?.id ?? null}
              onChange={(v) => set('assigneeId', v)}
              searchable
              error={errors.assigneeId}
            />
            {!linked && (
              <>
                <RecordPicker
                  type="contact"
                  label={t('tasks.fields.contact')}
                  value={values.contactId}
                  onChange={(v) => set('contactId', v)}
                  error={errors.contactId}
                />
                <RecordPicker
                  type="account"
                  label={t('tasks.fields.account')}
                  value={values.accountId}
                  onChange={(v) => set('accountId', v)}
                  error={errors.accountId}
                />
              </>
            )}
          </SimpleGrid>
          <Textarea
            label={t('tasks.fields.notes')}
            value={values.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            autosize
            minRows={2}
            error={errors.notes}
          />
          <FormActions onCancel={close} label={t('tasks.create')} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
