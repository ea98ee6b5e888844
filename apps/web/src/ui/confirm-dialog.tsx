import { Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors.ts';
import { FormActions } from './form-actions.tsx';

export function ConfirmDialog({
  opened,
  title,
  message,
  confirmLabel,
  loading,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  loading?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>{title}</Text>} size="sm">
      <Text size="sm" mb="lg">
        {message}
      </Text>
      <FormActions
        onCancel={onClose}
        label={confirmLabel}
        color="red"
        onClick={onConfirm}
        loading={loading}
      />
    </Modal>
  );
}

type Mutation<T> = {
  mutate: (target: T, options: { onSuccess: () => void; onError: (e: unknown) => void }) => void;
  isPending: boolean;
};

/**
 * Asks before running a mutation on `target` (a row to delete, revoke or remove); open while
 * `target` is set. Closes on success, shows the error as a notification otherwise.
 */
export function ConfirmMutationDialog<T>({
  target,
  mutation,
  onClose,
  onDone,
  confirmLabel,
  ...texts
}: {
  target: T | null;
  mutation: Mutation<T>;
  onClose: () => void;
  /** Runs after a successful mutation, instead of just closing. */
  onDone?: (target: T) => void;
  title: string;
  message: ReactNode;
  confirmLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      {...texts}
      opened={target !== null}
      confirmLabel={confirmLabel ?? t('common.delete')}
      loading={mutation.isPending}
      onClose={onClose}
      onConfirm={() =>
        target !== null &&
        mutation.mutate(target, {
          onSuccess: () => (onDone ? onDone(target) : onClose()),
          onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
        })
      }
    />
  );
}
