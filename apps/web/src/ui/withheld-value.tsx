import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconLock } from './icons-privacy.tsx';
import classes from './inline-field.module.css';

/**
 * In place of a field the customer withholds: a label and "withheld by the customer", with no
 * value and no way to enter one.
 */
export function WithheldValue({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <div className={classes.field}>
      <div className={classes.label}>{label}</div>
      <div className={classes.value}>
        <Group gap={6} wrap="nowrap">
          <IconLock size={14} color="var(--mantine-color-gray-6)" />
          <Text size="sm" fs="italic" c="dimmed">
            {t('withheld.value')}
          </Text>
        </Group>
      </div>
    </div>
  );
}
