import { ActionIcon, FileButton, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { IconCalendarImport } from '../../ui/icons-files.tsx';
import { useImportCalendar } from './calendar-api.ts';

/** Uploads an .ics invitation; its events become planned meetings (on the contact, when given). */
export function CalendarImportButton({ contactId }: { contactId?: string }) {
  const { t } = useTranslation();
  const importIcs = useImportCalendar();
  const resetRef = useRef<() => void>(null);

  const pick = async (file: File | null) => {
    resetRef.current?.();
    if (!file) return;
    const ics = await file.text();
    importIcs.mutate(
      { ics, contactId },
      {
        onSuccess: (meetings) =>
          notifications.show({
            color: 'teal',
            message: t('calendar.imported', { count: meetings.length }),
          }),
        onError: (e) =>
          notifications.show({
            color: 'red',
            title: t('calendar.importFailed'),
            message: errorMessage(e, t),
          }),
      },
    );
  };

  return (
    <FileButton
      onChange={(f) => void pick(f)}
      resetRef={resetRef}
      accept=".ics,text/calendar"
      inputProps={{ 'aria-label': t('calendar.chooseIcs') }}
    >
      {(props) => (
        <Tooltip label={t('calendar.import')}>
          <ActionIcon
            {...props}
            variant="subtle"
            aria-label={t('calendar.import')}
            loading={importIcs.isPending}
          >
            <IconCalendarImport size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </FileButton>
  );
}
