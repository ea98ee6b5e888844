import { Badge, Modal, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { RowActions, SettingsTable } from '../../ui/settings-table.tsx';
import { useCan } from '../auth/auth-api.ts';
import { type LostReason, type Pipeline, useLostReasons, usePipelines } from '../deals/deals-api.ts';
import { PipelineModal } from './pipeline-modal.tsx';
import { useDeleteLostReason, useDeletePipeline, useSaveLostReason } from './pipelines-api.ts';

function LostReasonModal({
  opened,
  onClose,
  reason,
}: {
  opened: boolean;
  onClose: () => void;
  reason: LostReason | null;
}) {
  const { t } = useTranslation();
  const save = useSaveLostReason();
  const [label, setLabel] = useState(reason?.label ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!label.trim()) return setError(t('validation.required'));
    save.mutate(
      { ...(reason ? { id: reason.id, version: reason.version } : {}), body: { label: label.trim() } },
      {
        onSuccess: () => {
          setLabel('');
          onClose();
        },
        onError: (err) => setError(errorMessage(err, t)),
      },
    );
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={reason ? t('pipelines.editReason') : t('pipelines.addReason')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            data-autofocus
            label={t('pipelines.reasonLabel')}
            value={label}
            onChange={(e) => {
              setLabel(e.currentTarget.value);
              setError(null);
            }}
            error={error}
          />
          <FormActions onCancel={onClose} label={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** Settings → Pipelines: the pipelines with their stages, and the reasons deals are lost for. */
export function PipelinesTab() {
  const { t } = useTranslation();
  const can = useCan();
  const pipelines = usePipelines();
  const reasons = useLostReasons();
  const removePipeline = useDeletePipeline();
  const removeReason = useDeleteLostReason();
  const saveReason = useSaveLostReason();
  const [editing, setEditing] = useState<Pipeline | 'new' | null>(null);
  const [reason, setReason] = useState<LostReason | 'new' | null>(null);
  const admin = can('update', 'pipelines');
  const fail = (e: unknown) => notifications.show({ color: 'red', message: errorMessage(e, t) });
  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('pipelines.title')}
        </Title>
        <SettingsTable
          label={t('pipelines.title')}
          headers={[t('pipelines.name'), t('pipelines.stages'), '']}
          loading={pipelines.isPending}
          rows={pipelines.data ?? []}
          empty={t('pipelines.empty')}
          hint={t('pipelines.hint')}
          create={admin && { label: t('pipelines.new'), onClick: () => setEditing('new') }}
          renderRow={(p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Text size="sm" fw={600} span>
                  {p.name}
                </Text>{' '}
                {p.isDefault && (
                  <Badge size="xs" variant="light">
                    {t('pipelines.default')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {p.stages.map((s) => `${s.name} ${s.probability} %`).join(' → ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <RowActions
                  name={p.name}
                  onEdit={admin && (() => setEditing(p))}
                  onDelete={admin && !p.isDefault && (() => removePipeline.mutate(p, { onError: fail }))}
                />
              </Table.Td>
            </Table.Tr>
          )}
        />
      </Stack>
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('pipelines.lostReasons')}
        </Title>
        <SettingsTable
          label={t('pipelines.lostReasons')}
          headers={[t('pipelines.reasonLabel'), t('pipelines.active'), '']}
          loading={reasons.isPending}
          rows={reasons.data ?? []}
          empty={t('pipelines.noReasons')}
          hint={t('pipelines.reasonsHint')}
          create={admin && { label: t('pipelines.addReason'), onClick: () => setReason('new') }}
          renderRow={(r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td>
                <Switch
                  aria-label={t('pipelines.active')}
                  checked={r.active}
                  disabled={!admin}
                  onChange={(e) =>
                    saveReason.mutate(
                      { id: r.id, version: r.version, body: { active: e.currentTarget.checked } },
                      { onError: fail },
                    )
                  }
                />
              </Table.Td>
              <Table.Td>
                <RowActions
                  name={r.label}
                  onEdit={admin && (() => setReason(r))}
                  onDelete={admin && (() => removeReason.mutate(r, { onError: fail }))}
                />
              </Table.Td>
            </Table.Tr>
          )}
        />
      </Stack>
      <PipelineModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        pipeline={editing === 'new' ? null : editing}
      />
      <LostReasonModal
        key={reason === 'new' ? 'new' : (reason?.id ?? 'none')}
        opened={reason !== null}
        onClose={() => setReason(null)}
        reason={reason === 'new' ? null : reason}
      />
    </Stack>
  );
}
