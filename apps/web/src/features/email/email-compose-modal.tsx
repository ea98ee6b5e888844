import { Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { emailCreateSchema } from '@relata/domain';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../lib/use-form.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { IconSend } from '../../ui/icons-activity.tsx';
import { useSendEmail } from './email-api.ts';

export type ComposeDraft = { to: string; subject: string; inReplyToEmailId?: string };

const splitAddresses = (value: string) =>
  value
    .split(/[,;\s]+/)
    .map((a) => a.trim())
    .filter(Boolean);

/**
 * Writes an email to a contact (or a reply in a thread); it is queued and sent by a job. Mount it
 * when it opens, so each draft starts a fresh form.
 */
export function EmailComposeModal({
  onClose,
  contactId,
  draft,
}: {
  onClose: () => void;
  contactId: string;
  draft: ComposeDraft;
}) {
  const { t } = useTranslation();
  const send = useSendEmail();
  const form = useForm({ to: draft.to, subject: draft.subject, text: '' });
  const { values, set, errors } = form;
  const close = onClose;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.parse(emailCreateSchema, {
      contactId,
      to: splitAddresses(values.to),
      subject: values.subject,
      text: values.text,
      ...(draft.inReplyToEmailId ? { inReplyToEmailId: draft.inReplyToEmailId } : {}),
    });
    if (!body) return;
    send.mutate(body, {
      onError: form.showServerError,
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('email.queued') });
        close();
      },
    });
  };

  return (
    <Modal
      opened
      onClose={close}
      title={t(draft.inReplyToEmailId ? 'email.reply' : 'email.compose')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('email.to')}
            description={t('email.toHint')}
            value={values.to}
            onChange={(e) => set('to', e.currentTarget.value)}
            error={errors.to ?? errors['to.0']}
            required
          />
          <TextInput
            label={t('email.subject')}
            value={values.subject}
            onChange={(e) => set('subject', e.currentTarget.value)}
            error={errors.subject}
            required
            data-autofocus={draft.subject ? undefined : true}
          />
          <Textarea
            label={t('email.body')}
            value={values.text}
            onChange={(e) => set('text', e.currentTarget.value)}
            autosize
            minRows={8}
            maxRows={20}
            error={errors.text ?? errors.html}
            required
            data-autofocus={draft.subject ? true : undefined}
          />
          <FormActions
            onCancel={close}
            label={t('email.send')}
            loading={send.isPending}
            leftSection={<IconSend size={16} />}
          />
        </Stack>
      </form>
    </Modal>
  );
}
