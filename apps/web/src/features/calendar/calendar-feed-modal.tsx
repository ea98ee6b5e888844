import {
  ActionIcon,
  Button,
  CopyButton,
  Group,
  Modal,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { IconCheck, IconCopy, IconRefresh } from '../../ui/icons.tsx';
import { useCalendarFeed, useResetCalendarFeed } from './calendar-api.ts';

/**
 * The user's private calendar feed: planned meetings and open tasks with a due date, to
 * subscribe to from Google, Outlook or Apple Calendar. Resetting the link cuts off old copies.
 */
export function CalendarFeedModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const feed = useCalendarFeed(opened);
  const reset = useResetCalendarFeed();
  const [confirming, setConfirming] = useState(false);

  const doReset = () =>
    reset.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        notifications.show({ color: 'teal', message: t('calendar.resetDone') });
      },
      onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
    });

  return (
    <>
      <Modal opened={opened && !confirming} onClose={onClose} title={t('calendar.feedTitle')} size="lg">
        <Stack gap="md">
          <Text size="sm">{t('calendar.feedIntro')}</Text>
          {feed.isPending ? (
            <Skeleton h={36} />
          ) : feed.isError ? (
            <Text size="sm" c="red">
              {errorMessage(feed.error, t)}
            </Text>
          ) : (
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                label={t('calendar.feedUrl')}
                value={feed.data}
                readOnly
                onFocus={(e) => e.currentTarget.select()}
                style={{ flex: 1 }}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              />
              <CopyButton value={feed.data}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? t('calendar.copied') : t('calendar.copy')}>
                    <ActionIcon
                      variant="light"
                      size={36}
                      onClick={copy}
                      aria-label={t('calendar.copy')}
                      color={copied ? 'teal' : undefined}
                    >
                      {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
          )}
          <Text size="xs" c="dimmed">
            {t('calendar.feedHowTo')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('calendar.feedSecret')}
          </Text>
          <Group justify="space-between">
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconRefresh size={16} />}
              onClick={() => setConfirming(true)}
              disabled={!feed.isSuccess}
            >
              {t('calendar.reset')}
            </Button>
            <Button onClick={onClose}>{t('common.done')}</Button>
          </Group>
        </Stack>
      </Modal>
      <ConfirmDialog
        opened={opened && confirming}
        title={t('calendar.resetTitle')}
        message={t('calendar.resetConfirm')}
        confirmLabel={t('calendar.reset')}
        loading={reset.isPending}
        onConfirm={doReset}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
