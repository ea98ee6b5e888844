import {
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ConsentChannel, type ConsentStatus, consentChannels, consentStatuses } from '@relata/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFieldErrors, errorMessage } from '../../lib/errors.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { type Consent, useRecordConsents } from './consent-api.ts';
import { channelLabel, consentSources, sourceLabel, statusLabel } from './consent-labels.ts';

type Props = {
  contactId: string;
  purpose: string;
  purposeName: string;
  /** The channel that was clicked; others of the purpose can be changed at once. */
  channel: ConsentChannel;
  current: Consent[];
  onClose: () => void;
};

/** Records what the customer said about a purpose: status, channels, where it came from and the evidence. */
export function ConsentChangeModal({ contactId, purpose, purposeName, channel, current, onClose }: Props) {
  const { t } = useTranslation();
  const record = useRecordConsents(contactId);
  const now = current.find((c) => c.channel === channel);
  const [status, setStatus] = useState<ConsentStatus>(now?.status === 'granted' ? 'denied' : 'granted');
  const [channels, setChannels] = useState<string[]>([channel]);
  const [source, setSource] = useState<string>('manual');
  const [evidence, setEvidence] = useState('');
  const [when, setWhen] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!channels.length) next.channels = t('consent.pickChannel');
    if (status !== 'unknown' && !evidence.trim()) next.evidence = t('consent.evidenceRequired');
    const at = when ? new Date(when) : null;
    if (at && (Number.isNaN(at.getTime()) || at.getTime() > Date.now())) next.when = t('consent.notInFuture');
    setErrors(next);
    if (Object.keys(next).length) return;
    record.mutate(
      channels.map((c) => ({
        purpose,
        channel: c as ConsentChannel,
        status,
        source,
        evidence: evidence.trim(),
        ...(at ? { recordedAt: at.toISOString() } : {}),
      })),
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('consent.saved', { purpose: purposeName }) });
          onClose();
        },
        onError: (err) => {
          const fields = apiFieldErrors(err);
          if (Object.keys(fields).length) setErrors({ evidence: Object.values(fields)[0] ?? '' });
          else notifications.show({ color: 'red', message: errorMessage(err, t) });
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{t('consent.changeTitle', { purpose: purposeName })}</Text>}
    >
      <form onSubmit={submit}>
        <Stack gap="md">
          <div>
            <Text size="sm" fw={500} mb={6}>
              {t('consent.status')}
            </Text>
            <SegmentedControl
              fullWidth
              value={status}
              onChange={(v) => setStatus(v as ConsentStatus)}
              data={consentStatuses.map((s) => ({ value: s, label: statusLabel(s, t) }))}
              color={status === 'granted' ? 'teal' : status === 'denied' ? 'red' : 'gray'}
            />
          </div>
          <Checkbox.Group
            label={t('consent.channelsLabel')}
            value={channels}
            onChange={setChannels}
            error={errors.channels}
          >
            <Group gap="md" mt={6}>
              {consentChannels.map((c) => {
                const was = current.find((x) => x.channel === c)?.status ?? 'unknown';
                return (
                  <Checkbox
                    key={c}
                    value={c}
                    label={`${channelLabel(c, t)} (${statusLabel(was, t).toLowerCase()})`}
                  />
                );
              })}
            </Group>
          </Checkbox.Group>
          <Select
            label={t('consent.source')}
            data={consentSources.map((s) => ({ value: s, label: sourceLabel(s, t) }))}
            value={source}
            allowDeselect={false}
            onChange={(v) => v && setSource(v)}
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea
            label={t('consent.evidence')}
            description={t('consent.evidenceHint')}
            placeholder={t('consent.evidencePlaceholder')}
            withAsterisk={status !== 'unknown'}
            autosize
            minRows={2}
            maxLength={2000}
            value={evidence}
            error={errors.evidence}
            onChange={(e) => setEvidence(e.currentTarget.value)}
          />
          <TextInput
            type="datetime-local"
            label={t('consent.when')}
            description={t('consent.whenHint')}
            value={when}
            error={errors.when}
            onChange={(e) => setWhen(e.currentTarget.value)}
          />
          <FormActions onCancel={onClose} label={t('consent.record')} loading={record.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
