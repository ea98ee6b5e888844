import { ActionIcon, Badge, Button, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { type Weekday, weekdays } from '@relata/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMessages } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { IconPlus, IconX } from '../../ui/icons.tsx';
import type { WeeklyHours } from './service-api.ts';

/** Monday first, as the working week is read. */
const week: Weekday[] = [...weekdays.slice(1), weekdays[0]];

/** Opening hours per weekday: up to four intervals a day; a day without any is closed. */
export function WeeklyHoursEditor({
  hours,
  onChange,
  errors,
}: {
  hours: WeeklyHours;
  onChange: (hours: WeeklyHours) => void;
  errors: FieldMessages;
}) {
  const { t } = useTranslation();
  const setDay = (day: Weekday, list: [string, string][]) => onChange({ ...hours, [day]: list });
  const errorOf = (day: Weekday) =>
    Object.entries(errors).find(
      ([k, v]) => v && (k === `hours.${day}` || k.startsWith(`hours.${day}.`)),
    )?.[1];
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('serviceSettings.calendars.hours')}
      </Text>
      {errors.hours && (
        <Text size="xs" c="red" role="alert">
          {errors.hours}
        </Text>
      )}
      <Table verticalSpacing={6} aria-label={t('serviceSettings.calendars.hours')}>
        <Table.Tbody>
          {week.map((day) => {
            const list = hours[day] ?? [];
            const open = list.length > 0;
            const dayName = t(`serviceSettings.weekdays.${day}`);
            const error = errorOf(day);
            return (
              <Table.Tr key={day}>
                <Table.Td w={130} style={{ verticalAlign: 'top' }}>
                  <Checkbox
                    mt={6}
                    label={dayName}
                    checked={open}
                    onChange={(e) => setDay(day, e.currentTarget.checked ? [['08:00', '17:00']] : [])}
                  />
                </Table.Td>
                <Table.Td>
                  {open ? (
                    <Stack gap={4}>
                      <Group gap="xs" wrap="wrap">
                        {list.map(([from, to], i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: intervals are positions
                          <Group key={i} gap={4} wrap="nowrap">
                            <TextInput
                              type="time"
                              size="xs"
                              aria-label={t('serviceSettings.calendars.fromN', { day: dayName, n: i + 1 })}
                              value={from}
                              onChange={(e) =>
                                setDay(
                                  day,
                                  list.map((iv, j) => (j === i ? [e.currentTarget.value, iv[1]] : iv)),
                                )
                              }
                              w={124}
                            />
                            <Text size="xs">–</Text>
                            <TextInput
                              type="time"
                              size="xs"
                              aria-label={t('serviceSettings.calendars.toN', { day: dayName, n: i + 1 })}
                              value={to === '24:00' ? '23:59' : to}
                              onChange={(e) =>
                                setDay(
                                  day,
                                  list.map((iv, j) => (j === i ? [iv[0], e.currentTarget.value] : iv)),
                                )
                              }
                              w={124}
                            />
                            <ActionIcon
                              size="sm"
                              variant="subtle"
                              color="gray"
                              onClick={() =>
                                setDay(
                                  day,
                                  list.filter((_, j) => j !== i),
                                )
                              }
                              aria-label={t('serviceSettings.calendars.removeInterval', {
                                day: dayName,
                                n: i + 1,
                              })}
                            >
                              <IconX size={14} />
                            </ActionIcon>
                          </Group>
                        ))}
                        {list.length < 4 && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            leftSection={<IconPlus size={12} />}
                            onClick={() => setDay(day, [...list, ['13:00', '17:00']])}
                            aria-label={t('serviceSettings.calendars.addIntervalTo', { day: dayName })}
                          >
                            {t('serviceSettings.calendars.addInterval')}
                          </Button>
                        )}
                      </Group>
                      {error && (
                        <Text size="xs" c="red" role="alert">
                          {error}
                        </Text>
                      )}
                    </Stack>
                  ) : (
                    <Text size="sm" c="dimmed" mt={6}>
                      {t('serviceSettings.calendars.closed')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** Days off: add a date, remove a chip. */
export function HolidaysEditor({
  holidays,
  onChange,
  error,
}: {
  holidays: string[];
  onChange: (holidays: string[]) => void;
  error?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [day, setDay] = useState('');
  const add = () => {
    if (!day || holidays.includes(day)) return;
    onChange([...holidays, day].sort());
    setDay('');
  };
  return (
    <Stack gap={6}>
      <Group gap="xs" align="flex-end">
        <TextInput
          type="date"
          label={t('serviceSettings.calendars.holidays')}
          value={day}
          onChange={(e) => setDay(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          error={error}
          w={180}
        />
        <Button variant="default" size="sm" onClick={add} disabled={!day}>
          {t('serviceSettings.calendars.addHoliday')}
        </Button>
      </Group>
      {holidays.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('serviceSettings.calendars.noHolidays')}
        </Text>
      ) : (
        <Group gap={6}>
          {holidays.map((h) => (
            <Badge
              key={h}
              variant="light"
              color="gray"
              size="lg"
              tt="none"
              fw={500}
              rightSection={
                <ActionIcon
                  size="xs"
                  variant="transparent"
                  color="gray"
                  onClick={() => onChange(holidays.filter((x) => x !== h))}
                  aria-label={t('serviceSettings.calendars.removeHoliday', {
                    date: formatDate(h, i18n.language),
                  })}
                >
                  <IconX size={12} />
                </ActionIcon>
              }
            >
              {formatDate(h, i18n.language)}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}
