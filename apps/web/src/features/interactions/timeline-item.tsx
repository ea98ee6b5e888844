import { Anchor, Badge, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { RecordType } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { apiBase } from '../../lib/api-client.ts';
import { formatDuration } from '../../lib/datetime.ts';
import { IconHistory } from '../../ui/icons.tsx';
import { IconInbound, IconOutbound, IconTask } from '../../ui/icons-activity.tsx';
import { IconDownload } from '../../ui/icons-files.tsx';
import { AuditChanges } from '../audit/audit-changes.tsx';
import { actionKind } from '../audit/audit-format.ts';
import { NoteEntry } from '../notes/note-entry.tsx';
import { CommerceRow } from '../orders/commerce-timeline-row.tsx';
import { TaskDue } from '../tasks/task-due.tsx';
import { useUserNames } from '../users/users-api.ts';
import { channelIcon, channelLabel, outcomeLabel, sentimentColors } from './channel-meta.tsx';
import type { Interaction, Outcome, TimelineItem } from './interactions-api.ts';
import { SanitisedHtml, TimelineRow } from './timeline-row.tsx';

export function OutcomeBadge({ outcome, outcomes }: { outcome: string; outcomes: Outcome[] | undefined }) {
  const { t } = useTranslation();
  const sentiment = outcomes?.find((o) => o.key === outcome)?.sentiment ?? 'neutral';
  return (
    <Badge size="sm" color={sentimentColors[sentiment]} variant="light">
      {outcomeLabel(outcome, outcomes, t)}
    </Badge>
  );
}

function InteractionRow({
  item,
  outcomes,
  onOpenEmail,
}: {
  item: Interaction;
  outcomes: Outcome[] | undefined;
  onOpenEmail?: (emailId: string) => void;
}) {
  const { t } = useTranslation();
  const names = useUserNames();
  const ChannelIcon = channelIcon(item.channel);
  const Arrow = item.direction === 'inbound' ? IconInbound : IconOutbound;
  const owner = item.ownerId ? names.get(item.ownerId) : undefined;
  const subject = item.subject || channelLabel(item.channel, t);
  const emailId = item.emailId;
  const meta = [
    channelLabel(item.channel, t),
    item.durationSeconds ? formatDuration(item.durationSeconds) : null,
    owner ? t('interactions.by', { name: owner }) : null,
  ].filter(Boolean);
  return (
    <TimelineRow
      icon={<ChannelIcon size={16} />}
      color="brand"
      at={item.occurredAt}
      title={
        <>
          <Group gap={6} wrap="nowrap">
            <Tooltip label={t(`interactions.${item.direction}`)}>
              <span style={{ display: 'flex', color: 'var(--mantine-color-gray-6)' }}>
                <Arrow
                  size={14}
                  aria-label={t(`interactions.${item.direction}`)}
                  aria-hidden={false}
                  role="img"
                />
              </span>
            </Tooltip>
            {emailId && onOpenEmail ? (
              <UnstyledButton onClick={() => onOpenEmail(emailId)} fw={600} fz="sm" td="underline">
                {subject}
              </UnstyledButton>
            ) : (
              <Text size="sm" fw={600} truncate>
                {subject}
              </Text>
            )}
            {item.outcome && <OutcomeBadge outcome={item.outcome} outcomes={outcomes} />}
          </Group>
          <Text size="xs" c="dimmed">
            {meta.join(' · ')}
          </Text>
        </>
      }
    >
      {item.outcomeNote && (
        <Text size="sm" c="dimmed" fs="italic" mt={4}>
          {item.outcomeNote}
        </Text>
      )}
      <SanitisedHtml html={item.notes} />
      {item.channel === 'meeting' && (
        <Anchor
          href={`${apiBase}/interactions/${item.id}/ics`}
          size="xs"
          mt={4}
          display="inline-flex"
          style={{ alignItems: 'center', gap: 4 }}
          aria-label={t('calendar.downloadIcsOf', { subject })}
        >
          <IconDownload size={13} />
          {t('calendar.downloadIcs')}
        </Anchor>
      )}
    </TimelineRow>
  );
}

/** One entry of a record's timeline, drawn by its kind. */
export function TimelineEntry({
  item,
  recordType,
  outcomes,
  onOpenEmail,
  onOpenOrder,
}: {
  item: TimelineItem;
  recordType: RecordType;
  outcomes: Outcome[] | undefined;
  onOpenEmail?: (emailId: string) => void;
  onOpenOrder?: (orderId: string) => void;
}) {
  const { t } = useTranslation();
  const names = useUserNames();
  switch (item.kind) {
    case 'interaction':
      return <InteractionRow item={item} outcomes={outcomes} onOpenEmail={onOpenEmail} />;
    case 'task':
      return (
        <TimelineRow
          icon={<IconTask size={16} />}
          color={item.status === 'open' ? (item.overdue ? 'red' : 'orange') : 'gray'}
          at={item.occurredAt}
          title={
            <>
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={600} truncate td={item.status === 'done' ? 'line-through' : undefined}>
                  {item.title}
                </Text>
                <Badge size="sm" variant="outline" color={item.status === 'open' ? 'orange' : 'gray'}>
                  {t(`tasks.statuses.${item.status}`)}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" component="div">
                {t(`tasks.types.${item.type}`)}
                {item.dueAt && (
                  <>
                    {' · '}
                    <TaskDue task={item} />
                  </>
                )}
              </Text>
            </>
          }
        />
      );
    case 'note':
      return <NoteEntry note={item} />;
    case 'order':
    case 'invoice':
      return <CommerceRow item={item} onOpenOrder={onOpenOrder} />;
    case 'audit': {
      const actor = item.actorName ?? (item.actorId ? names.get(item.actorId) : null) ?? t('audit.system');
      return (
        <TimelineRow
          icon={<IconHistory size={16} />}
          color="gray"
          at={item.occurredAt}
          title={
            <Text size="sm">
              <Text span fw={600}>
                {actor}
              </Text>{' '}
              {t(`audit.actions.${actionKind(item.action)}`)}
            </Text>
          }
        >
          <AuditChanges entry={item} recordType={recordType} />
        </TimelineRow>
      );
    }
  }
}
