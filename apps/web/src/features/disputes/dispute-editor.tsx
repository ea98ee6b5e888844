import { Alert, Button, Group, List, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type DisputeReason, type DisputeStatus, disputeStatuses } from '@relata/domain';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useCan } from '../auth/auth-api.ts';
import { useUsers } from '../users/users-api.ts';
import { type Dispute, disputeKeys, useUpdateDispute } from './disputes-api.ts';

/** One reason a dispute was raised, in the user's language. */
export function disputeReasonText(r: DisputeReason, t: TFunction, locale: string): string {
  switch (r.rule) {
    case 'keywords':
      return t('disputes.reasons.keywords', { words: r.words.join(', ') });
    case 'detractor':
      return r.score === null
        ? t('disputes.reasons.detractorNoScore', { date: formatDate(r.answeredAt, locale) })
        : t('disputes.reasons.detractor', { score: r.score, date: formatDate(r.answeredAt, locale) });
    case 'repeat':
      return t('disputes.reasons.repeat', { count: r.count, days: r.days });
  }
}

/** Why a dispute was raised, each reason in the user's language. */
export function DisputeReasons({ reasons }: { reasons: readonly DisputeReason[] }) {
  const { t, i18n } = useTranslation();
  return (
    <List size="sm" spacing={2}>
      {reasons.map((r) => (
        <List.Item key={r.rule}>{disputeReasonText(r, t, i18n.language)}</List.Item>
      ))}
    </List>
  );
}

/** Status, owner and resolution of a dispute, each saved with the version shown (If-Match). */
export function DisputeEditor({ dispute }: { dispute: Dispute }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const users = useUsers();
  const update = useUpdateDispute();
  const queryClient = useQueryClient();
  const [resolution, setResolution] = useState(dispute.resolution);
  useEffect(() => setResolution(dispute.resolution), [dispute.resolution]);
  const readOnly = !can('update', 'cases', { ownerId: dispute.ownerId, teamId: dispute.teamId });
  const stale = isApiError(update.error) && update.error.code === 'precondition_failed';

  const save = (patch: { status?: DisputeStatus; ownerId?: string | null; resolution?: string }) =>
    update.mutate(
      { dispute, patch },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('disputes.saved') }),
        onError: (e) => {
          if (!(isApiError(e) && e.code === 'precondition_failed'))
            notifications.show({ color: 'red', message: errorMessage(e, t) });
        },
      },
    );
  const reload = () => {
    update.reset();
    void queryClient.invalidateQueries({ queryKey: disputeKeys.one(dispute.id) });
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
  };

  return (
    <Stack gap="sm">
      <DisputeReasons reasons={dispute.reasons} />
      <Text size="xs" c="dimmed">
        {t('disputes.openedAt', { time: formatDateTime(dispute.openedAt, i18n.language) })}
        {dispute.resolvedAt &&
          ` · ${t('disputes.resolvedAt', { time: formatDateTime(dispute.resolvedAt, i18n.language) })}`}
      </Text>
      {stale && (
        <Alert color="orange" role="alert" title={t('errors.staleTitle')} py="xs">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm">{t('cases.staleHint')}</Text>
            <Button size="xs" variant="default" onClick={reload}>
              {t('cases.reload')}
            </Button>
          </Group>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={t('disputes.fields.status')}
          data={disputeStatuses.map((s) => ({ value: s, label: t(`disputes.statuses.${s}`) }))}
          value={dispute.status}
          onChange={(v) => v && v !== dispute.status && save({ status: v as DisputeStatus })}
          allowDeselect={false}
          disabled={readOnly || update.isPending}
        />
        <Select
          label={t('disputes.fields.owner')}
          placeholder={t('disputes.noOwner')}
          data={(users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
          value={dispute.ownerId}
          onChange={(v) => v !== dispute.ownerId && save({ ownerId: v })}
          clearable
          searchable
          disabled={readOnly || update.isPending}
        />
      </SimpleGrid>
      <Textarea
        label={t('disputes.fields.resolution')}
        value={resolution}
        onChange={(e) => setResolution(e.currentTarget.value)}
        autosize
        minRows={2}
        maxRows={8}
        readOnly={readOnly}
      />
      {!readOnly && (
        <Group justify="flex-end">
          <Button
            size="xs"
            variant="default"
            disabled={resolution === dispute.resolution}
            loading={update.isPending}
            onClick={() => save({ resolution })}
          >
            {t('disputes.saveResolution')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
