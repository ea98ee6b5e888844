import { Alert, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type Channel,
  caseCreateSchema,
  channels,
  type Priority,
  priorities,
  type RecordType,
} from '@relata/domain';
import { useNavigate } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMessages } from '../../lib/errors.ts';
import { useForm } from '../../lib/use-form.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { channelLabel } from '../interactions/channel-meta.tsx';
import { useQueues } from '../service-settings/service-api.ts';
import { useUsers } from '../users/users-api.ts';
import { useCreateCase } from './cases-api.ts';
import { type CustomerChoice, CustomerPicker } from './customer-picker.tsx';

type Values = {
  subject: string;
  description: string;
  channel: Channel;
  customer: CustomerChoice;
  priority: Priority | null;
  queueId: string | null;
  assigneeId: string | null;
};

const initial: Values = {
  subject: '',
  description: '',
  channel: 'email',
  customer: { type: 'contact', id: null },
  priority: null,
  queueId: null,
  assigneeId: null,
};

// The customer is one input here; the API names its contactId or accountId.
const mapPaths = (m: FieldMessages): FieldMessages => {
  const out: FieldMessages = { ...m };
  const customer = m.contactId ?? m.accountId;
  if (customer) out.customer = customer;
  return out;
};

/** A new case: priority, queue and assignee left empty are decided by the routing rules. */
export function CaseCreateModal({
  opened,
  onClose,
  customer: fixed,
}: {
  opened: boolean;
  onClose: () => void;
  /** The case is for this customer (from their page); no picker is shown. */
  customer?: { type: RecordType; id: string };
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCase();
  const queues = useQueues();
  const users = useUsers();
  const form = useForm<Values>(fixed ? { ...initial, customer: fixed } : initial, { mapPaths });
  const { values, set, errors } = form;

  const close = () => {
    form.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { customer, ...rest } = values;
    const body = {
      subject: rest.subject,
      description: rest.description,
      channel: rest.channel,
      ...(customer.id ? { [customer.type === 'contact' ? 'contactId' : 'accountId']: customer.id } : {}),
      ...(rest.priority ? { priority: rest.priority } : {}),
      ...(rest.queueId ? { queueId: rest.queueId } : {}),
      ...(rest.assigneeId ? { assigneeId: rest.assigneeId } : {}),
    };
    const parsed = form.parse(caseCreateSchema, body);
    if (!parsed) return;
    create.mutate(parsed, {
      onError: form.showServerError,
      onSuccess: (c) => {
        notifications.show({ color: 'teal', message: t('cases.created', { number: c.number }) });
        close();
        void navigate({ to: '/cases/$caseId', params: { caseId: c.id } });
      },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('cases.new')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            data-autofocus
            label={t('cases.fields.subject')}
            required
            value={values.subject}
            onChange={(e) => set('subject', e.currentTarget.value)}
            error={errors.subject}
          />
          <Textarea
            label={t('cases.fields.description')}
            value={values.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={10}
            error={errors.description}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('cases.fields.channel')}
              data={channels.map((c) => ({ value: c, label: channelLabel(c, t) }))}
              value={values.channel}
              onChange={(v) => v && set('channel', v as Channel)}
              allowDeselect={false}
              searchable
              error={errors.channel}
            />
            <Select
              label={t('cases.fields.priority')}
              placeholder={t('cases.byRouting')}
              data={priorities.map((p) => ({ value: p, label: t(`cases.priorities.${p}`) }))}
              value={values.priority}
              onChange={(v) => set('priority', v as Priority | null)}
              clearable
              error={errors.priority}
            />
          </SimpleGrid>
          {fixed ? (
            errors.customer && (
              <Text size="sm" c="red">
                {errors.customer}
              </Text>
            )
          ) : (
            <CustomerPicker
              value={values.customer}
              onChange={(v) => set('customer', v)}
              error={errors.customer}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('cases.fields.queue')}
              placeholder={t('cases.byRouting')}
              data={(queues.data ?? []).filter((q) => q.active).map((q) => ({ value: q.id, label: q.name }))}
              value={values.queueId}
              onChange={(v) => set('queueId', v)}
              clearable
              error={errors.queueId}
            />
            <Select
              label={t('cases.fields.assignee')}
              placeholder={t('cases.byRouting')}
              data={(users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
              value={values.assigneeId}
              onChange={(v) => set('assigneeId', v)}
              clearable
              searchable
              error={errors.assigneeId}
            />
          </SimpleGrid>
          <Alert variant="light" color="gray" p="xs">
            {t('cases.routingHint')}
          </Alert>
          <FormActions onCancel={close} label={t('cases.create')} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
