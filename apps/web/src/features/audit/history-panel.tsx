import { Avatar, Group, Skeleton, Stack, Text, Timeline, Tooltip } from '@mantine/core';
import type { RecordType } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative, initials } from '../../lib/format.ts';
import { IconHistory } from '../../ui/icons.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useCustomFields } from '../custom-fields/custom-fields-api.ts';
import { useUserNames } from '../users/users-api.ts';
import { useAudit } from './audit-api.ts';
import { actionKind, fieldLabel, formatAuditValue } from './audit-format.ts';

function flattenChanges(changes: Record<string, { from: unknown; to: unknown }>) {
  const rows: { field: string; from: unknown; to: unknown }[] = [];
  for (const [field, change] of Object.entries(changes)) {
    const from = change?.from;
    const to = change?.to;
    if (
      field === 'custom' &&
      (from === null || typeof from === 'object') &&
      (to === null || typeof to === 'object')
    ) {
      const a = (from ?? {}) as Record<string, unknown>;
      const b = (to ?? {}) as Record<string, unknown>;
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (JSON.stringify(a[key] ?? null) !== JSON.stringify(b[key] ?? null)) {
          rows.push({ field: `custom.${key}`, from: a[key], to: b[key] });
        }
      }
    } else rows.push({ field, from, to });
  }
  return rows;
}

/** Who changed what, from → to, newest first. */
export function HistoryPanel({ recordId, recordType }: { recordId: string; recordType: RecordType }) {
  const { t, i18n } = useTranslation();
  const audit = useAudit(recordId);
  const names = useUserNames();
  const customFields = useCustomFields(recordType);
  const customLabels = new Map((customFields.data ?? []).map((f) => [f.key, f.label]));
  const entries = audit.data?.data ?? [];

  return (
    <SectionCard
      id="history"
      title={t('audit.title')}
      icon={<IconHistory size={16} />}
      count={entries.length}
    >
      {audit.isPending ? (
        <Stack gap="xs">
          <Skeleton h={14} />
          <Skeleton h={14} w="70%" />
        </Stack>
      ) : audit.isError ? (
        <Text size="sm" c="dimmed">
          {t('audit.unavailable')}
        </Text>
      ) : entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('audit.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={26} lineWidth={2} aria-label={t('audit.title')}>
          {entries.map((entry) => {
            const actor =
              entry.actorName ?? (entry.actorId ? names.get(entry.actorId) : null) ?? t('audit.system');
            const kind = actionKind(entry.action);
            const rows = kind === 'updated' || kind === 'merged' ? flattenChanges(entry.changes ?? {}) : [];
            return (
              <Timeline.Item
                key={entry.id}
                bullet={
                  <Avatar size={24} radius="xl" color="initials" name={actor}>
                    {initials(actor)}
                  </Avatar>
                }
                title={
                  <Group gap={6} wrap="nowrap" justify="space-between">
                    <Text size="sm">
                      <Text span fw={600}>
                        {actor}
                      </Text>{' '}
                      {t(`audit.actions.${kind}`)}
                    </Text>
                    <Tooltip label={formatDateTime(entry.at, i18n.language)}>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {formatRelative(entry.at, i18n.language)}
                      </Text>
                    </Tooltip>
                  </Group>
                }
              >
                <Stack gap={2} mt={4} data-testid="audit-changes">
                  {rows.map((r) => (
                    <Text key={r.field} size="xs" c="dimmed">
                      <Text span fw={500} c="dark.4" size="xs">
                        {fieldLabel(r.field, t, customLabels)}
                      </Text>
                      {': '}
                      <Text span td="line-through" size="xs">
                        {formatAuditValue(r.from, names)}
                      </Text>
                      {' → '}
                      <Text span c="dark.6" size="xs">
                        {formatAuditValue(r.to, names)}
                      </Text>
                    </Text>
                  ))}
                </Stack>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </SectionCard>
  );
}
