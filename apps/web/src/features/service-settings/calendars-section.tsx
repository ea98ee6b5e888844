import { Modal, Select, Stack, Table, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { businessCalendarSchema, weekdays } from '@relata/domain';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../lib/use-form.ts';
import { ConfirmMutationDialog } from '../../ui/confirm-dialog.tsx';
import { FormActions } from '../../ui/form-actions.tsx';
import { RowActions, SettingsTable } from '../../ui/settings-table.tsx';
import { useCan } from '../auth/auth-api.ts';
import { type BusinessCalendar, useCalendars, useSetupMutation, type WeeklyHours } from './service-api.ts';
import { HolidaysEditor, WeeklyHoursEditor } from './weekly-hours-editor.tsx';

const officeHours: WeeklyHours = {
  mon: [['08:00', '17:00']],
  tue: [['08:00', '17:00']],
  wed: [['08:00', '17:00']],
  thu: [['08:00', '17:00']],
  fri: [['08:00', '17:00']],
};

function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  return zones.includes(current) ? zones : [current, ...zones];
}

function CalendarModal({ calendar, onClose }: { calendar: BusinessCalendar | null; onClose: () => void }) {
  const { t } = useTranslation();
  const mobile = useMediaQuery('(max-width: 48em)');
  const { save } = useSetupMutation<BusinessCalendar>('business-calendars');
  const [name, setName] = useState(calendar?.name ?? '');
  const [timezone, setTimezone] = useState(
    calendar?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'Europe/Stockholm',
  );
  const [hours, setHours] = useState<WeeklyHours>(calendar?.hours ?? officeHours);
  const [holidays, setHolidays] = useState<string[]>(calendar?.holidays ?? []);
  const zones = useMemo(() => timeZones(timezone), [timezone]);
  const form = useFormErrors({ fallbackField: 'name' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Closed days are sent as empty lists; the API keeps every weekday.
    const full = Object.fromEntries(weekdays.map((d) => [d, hours[d] ?? []]));
    const body = form.parse(businessCalendarSchema, { name, timezone, hours: full, holidays });
    if (body) save.mutate({ row: calendar, body }, { onSuccess: onClose, onError: form.showServerError });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      fullScreen={mobile}
      title={calendar ? t('serviceSettings.calendars.edit') : t('serviceSettings.calendars.new')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            data-autofocus
            label={t('serviceSettings.fields.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={form.errors.name}
          />
          <Select
            label={t('serviceSettings.calendars.timezone')}
            data={zones}
            value={timezone}
            onChange={(v) => v && setTimezone(v)}
            searchable
            allowDeselect={false}
            limit={200}
            error={form.errors.timezone}
          />
          <WeeklyHoursEditor
            hours={hours}
            onChange={(h) => {
              setHours(h);
              form.setErrors((errs) =>
                Object.fromEntries(Object.entries(errs).filter(([k]) => !k.startsWith('hours'))),
              );
            }}
            errors={form.errors}
          />
          <HolidaysEditor holidays={holidays} onChange={setHolidays} error={form.errors.holidays} />
          <FormActions onCancel={onClose} label={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

/** "Mon–Fri 08:00–17:00" style summary of the weekly hours. */
function hoursSummary(hours: WeeklyHours, t: (k: string) => string): string {
  const days = [...weekdays.slice(1), weekdays[0]].filter((d) => (hours[d] ?? []).length > 0);
  return days
    .map(
      (d) =>
        `${t(`serviceSettings.weekdaysShort.${d}`)} ${(hours[d] ?? []).map(([a, b]) => `${a}–${b}`).join(', ')}`,
    )
    .join(' · ');
}

export function CalendarsSection() {
  const { t } = useTranslation();
  const can = useCan();
  const calendars = useCalendars();
  const { remove } = useSetupMutation<BusinessCalendar>('business-calendars');
  const [editing, setEditing] = useState<BusinessCalendar | 'new' | null>(null);
  const [removing, setRemoving] = useState<BusinessCalendar | null>(null);
  return (
    <>
      <SettingsTable
        label={t('serviceSettings.calendars.title')}
        headers={[
          t('serviceSettings.fields.name'),
          t('serviceSettings.calendars.timezone'),
          t('serviceSettings.calendars.hours'),
          t('serviceSettings.calendars.holidays'),
          '',
        ]}
        loading={calendars.isPending}
        rows={calendars.data ?? []}
        empty={t('serviceSettings.calendars.empty')}
        hint={t('serviceSettings.calendars.hint')}
        create={
          can('create', 'sla_policies') && {
            label: t('serviceSettings.calendars.new'),
            onClick: () => setEditing('new'),
          }
        }
        renderRow={(c) => (
          <Table.Tr key={c.id}>
            <Table.Td fw={600}>{c.name}</Table.Td>
            <Table.Td>{c.timezone}</Table.Td>
            <Table.Td fz="sm">{hoursSummary(c.hours, t as (k: string) => string)}</Table.Td>
            <Table.Td>{c.holidays.length}</Table.Td>
            <Table.Td>
              <RowActions
                name={c.name}
                onEdit={can('update', 'sla_policies') && (() => setEditing(c))}
                onDelete={can('delete', 'sla_policies') && (() => setRemoving(c))}
              />
            </Table.Td>
          </Table.Tr>
        )}
      />
      {editing && (
        <CalendarModal calendar={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      <ConfirmMutationDialog
        target={removing}
        mutation={remove}
        onClose={() => setRemoving(null)}
        title={t('serviceSettings.calendars.delete')}
        message={t('records.deleteConfirm', { name: removing?.name ?? '' })}
      />
    </>
  );
}
