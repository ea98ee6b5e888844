import { Badge, Button, Group, Modal, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { IconInbound, IconOutbound } from '../../ui/icons-activity.tsx';
import { type Email, emailTime, useEmailThread } from './email-api.ts';
import { type ComposeDraft, EmailComposeModal } from './email-compose-modal.tsx';

const replySubject = (subject: string) => (/^re:/i.test(subject) ? subject : `Re: ${subject}`);

/** The messages of an email's thread, oldest first, as plain text; reply to the last one. */
export function EmailThreadModal({ emailId, onClose }: { emailId: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const thread = useEmailThread(emailId);
  const [draft, setDraft] = useState<ComposeDraft | null>(null);
  const messages = thread.data ?? [];
  const last: Email | undefined = messages[messages.length - 1];
  const contactId = messages.find((m) => m.contactId)?.contactId ?? null;

  return (
    <>
      <Modal
        opened={Boolean(emailId) && !draft}
        onClose={onClose}
        title={messages[0]?.subject || t('email.thread')}
        size="xl"
      >
        {thread.isPending ? (
          <Skeleton h={120} />
        ) : thread.isError ? (
          <Text c="dimmed" size="sm">
            {t('email.unavailable')}
          </Text>
        ) : (
          <Stack gap="md">
            {messages.map((m) => (
              <Paper key={m.id} withBorder p="md" radius="md" component="article" aria-label={m.subject}>
                <Group justify="space-between" wrap="nowrap" mb="xs">
                  <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                    {m.direction === 'inbound' ? <IconInbound size={14} /> : <IconOutbound size={14} />}
                    <Text size="sm" fw={600} truncate>
                      {m.from}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      → {m.to.join(', ')}
                    </Text>
                  </Group>
                  <Group gap={6} wrap="nowrap">
                    {m.status !== 'sent' && m.status !== 'received' && (
                      <Badge size="xs" color="gray">
                        {m.status}
                      </Badge>
                    )}
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(emailTime(m), i18n.language)}
                    </Text>
                  </Group>
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {m.text}
                </Text>
              </Paper>
            ))}
            {last && contactId && (
              <Group justify="flex-end">
                <Button
                  onClick={() =>
                    setDraft({
                      to: last.direction === 'inbound' ? last.from : last.to.join(', '),
                      subject: replySubject(last.subject),
                      inReplyToEmailId: last.id,
                    })
                  }
                >
                  {t('email.reply')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Modal>
      {contactId && draft && (
        <EmailComposeModal onClose={() => setDraft(null)} contactId={contactId} draft={draft} />
      )}
    </>
  );
}
