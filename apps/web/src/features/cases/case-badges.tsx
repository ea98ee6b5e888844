import { Badge, type MantineColor, type MantineSize } from '@mantine/core';
import type { CaseStatus, DisputeStatus, Priority } from '@relata/domain';
import { useTranslation } from 'react-i18next';

export const priorityColors: Record<Priority, MantineColor> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

export const caseStatusColors: Record<CaseStatus, MantineColor> = {
  new: 'violet',
  open: 'blue',
  pending: 'yellow',
  solved: 'teal',
  closed: 'gray',
};

export const disputeStatusColors: Record<DisputeStatus, MantineColor> = {
  open: 'red',
  investigating: 'orange',
  resolved: 'teal',
  rejected: 'gray',
};

export function PriorityBadge({ priority, size = 'sm' }: { priority: Priority; size?: MantineSize }) {
  const { t } = useTranslation();
  return (
    <Badge
      size={size}
      variant={priority === 'urgent' ? 'filled' : 'light'}
      color={priorityColors[priority]}
      aria-label={t('cases.priorityNamed', { priority: t(`cases.priorities.${priority}`) })}
    >
      {t(`cases.priorities.${priority}`)}
    </Badge>
  );
}

export function CaseStatusBadge({ status, size = 'sm' }: { status: CaseStatus; size?: MantineSize }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} variant="outline" color={caseStatusColors[status]}>
      {t(`cases.statuses.${status}`)}
    </Badge>
  );
}

/** A case flagged as a dispute, in the colour of the dispute's status (compact: the word only). */
export function DisputeBadge({
  status,
  size = 'sm',
  compact = false,
}: {
  status: DisputeStatus | null;
  size?: MantineSize;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const full = status
    ? t('disputes.badge', { status: t(`disputes.statuses.${status}`) })
    : t('disputes.flagged');
  return (
    <Badge
      size={size}
      variant="light"
      color={status ? disputeStatusColors[status] : 'red'}
      aria-label={full}
      title={compact ? full : undefined}
    >
      {compact ? t('disputes.flagged') : full}
    </Badge>
  );
}

export function DisputeStatusBadge({ status, size = 'sm' }: { status: DisputeStatus; size?: MantineSize }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} variant="light" color={disputeStatusColors[status]}>
      {t(`disputes.statuses.${status}`)}
    </Badge>
  );
}
