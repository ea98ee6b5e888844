import { Center, Drawer, Group, Loader, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useUserNames } from '../users/users-api.ts';
import { type ConsentPurpose, useConsentHistory } from './consent-api.ts';
import { channelLabel, purposeLabel, sourceLabel, statusLabel } from './consent-labels.ts';
import { ConsentStatusIcon } from './consent-panel.tsx';

/** Every consent change of the contact, newest first: what, from where, the evidence, who and when. */
export function ConsentHistoryDrawer({
  contactId,
  opened,
  onClose,
  purposes,
}: {
  contactId: string;
  opened: boolean;
  onClose: () => void;
  purposes: readonly ConsentPurpose[] | undefined;
}) {
  const { t, i18n } = useTranslation();
  const history = useConsentHistory(contactId, opened);
  const names = useUserNames();
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="md"
      title={<Text fw={600}>{t('consent.historyTitle')}</Text>}
    >
      {history.isPending ? (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      ) : history.isError ? (
        <Text c="red">{errorMessage(history.error, t)}</Text>
      ) : history.data.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('consent.noHistory')}
        </Text>
      ) : (
        <Timeline bulletSize={24} lineWidth={2}>
          {history.data.map((h, i) => (
            <Timeline.Item
              // biome-ignore lint/suspicious/noArrayIndexKey: history rows have no id in the API
              key={i}
              bullet={<ConsentStatusIcon status={h.status} size={16} />}
              title={
                <Text size="sm" fw={600}>
                  {t('consent.historyLine', {
                    purpose: purposeLabel(h.purpose, purposes, t),
                    channel: channelLabel(h.channel, t),
                    status: statusLabel(h.status, t).toLowerCase(),
                  })}
                </Text>
              }
            >
              <Stack gap={2}>
                <Group gap={6}>
                  <Text size="xs" c="dimmed">
                    {h.recordedAt ? formatDateTime(h.recordedAt, i18n.language) : ''}
                  </Text>
                  <Text size="xs" c="dimmed">
                    · {sourceLabel(h.source, t)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    ·{' '}
                    {h.recordedBy
                      ? (names.get(h.recordedBy) ?? t('consent.someone'))
                      : t('consent.byCustomer')}
                  </Text>
                </Group>
                {h.evidence && (
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    “{h.evidence}”
                  </Text>
                )}
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Drawer>
  );
}
