import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLostReasons } from './deals-api.ts';

/** Asks why a deal was lost before it moves to a lost stage. */
export function LostReasonDialog({
  opened,
  dealName,
  onCancel,
  onConfirm,
}: {
  opened: boolean;
  dealName: string;
  onCancel: () => void;
  onConfirm: (lost: { lostReasonId: string; lostNote: string | null }) => void;
}) {
  const { t } = useTranslation();
  const reasons = useLostReasons();
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setReason(null);
    setNote('');
    setError(null);
    onCancel();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason) return setError(t('validation.required'));
    onConfirm({ lostReasonId: reason, lostNote: note.trim() || null });
    setReason(null);
    setNote('');
    setError(null);
  };
  return (
    <Modal opened={opened} onClose={close} title={t('deals.lostTitle', { name: dealName })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            data-autofocus
            label={t('deals.lostReason')}
            placeholder={t('deals.lostReasonPick')}
            data={(reasons.data ?? []).filter((r) => r.active).map((r) => ({ value: r.id, label: r.label }))}
            value={reason}
            onChange={(v) => {
              setReason(v);
              setError(null);
            }}
            error={error}
            required
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea
            label={t('deals.lostNote')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red">
              {t('deals.markLost')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
