import { Button, Group, Modal, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { IconInbox } from '../../ui/icons-activity.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { useCan } from '../auth/auth-api.ts';
import { RecordPicker } from '../relationships/record-picker.tsx';
import { type Email, emailTime, useAssignEmail, useUnmatchedEmails } from './email-api.ts';

function AssignModal({ email, onClose }: { email: Email; onClose: () => void }) {
  const { t } = useTranslation();
  const assign = useAssignEmail();
  const [contactId, setContactId] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!contactId) return setError(t('validation.required'));
    assign.mutate(
      { id: email.id, contactId },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('email.assigned') });
          onClose();
        },
        onError: (err) => setError(errorMessage(err, t)),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('email.assignTitle', { subject: email.subject })} size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('email.from', { from: email.from })}
          </Text>
          <RecordPicker
            type="contact"
            label={t('tasks.fields.contact')}
            value={contactId}
            onChange={(v) => {
              setContactId(v);
              setError(undefined);
            }}
            error={error}
          />
          <FormActions onCancel={onClose} label={t('email.assign')} loading={assign.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Mail that matched no contact, to be filed by hand. */
export function InboxView() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const list = useUnmatchedEmails();
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.data) ?? [], [list.data]);
  const [assigning, setAssigning] = useState<Email | null>(null);
  return (
    <>
      <PageHeader title={t('email.inbox')} description={t('email.inboxHint')} />
      {list.isPending ? (
        <Stack>
          <Skeleton h={72} />
          <Skeleton h={72} />
        </Stack>
      ) : list.isError ? (
        <Text c="dimmed">{errorMessage(list.error, t)}</Text>
      ) : rows.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <IconInbox size={28} color="var(--mantine-color-gray-5)" />
          <Text c="dimmed" mt="xs">
            {t('email.inboxEmpty')}
          </Text>
        </Paper>
      ) : (
        <Stack
          gap="sm"
          component="ul"
          aria-label={t('email.inbox')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {rows.map((m) => (
            <Paper key={m.id} withBorder p="md" component="li" aria-label={m.subject}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Group gap="xs" wrap="nowrap">
                    <Text fw={600} size="sm" truncate>
                      {m.subject || t('email.noSubject')}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(emailTime(m), i18n.language)}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('email.from', { from: m.from })}
                  </Text>
                  <Text size="sm" mt={4} lineClamp={2} c="dark.4">
                    {m.text}
                  </Text>
                </div>
                {can('update', 'emails') && (
                  <Button variant="light" size="xs" onClick={() => setAssigning(m)}>
                    {t('email.assign')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
          {list.hasNextPage && (
            <Group justify="center">
              <Button
                variant="subtle"
                size="xs"
                onClick={() => void list.fetchNextPage()}
                loading={list.isFetchingNextPage}
              >
                {t('table.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {assigning && <AssignModal email={assigning} onClose={() => setAssigning(null)} />}
    </>
  );
}
