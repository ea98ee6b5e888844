import { Stack, Text } from '@mantine/core';
import type { RecordType } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { useCustomFields } from '../custom-fields/custom-fields-api.ts';
import { useUserNames } from '../users/users-api.ts';
import type { AuditEntry } from './audit-api.ts';
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

/** What an audit entry changed: one "field: from → to" line per field (updates and merges). */
export function AuditChanges({ entry, recordType }: { entry: AuditEntry; recordType: RecordType }) {
  const { t } = useTranslation();
  const names = useUserNames();
  const customFields = useCustomFields(recordType);
  const customLabels = new Map((customFields.data ?? []).map((f) => [f.key, f.label]));
  const kind = actionKind(entry.action);
  const rows = kind === 'updated' || kind === 'merged' ? flattenChanges(entry.changes ?? {}) : [];
  if (!rows.length) return null;
  return (
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
  );
}
