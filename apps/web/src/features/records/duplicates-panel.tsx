import { Alert, Group, Stack, Text } from '@mantine/core';
import type { RecordType } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { IconAlert, IconMerge } from '../../ui/icons.tsx';
import { ButtonLink } from '../../ui/router-links.tsx';
import { mergeRoute } from './record-links.ts';
import { useDuplicates } from './records-api.ts';

/** A warning on a record page when likely duplicates exist, with a way to merge them. */
export function DuplicatesPanel({ type, id, canMerge }: { type: RecordType; id: string; canMerge: boolean }) {
  const { t } = useTranslation();
  const dupes = useDuplicates(type, id);
  const list = dupes.data ?? [];
  if (!list.length) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlert />}
      title={t('duplicates.foundTitle', { count: list.length })}
      radius="lg"
    >
      <Stack gap={6}>
        {list.slice(0, 5).map((d) => (
          <Group key={d.record.id} justify="space-between" wrap="nowrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} truncate>
                {d.record.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t('duplicates.matchesOn', {
                  reasons: d.reasons.map((r) => t(`duplicates.reasons.${r}`)).join(', '),
                })}
              </Text>
            </div>
            {canMerge && (
              <ButtonLink
                {...mergeRoute(type, id, d.record.id)}
                size="compact-sm"
                variant="white"
                color="orange"
                leftSection={<IconMerge size={14} />}
                aria-label={t('duplicates.mergeWith', { name: d.record.name })}
              >
                {t('duplicates.merge')}
              </ButtonLink>
            )}
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
