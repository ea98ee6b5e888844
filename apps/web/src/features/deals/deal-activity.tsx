import { Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/format.ts';
import { IconClock } from '../../ui/icons-activity.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useCan } from '../auth/auth-api.ts';
import { channelIcon, channelLabel, outcomeLabel } from '../interactions/channel-meta.tsx';
import { type Interaction, useOutcomes } from '../interactions/interactions-api.ts';
import { LogInteractionModal } from '../interactions/log-interaction-modal.tsx';
import { TaskCheckbox } from '../tasks/task-checkbox.tsx';
import { TaskDue } from '../tasks/task-due.tsx';
import { useTasks } from '../tasks/tasks-api.ts';
import type { Deal } from './deals-api.ts';

/** Calls, meetings and other touches logged on the deal, and its open tasks (callbacks included). */
export function DealActivity({ deal }: { deal: Deal }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const outcomes = useOutcomes();
  const [logging, setLogging] = useState(false);
  const interactions = useQuery({
    queryKey: ['interactions', 'deal', deal.id],
    queryFn: async ({ signal }) =>
      (
        await api<Page<Interaction>>('/interactions', {
          query: { 'filter[dealId]': deal.id, limit: 50, sort: '-occurredAt' },
          signal,
        })
      ).data,
  });
  const filters = useMemo(
    () => [
      { field: 'dealId', op: 'eq' as const, value: deal.id },
      { field: 'status', op: 'eq' as const, value: 'open' },
    ],
    [deal.id],
  );
  const tasks = useTasks(filters, 'dueAt', 20);
  const openTasks = tasks.data?.pages.flatMap((p) => p.data) ?? [];
  const record = deal.contactId
    ? { type: 'contact' as const, id: deal.contactId }
    : deal.accountId
      ? { type: 'account' as const, id: deal.accountId }
      : null;
  return (
    <SectionCard
      id="deal-activity"
      title={t('deals.activity')}
      icon={<IconClock size={16} />}
      actions={
        can('create', 'interactions') &&
        record && (
          <Button size="compact-sm" variant="light" onClick={() => setLogging(true)}>
            {t('deals.logCall')}
          </Button>
        )
      }
    >
      {!record && (
        <Text size="xs" c="dimmed" mb="xs">
          {t('deals.noCustomerToLog')}
        </Text>
      )}
      {openTasks.length > 0 && (
        <Stack gap={6} mb="sm">
          {openTasks.map((task) => (
            <Group key={task.id} gap="xs" wrap="nowrap">
              <TaskCheckbox task={task} />
              <Text size="sm" style={{ flex: 1 }} truncate>
                {task.title}
              </Text>
              <TaskDue task={task} />
            </Group>
          ))}
        </Stack>
      )}
      {(interactions.data ?? []).length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('deals.noActivity')}
        </Text>
      ) : (
        <Stack gap={8} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {(interactions.data ?? []).map((i) => {
            const Icon = channelIcon(i.channel);
            return (
              <Group key={i.id} component="li" gap="sm" wrap="nowrap" align="flex-start">
                <Icon size={16} style={{ marginTop: 2, flex: 'none' }} />
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500} truncate>
                    {i.subject || channelLabel(i.channel, t)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(i.occurredAt, i18n.language)}
                    {i.outcome ? ` · ${outcomeLabel(i.outcome, outcomes.data, t)}` : ''}
                  </Text>
                </Stack>
              </Group>
            );
          })}
        </Stack>
      )}
      {record && (
        <LogInteractionModal
          opened={logging}
          onClose={() => setLogging(false)}
          record={record}
          dealId={deal.id}
        />
      )}
    </SectionCard>
  );
}
