import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import type { RecordType } from '@relata/domain';
import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatBytes, formatDateTime } from '../../lib/format.ts';
import { ConfirmMutationDialog } from '../../ui/confirm-dialog.tsx';
import { IconTrash } from '../../ui/icons.tsx';
import { IconFile, IconPaperclip, IconUpload } from '../../ui/icons-files.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useUserNames } from '../users/users-api.ts';
import {
  type Attachment,
  useAttachments,
  useDeleteAttachment,
  useUploadAttachment,
} from './attachments-api.ts';

type UploadError = { title: string; detail: string | null };

/** 413 and 415 get their own sentence; the server's detail says the limit or why the type was refused. */
function uploadError(e: unknown, t: TFunction): UploadError {
  if (isApiError(e) && (e.status === 413 || e.code === 'payload_too_large'))
    return { title: t('attachments.tooLarge'), detail: e.detail };
  if (isApiError(e) && (e.status === 415 || e.code === 'unsupported_media_type'))
    return { title: t('attachments.typeNotAllowed'), detail: e.errors[0]?.message ?? e.detail };
  return { title: t('attachments.uploadFailed'), detail: errorMessage(e, t) };
}

/** The files of a contact or account: list with download links, upload and delete. */
export function AttachmentsPanel({
  recordType,
  recordId,
  canEdit,
}: {
  recordType: RecordType;
  recordId: string;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const list = useAttachments(recordId);
  const upload = useUploadAttachment(recordType, recordId);
  const remove = useDeleteAttachment(recordId);
  const names = useUserNames();
  const resetRef = useRef<() => void>(null);
  const [error, setError] = useState<UploadError | null>(null);
  const [deleting, setDeleting] = useState<Attachment | null>(null);
  const rows = list.data ?? [];

  const pick = (file: File | null) => {
    resetRef.current?.();
    if (!file) return;
    setError(null);
    // Success needs no toast: the file appears in the list.
    upload.mutate(file, { onError: (e) => setError(uploadError(e, t)) });
  };

  return (
    <SectionCard
      id="attachments"
      title={t('attachments.title')}
      icon={<IconPaperclip size={16} />}
      count={rows.length}
      actions={
        canEdit && (
          <FileButton
            onChange={pick}
            resetRef={resetRef}
            inputProps={{ 'aria-label': t('attachments.choose') }}
          >
            {(props) => (
              <Button
                {...props}
                size="compact-sm"
                variant="subtle"
                leftSection={<IconUpload size={15} />}
                loading={upload.isPending}
              >
                {t('attachments.upload')}
              </Button>
            )}
          </FileButton>
        )
      }
    >
      {error && (
        <Alert
          color="red"
          variant="light"
          title={error.title}
          withCloseButton
          closeButtonLabel={t('attachments.dismiss')}
          onClose={() => setError(null)}
          mb="sm"
          role="alert"
        >
          {error.detail}
        </Alert>
      )}
      {list.isPending ? (
        <Skeleton h={36} />
      ) : list.isError ? (
        <Text size="sm" c="dimmed">
          {t('attachments.unavailable')}
        </Text>
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('attachments.empty')}
        </Text>
      ) : (
        <Stack
          gap="sm"
          component="ul"
          aria-label={t('attachments.title')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {rows.map((a) => {
            const by = a.uploadedBy ? names.get(a.uploadedBy) : undefined;
            const meta = [
              formatBytes(a.sizeBytes, i18n.language),
              by ? t('attachments.by', { name: by }) : null,
              formatDateTime(a.createdAt, i18n.language),
            ].filter(Boolean);
            return (
              <Group key={a.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                  <ThemeIcon variant="light" color="gray" size={32} radius="md" style={{ flexShrink: 0 }}>
                    <IconFile size={16} />
                  </ThemeIcon>
                  <div style={{ minWidth: 0 }}>
                    <Anchor href={a.downloadUrl} size="sm" fw={600} c="dark" display="block" truncate>
                      {a.filename}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {meta.join(' · ')}
                    </Text>
                  </div>
                </Group>
                {canEdit && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    onClick={() => setDeleting(a)}
                    aria-label={t('attachments.delete', { name: a.filename })}
                  >
                    <IconTrash size={15} />
                  </ActionIcon>
                )}
              </Group>
            );
          })}
        </Stack>
      )}
      <ConfirmMutationDialog
        target={deleting}
        mutation={remove}
        onClose={() => setDeleting(null)}
        title={t('attachments.deleteTitle')}
        message={deleting ? t('attachments.deleteConfirm', { name: deleting.filename }) : ''}
      />
    </SectionCard>
  );
}
