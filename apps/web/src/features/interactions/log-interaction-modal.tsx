import {
  Checkbox,
  Group,
  Kbd,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type Channel,
  channels,
  interactionCreateSchema,
  outcomeAllows,
  type RecordType,
} from '@relata/domain';
import { type FocusEvent, type FormEvent, type KeyboardEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fromLocalInput, textToHtml, toLocalInput, tomorrowAtNine } from '../../lib/datetime.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useForm } from '../../lib/use-form.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { IconInbound, IconOutbound } from '../../ui/icons-activity.tsx';
import { useCreateTask } from '../tasks/tasks-api.ts';
import { channelLabel, outcomeLabel } from './channel-meta.tsx';
import { useCreateInteraction, useOutcomes } from './interactions-api.ts';

/**
 * Selects that pick by typing: focus selects the text, typing filters, Enter takes the first
 * match. (No auto-select on blur: leaving the field must never change a choice already made.)
 */
const typeAhead = {
  searchable: true,
  openOnFocus: false,
  selectFirstOptionOnChange: true,
  onFocus: (e: FocusEvent<HTMLInputElement>) => e.currentTarget.select(),
} as const;

type Values = {
  channel: Channel;
  direction: 'inbound' | 'outbound';
  outcome: string | null;
  subject: string;
  notes: string;
  callbackAt: string;
  followUp: boolean;
  followUpAt: string;
};

const initialValues = (): Values => ({
  channel: 'phone',
  direction: 'outbound',
  outcome: null,
  subject: '',
  notes: '',
  callbackAt: toLocalInput(tomorrowAtNine()),
  followUp: false,
  followUpAt: toLocalInput(tomorrowAtNine()),
});

/**
 * Logs a touch with a contact or account from the keyboard: channel (type to pick), direction,
 * outcome (only those allowed on the channel), subject, note and a follow-up. Enter in a
 * single-line field or Ctrl/⌘+Enter anywhere saves; Esc closes.
 */
