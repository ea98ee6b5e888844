import { Alert, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { IconDownload } from '../../ui/icons-files.tsx';
import { IconEraser } from '../../ui/icons-privacy.tsx';
import { type ErasureCounts, type ExportFormat, useExportContact } from './privacy-api.ts';

/** The privacy items of a contact's menu: export (JSON, zip) and, for admins, erasure. */
export function PrivacyMenuItems({
  contactId,
  canExport,
  onErase,
}: {
  contactId: string;
  canExport: boolean;
  /** Set for administrators. */
  onErase?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const exporter = useExportContact(contactId);
  const run = (format: ExportFormat) =>
    exporter.mutate(format, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('privacy.exported') }),
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
    });
  if (!canExport && !onErase) return null;
  return (
    <>
      <Menu.Label>{t('privacy.menu')}</Menu.Label>
      {canExport && (
        <>
          <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => run('json')}>
            {t('privacy.exportJson')}
          </Menu.Item>
          <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => run('zip')}>
            {t('privacy.exportZip')}
          </Menu.Item>
        </>
      )}
      {onErase && (
        <Menu.Item color="red" leftSection={<IconEraser size={16} />} onClick={onErase}>
          {t('privacy.eraseItem')}
        </Menu.Item>
      )}
      <Menu.Divider />
    </>
  );
}

const counted = [
  'notes',
  'emails',
  'otherEmails',
  'attachments',
  'relationships',
  'facts',
  'consents',
  'interactions',
  'tasks',
  'surveyResponses',
  'orders',
  'warranties',
  'leads',
  'leadActivities',
  'cases',
  'disputes',
  'deals',
  'quotes',
  'auditEntries',
] as const;

/**
 * On an erased contact: the record is an anonymous shell; right after the erasure, also what was
 * removed or blanked.
 */
export function ErasedNotice({
  erasedAt,
  removed,
}: {
  erasedAt: string | null;
  removed: ErasureCounts | null;
}) {
  const { t, i18n } = useTranslation();
  const parts = counted
    .filter((k) => (removed?.[k] ?? 0) > 0)
    .map((k) => t(`privacy.removed.${k}`, { count: removed?.[k] ?? 0 }));
  return (
    <Alert
      color="gray"
      variant="light"
      title={
        erasedAt
          ? t('privacy.erasedOn', { date: formatDateTime(erasedAt, i18n.language) })
          : t('privacy.erasedTitle')
      }
      icon={<IconEraser size={18} />}
      mb="lg"
      role="status"
    >
      <Text size="sm">{t('privacy.erasedText')}</Text>
      {parts.length > 0 && (
        <Text size="sm" mt={4}>
          {t('privacy.erasedCounts', { list: parts.join(', ') })}
        </Text>
      )}
    </Alert>
  );
}
