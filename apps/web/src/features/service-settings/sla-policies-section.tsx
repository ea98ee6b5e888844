import {
  Badge,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type Priority, priorities, type SlaTargets, slaPolicyCreateSchema } from '@relata/domain';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/use-form.ts';
import { ConfirmMutationDialog } from '../../ui/confirm-dialog.tsx';
import { FormActions } from '../../ui/form-actions.tsx';
import { RowActions, SettingsTable } from '../../ui/settings-table.tsx';
import { useCan } from '../auth/auth-api.ts';
import { useValueSettings } from '../value/value-api.ts';
import { type SlaPolicy, useCalendars, useSetupMutation, useSlaPolicies } from './service-api.ts';

type Unit = 'min' | 'h';
type Clock = 'firstResponseMinutes' | 'resolutionMinutes';

const defaultTargets: SlaTargets = {
  low: { firstResponseMinutes: 1440, resolutionMinutes: 7200 },
  normal: { firstResponseMinutes: 480, resolutionMinutes: 2880 },
  high: { firstResponseMinutes: 120, resolutionMinutes: 960 },
  urgent: { firstResponseMinutes: 30, resolutionMinutes: 240 },
};

/** Minutes typed in minutes or hours; empty means no target for that clock. */
function DurationInput({
  minutes,
  onChange,
  label,
  error,
}: {
  minutes: number | null;
  onChange: (minutes: number | null) => void;
  label: string;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<Unit>(
    minutes !== null && minutes >= 60 && minutes % 60 === 0 ? 'h' : 'min',
  );
  const factor = unit === 'h' ? 60 : 1;
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <NumberInput
        aria-label={label}
        value={minutes === null ? '' : Number((minutes / factor).toPrecision(10))}
        onChange={(v) => onChange(typeof v === 'number' ? Math.round(v * factor) : null)}
        min={0}
        decimalScale={unit === 'h' ? 2 : 0}
        placeholder={t('serviceSettings.policies.noTarget')}
        error={error}
        hideControls
        style={{ flex: 1, minWidth: 70 }}
      />
      <NativeSelect
        aria-label={t('serviceSettings.policies.unitOf', { field: label })}
        data={[
          { value: 'min', label: t('serviceSettings.policies.minutes') },
          { value: 'h', label: t('serviceSettings.policies.hours') },
        ]}
        value={unit}
        onChange={(e) => setUnit(e.currentTarget.value as Unit)}
        w={76}
      />
    </Group>
  );
}

function targetText(m: number | null, locale: string, t: TFunction): string {
  if (m === null) return '—';
  return m >= 60
    ? t('serviceSettings.policies.inHours', { value: formatNumber(m / 60, locale, 1) })
    : t('serviceSettings.policies.inMinutes', { value: m });
}

