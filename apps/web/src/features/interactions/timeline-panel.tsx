import { Button, Chip, Group, MultiSelect, Skeleton, Stack, Text } from '@mantine/core';
import { channels, type RecordType } from '@relata/domain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconClock } from '../../ui/icons-activity.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useCan } from '../auth/auth-api.ts';
import { CalendarImportButton } from '../calendar/calendar-import-button.tsx';
import { EmailThreadModal } from '../email/email-thread-modal.tsx';
import { NoteComposer } from '../notes/note-composer.tsx';
import { OrderDrawer } from '../orders/order-drawer.tsx';
import { channelLabel, outcomeLabel } from './channel-meta.tsx';
import { type TimelineFilters, type TimelineKind, useOutcomes, useTimeline } from './interactions-api.ts';
import { TimelineEntry } from './timeline-item.tsx';

const kinds: TimelineKind[] = ['interaction', 'task', 'note', 'order', 'invoice', 'audit'];
const resourceOf = {
  interaction: 'interactions',
  task: 'tasks',
  note: 'notes',
  audit: 'audit',
  order: 'orders',
  invoice: 'invoices',
} as const satisfies Record<TimelineKind, string>;

/**
 * Everything that happened with a contact or account, newest first: interactions, tasks, notes,
 * orders, invoices and changes, filtered by kind, channel and outcome, a page at a time. A note composer sits on
 * top; on contacts an .ics invitation can be imported as meetings.
 */
export function TimelinePanel({ recordType, recordId }: { recordType: RecordType; recordId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const outcomes = useOutcomes();
  const [emailId, setEmailId] = useState<string | null>(null);
  const [filters, setFilters] = useState<TimelineFilters>({ kinds: [], channels: [], outcomes: [] });
  const timeline = useTimeline(recordType, recordId, filters);
  const items = useMemo(() => timeline.data?.pages.flatMap((p) => p.data) ?? [], [timeline.data]);
  const filtered = filters.kinds.length + filters.channels.length + filters.outcomes.length > 0;
  const [orderId, setOrderId] = useState<string | null>(null);
  const visibleKinds = kinds.filter((k) => can('read', resourceOf[k]));

  return (
    <SectionCard
      id="timeline"
      title={t('interactions.timeline')}
      icon={<IconClock size={16} />}
      actions={
        recordType === 'contact' &&
        can('create', 'interactions') && <CalendarImportButton contactId={recordId} />
      }
    >
      {can('create', 'notes') && (
        <div style={{ marginBottom: 'var(--mantine-spacing-sm)' }}>
          <NoteComposer recordType={recordType} recordId={recordId} />
        </div>
      )}
      <Stack gap="xs" mb="sm">
        <Chip.Group
          multiple
          value={filters.kinds}
          onChange={(v) => setFilters((f) => ({ ...f, kinds: v as TimelineKind[] }))}
        >
          <Group gap={6} role="group" aria-label={t('interactions.filterKinds')}>
            {visibleKinds.map((k) => (
              <Chip key={k} value={k} size="xs" variant="light">
                {t(`interactions.kinds.${k}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Group gap="xs" grow>
          <MultiSelect
            size="xs"
            aria-label={t('interactions.filterChannels')}
            placeholder={filters.channels.length ? undefined : t('interactions.allChannels')}
            data={channels.map((c) => ({ value: c, label: channelLabel(c, t) }))}
            value={filters.channels}
            onChange={(v) => setFilters((f) => ({ ...f, channels: v }))}
            clearable
            searchable
          />
          <MultiSelect
            size="xs"
            aria-label={t('interactions.filterOutcomes')}
            placeholder={filters.outcomes.length ? undefined : t('interactions.allOutcomes')}
            data={(outcomes.data ?? []).map((o) => ({
              value: o.key,
              label: outcomeLabel(o.key, outcomes.data, t),
            }))}
            value={filters.outcomes}
            onChange={(v) => setFilters((f) => ({ ...f, outcomes: v }))}
            clearable
            searchable
          />
        </Group>
      </Stack>
      {timeline.isPending ? (
        <Stack gap="sm">
          <Skeleton h={36} />
          <Skeleton h={36} w="80%" />
        </Stack>
      ) : timeline.isError ? (
        <Text size="sm" c="dimmed">
          {t('interactions.unavailable')}
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" py="sm">
          {filtered ? t('interactions.emptyFiltered') : t('interactions.empty')}
        </Text>
      ) : (
        <>
          <Stack
            gap={0}
            component="ul"
            aria-label={t('interactions.timeline')}
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            className="relata-timeline"
          >
            {items.map((item) => (
              <TimelineEntry
                key={`${item.kind}-${item.id}`}
                item={item}
                recordType={recordType}
                outcomes={outcomes.data}
                onOpenEmail={can('read', 'emails') ? setEmailId : undefined}
                onOpenOrder={setOrderId}
              />
            ))}
          </Stack>
          {timeline.hasNextPage && (
            <Group justify="center" mt="sm">
              <Button
                variant="subtle"
                size="xs"
                onClick={() => void timeline.fetchNextPage()}
                loading={timeline.isFetchingNextPage}
              >
                {t('table.loadMore')}
              </Button>
            </Group>
          )}
        </>
      )}
      <EmailThreadModal emailId={emailId} onClose={() => setEmailId(null)} />
      <OrderDrawer orderId={orderId} onClose={() => setOrderId(null)} />
    </SectionCard>
  );
}
