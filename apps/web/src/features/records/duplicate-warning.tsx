import { Alert, List, Text } from '@mantine/core';
import type { RecordType } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { IconAlert } from '../../ui/icons.tsx';
import { AnchorLink } from '../../ui/router-links.tsx';
import { recordRoute } from './record-links.ts';
import type { AnyRecord, Duplicate } from './record-types.ts';

/** "Possible duplicate" warning shown before creating a record; the user may still create it. */
export function DuplicateWarning({
  type,
  duplicates,
}: {
  type: RecordType;
  duplicates: Duplicate<AnyRecord>[];
}) {
  const { t } = useTranslation();
  if (!duplicates.length) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlert />}
      title={t('duplicates.possibleTitle')}
      role="alert"
    >
      <Text size="sm" mb={6}>
        {t('duplicates.possibleHint')}
      </Text>
      <List size="sm" spacing={4}>
        {duplicates.slice(0, 5).map((d) => (
          <List.Item key={d.record.id}>
            <AnchorLink {...recordRoute(type, d.record.id)} target="_blank">
              {d.record.name}
            </AnchorLink>{' '}
            <Text span size="xs" c="dimmed">
              ({d.reasons.map((r) => t(`duplicates.reasons.${r}`)).join(', ')})
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
