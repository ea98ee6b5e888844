import { Button, type ButtonProps, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Cancel and the main action at the bottom right of a dialog or form. The main button submits
 * the surrounding form unless it has its own `onClick`.
 */
export function FormActions({
  onCancel,
  label,
  loading,
  color,
  leftSection,
  onClick,
}: {
  onCancel: () => void;
  label: string;
  loading?: boolean;
  color?: ButtonProps['color'];
  leftSection?: ReactNode;
  onClick?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button
        type={onClick ? 'button' : 'submit'}
        onClick={onClick}
        loading={loading}
        color={color}
        leftSection={leftSection}
      >
        {label}
      </Button>
    </Group>
  );
}