export function LogInteractionModal({
  opened,
  onClose,
  record,
  dealId,
  caseId,
  initialSubject,
}: {
  opened: boolean;
  onClose: () => void;
  record: { type: RecordType; id: string };
  /** Logs the touch on this deal too. */
  dealId?: string;
  /** The case the touch belongs to (an outbound one is the case's first response). */
  caseId?: string;
  initialSubject?: string;
}) {
  const { t, i18n } = useTranslation();
  const outcomes = useOutcomes();
  const create = useCreateInteraction();
  const createTask = useCreateTask();
  const form = useForm<Values>({
    ...initialValues(),
    ...(initialSubject ? { subject: initialSubject } : {}),
  });
  const { values, set, errors } = form;

  const allowed = useMemo(
    () => (outcomes.data ?? []).filter((o) => outcomeAllows(o, values.channel)),
    [outcomes.data, values.channel],
  );
  const outcome = allowed.find((o) => o.key === values.outcome) ?? null;
  const createsCallback = Boolean(outcome?.createsCallback);

  const close = () => {
    form.reset();
    onClose();
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (create.isPending) return;
    const body = {
      channel: values.channel,
      direction: values.direction,
      subject: values.subject,
      notes: textToHtml(values.notes),
      outcome: outcome?.key ?? null,
      ...(createsCallback ? { callbackAt: fromLocalInput(values.callbackAt) } : {}),
      ...(record.type === 'contact' ? { contactId: record.id } : { accountId: record.id }),
      ...(dealId ? { dealId } : {}),
      ...(caseId ? { caseId } : {}),
    };
    const checked = form.check(interactionCreateSchema, body);
    if (createsCallback && !fromLocalInput(values.callbackAt)) checked.callbackAt = t('validation.required');
    if (!createsCallback && values.followUp && !fromLocalInput(values.followUpAt))
      checked.followUpAt = t('validation.required');
    if (Object.keys(checked).length) return form.setErrors(checked);
    create.mutate(interactionCreateSchema.parse(body), {
      onError: form.showServerError,
      onSuccess: (saved) => {
        if (saved.callbackTaskId && saved.callbackAt) {
          notifications.show({
            color: 'teal',
            title: t('interactions.logged'),
            message: t('interactions.callbackCreated', {
              time: formatDateTime(saved.callbackAt, i18n.language),
            }),
          });
        } else notifications.show({ color: 'teal', message: t('interactions.logged') });
        const dueAt = fromLocalInput(values.followUpAt);
        if (!createsCallback && values.followUp && dueAt) {
          createTask.mutate(
            {
              title: t('interactions.followUpTitle', {
                subject: saved.subject || channelLabel(saved.channel, t),
              }),
              type: 'follow_up',
              dueAt,
              contactId: saved.contactId,
              accountId: saved.accountId,
              interactionId: saved.id,
            },
            {
              onSuccess: () =>
                notifications.show({ color: 'teal', message: t('interactions.followUpCreated') }),
              onError: () => notifications.show({ color: 'red', message: t('interactions.followUpFailed') }),
            },
          );
        }
        close();
      },
    });
  };

  /** Ctrl/⌘+Enter saves from any field; Enter does on the follow-up checkbox. */
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const target = e.target as HTMLInputElement;
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (e.ctrlKey || e.metaKey || target.type === 'checkbox') {
      e.preventDefault();
      submit();
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('interactions.log')} size="lg">
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              data-autofocus
              label={t('interactions.channel')}
              data={channels.map((c) => ({ value: c, label: channelLabel(c, t) }))}
              value={values.channel}
              onChange={(v) => {
                if (!v) return;
                const next = v as Channel;
                set('channel', next);
                const current = outcomes.data?.find((o) => o.key === values.outcome);
                if (current && !outcomeAllows(current, next)) set('outcome', null);
              }}
              {...typeAhead}
              allowDeselect={false}
              error={errors.channel}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} component="span" id="log-direction-label">
                {t('interactions.direction')}
              </Text>
              <SegmentedControl
                aria-labelledby="log-direction-label"
                value={values.direction}
                onChange={(v) => set('direction', v as Values['direction'])}
                data={[
                  {
                    value: 'outbound',
                    label: (
                      <Group gap={6} justify="center" wrap="nowrap">
                        <IconOutbound size={14} />
                        {t('interactions.outbound')}
                      </Group>
                    ),
                  },
                  {
                    value: 'inbound',
                    label: (
                      <Group gap={6} justify="center" wrap="nowrap">
                        <IconInbound size={14} />
                        {t('interactions.inbound')}
                      </Group>
                    ),
                  },
                ]}
              />
            </Stack>
          </SimpleGrid>
          <Select
            label={t('interactions.outcome')}
            placeholder={t('interactions.noOutcome')}
            data={allowed.map((o) => ({ value: o.key, label: outcomeLabel(o.key, outcomes.data, t) }))}
            value={values.outcome}
            onChange={(v) => set('outcome', v)}
            {...typeAhead}
            clearable
            error={errors.outcome}
          />
          <TextInput
            label={t('interactions.subject')}
            value={values.subject}
            onChange={(e) => set('subject', e.currentTarget.value)}
            error={errors.subject}
          />
          <Textarea
            label={t('interactions.note')}
            placeholder={t('interactions.notePlaceholder')}
            value={values.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={10}
            error={errors.notes}
          />
          {createsCallback ? (
            <TextInput
              type="datetime-local"
              label={t('interactions.callbackAt')}
              description={t('interactions.callbackHint')}
              value={values.callbackAt}
              onChange={(e) => set('callbackAt', e.currentTarget.value)}
              error={errors.callbackAt}
              required
            />
          ) : (
            <Group align="flex-end" gap="md" wrap="nowrap">
              <Checkbox
                label={t('interactions.followUp')}
                checked={values.followUp}
                onChange={(e) => set('followUp', e.currentTarget.checked)}
                mb={8}
              />
              {values.followUp && (
                <TextInput
                  type="datetime-local"
                  label={t('interactions.followUpAt')}
                  value={values.followUpAt}
                  onChange={(e) => set('followUpAt', e.currentTarget.value)}
                  error={errors.followUpAt}
                  style={{ flex: 1 }}
                />
              )}
            </Group>
          )}
          <Group justify="space-between" wrap="nowrap">
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> {t('interactions.saveHint')} ·{' '}
              <Kbd size="xs">Esc</Kbd> {t('interactions.closeHint')}
            </Text>
            <FormActions onCancel={close} label={t('interactions.save')} loading={create.isPending} />
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