function PolicyModal({ policy, onClose }: { policy: SlaPolicy | null; onClose: () => void }) {
  const { t } = useTranslation();
  const mobile = useMediaQuery('(max-width: 48em)');
  const calendars = useCalendars();
  const value = useValueSettings();
  const { save } = useSetupMutation<SlaPolicy>('sla-policies');
  const [name, setName] = useState(policy?.name ?? '');
  const [active, setActive] = useState(policy?.active ?? true);
  const [tiers, setTiers] = useState<string[]>(policy?.tiers ?? []);
  const [calendarId, setCalendarId] = useState<string | null>(policy?.calendarId ?? null);
  const [targets, setTargets] = useState<SlaTargets>(policy?.targets ?? defaultTargets);
  const [warnAtPercent, setWarnAtPercent] = useState<number>(policy?.warnAtPercent ?? 75);
  const form = useFormErrors({ fallbackField: 'name' });
  const e = form.errors;
  const setTarget = (p: Priority, clock: Clock, minutes: number | null) => {
    setTargets((x) => ({ ...x, [p]: { ...x[p], [clock]: minutes } }));
    form.clear(`targets.${p}.${clock}`);
  };
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const body = form.parse(slaPolicyCreateSchema, {
      name,
      active,
      tiers,
      calendarId,
      targets,
      warnAtPercent,
    });
    if (!body) return;
    const { position: _keep, ...patch } = body;
    save.mutate(
      { row: policy, body: policy ? patch : body },
      { onSuccess: onClose, onError: form.showServerError },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      fullScreen={mobile}
      title={policy ? t('serviceSettings.policies.edit') : t('serviceSettings.policies.new')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              data-autofocus
              label={t('serviceSettings.fields.name')}
              required
              value={name}
              onChange={(ev) => setName(ev.currentTarget.value)}
              error={e.name}
              style={{ flex: 1, minWidth: 200 }}
            />
            <Switch
              label={t('serviceSettings.fields.active')}
              checked={active}
              onChange={(ev) => setActive(ev.currentTarget.checked)}
              mb={8}
            />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TagsInput
              label={t('serviceSettings.policies.tiers')}
              description={t('serviceSettings.policies.tiersHint')}
              data={value.data?.tiers.map((x) => x.key) ?? []}
              value={tiers}
              onChange={setTiers}
              error={e.tiers}
            />
            <Select
              label={t('serviceSettings.policies.calendar')}
              description={t('serviceSettings.policies.calendarHint')}
              placeholder={t('serviceSettings.policies.allHours')}
              data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={calendarId}
              onChange={setCalendarId}
              clearable
              error={e.calendarId}
            />
          </SimpleGrid>
          <NumberInput
            label={t('serviceSettings.policies.warnAt')}
            description={t('serviceSettings.policies.warnAtHint')}
            value={warnAtPercent}
            onChange={(v) => setWarnAtPercent(typeof v === 'number' ? v : 75)}
            min={1}
            max={99}
            suffix=" %"
            allowDecimal={false}
            w={200}
            error={e.warnAtPercent}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('serviceSettings.policies.targets')}
            </Text>
            {e.targets && (
              <Text size="xs" c="red">
                {e.targets}
              </Text>
            )}
            <Table verticalSpacing={6} aria-label={t('serviceSettings.policies.targets')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cases.fields.priority')}</Table.Th>
                  <Table.Th>{t('cases.sla.firstResponse')}</Table.Th>
                  <Table.Th>{t('cases.sla.resolution')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {priorities.map((p) => {
                  const pName = t(`cases.priorities.${p}`);
                  return (
                    <Table.Tr key={p}>
                      <Table.Td fw={500}>{pName}</Table.Td>
                      {(['firstResponseMinutes', 'resolutionMinutes'] as const).map((clock) => (
                        <Table.Td key={clock}>
                          <DurationInput
                            minutes={targets[p][clock]}
                            onChange={(m) => setTarget(p, clock, m)}
                            label={t(`serviceSettings.policies.${clock}Of`, { priority: pName })}
                            error={e[`targets.${p}.${clock}`]}
                          />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed">
              {t('serviceSettings.policies.targetsHint')}
            </Text>
          </Stack>
          <FormActions onCancel={onClose} label={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

export function SlaPoliciesSection() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const policies = useSlaPolicies();
  const calendars = useCalendars();
  const { remove } = useSetupMutation<SlaPolicy>('sla-policies');
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const [removing, setRemoving] = useState<SlaPolicy | null>(null);
  const calendarName = (id: string | null) =>
    id ? (calendars.data?.find((c) => c.id === id)?.name ?? '…') : t('serviceSettings.policies.allHours');
  return (
    <>
      <SettingsTable
        label={t('serviceSettings.policies.title')}
        headers={[
          t('serviceSettings.fields.name'),
          t('serviceSettings.policies.tiers'),
          t('serviceSettings.policies.calendar'),
          t('serviceSettings.policies.urgentTargets'),
          t('serviceSettings.fields.active'),
          '',
        ]}
        loading={policies.isPending}
        rows={policies.data ?? []}
        empty={t('serviceSettings.policies.empty')}
        hint={t('serviceSettings.policies.hint')}
        create={
          can('create', 'sla_policies') && {
            label: t('serviceSettings.policies.new'),
            onClick: () => setEditing('new'),
          }
        }
        renderRow={(p) => (
          <Table.Tr key={p.id}>
            <Table.Td fw={600}>{p.name}</Table.Td>
            <Table.Td>
              {p.tiers.length ? (
                <Group gap={4}>
                  {p.tiers.map((x) => (
                    <Badge key={x} size="sm" variant="light">
                      {x}
                    </Badge>
                  ))}
                </Group>
              ) : (
                t('serviceSettings.policies.allTiers')
              )}
            </Table.Td>
            <Table.Td>{calendarName(p.calendarId)}</Table.Td>
            <Table.Td fz="sm">
              {targetText(p.targets.urgent.firstResponseMinutes, i18n.language, t)} /{' '}
              {targetText(p.targets.urgent.resolutionMinutes, i18n.language, t)}
            </Table.Td>
            <Table.Td>
              <Badge size="sm" variant="light" color={p.active ? 'teal' : 'gray'}>
                {p.active ? t('serviceSettings.active') : t('serviceSettings.inactive')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <RowActions
                name={p.name}
                onEdit={can('update', 'sla_policies') && (() => setEditing(p))}
                onDelete={can('delete', 'sla_policies') && (() => setRemoving(p))}
              />
            </Table.Td>
          </Table.Tr>
        )}
      />
      {editing && (
        <PolicyModal policy={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      <ConfirmMutationDialog
        target={removing}
        mutation={remove}
        onClose={() => setRemoving(null)}
        title={t('serviceSettings.policies.delete')}
        message={t('records.deleteConfirm', { name: removing?.name ?? '' })}
      />
    </>
  );
}
