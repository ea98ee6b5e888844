import { Group, Select, Skeleton, Stack, Text } from '@mantine/core';
import {
  type DriverAttribute,
  type DriverRow,
  driverAttributes,
  type LifecycleState,
  type NpsCategory,
} from '@relata/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatMoneyCompact, formatNumber } from '../../lib/format.ts';
import { IntervalBarChart } from '../../ui/charts/interval-bar-chart.tsx';
import { IconChartBar } from '../../ui/icons-commerce.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { type CustomerType, useDrivers } from './value-api.ts';

/** Mean CLV per value of an attribute, with 95 % intervals and the customers behind each mean. */
export function DriversSection({ type }: { type: CustomerType }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [attribute, setAttribute] = useState<DriverAttribute>('acquisitionChannel');
  const drivers = useDrivers(type, attribute);
  const currency = drivers.data?.currency ?? 'EUR';
  const rows = drivers.data?.rows ?? [];
  const n = rows.reduce((s, r) => s + r.customers, 0);
  const overall = n ? rows.reduce((s, r) => s + r.meanClv * r.customers, 0) / n : 0;
  const labelOf = (r: DriverRow) => {
    if (r.value === null) return t('value.drivers.unknown');
    if (attribute === 'lifecycleState') return t(`value.states.${r.value as LifecycleState}`);
    if (attribute === 'npsCategory') return t(`nps.groups.${r.value as NpsCategory}`);
    return r.value;
  };
  return (
    <SectionCard
      id="drivers"
      title={t('value.drivers.title')}
      icon={<IconChartBar size={16} />}
      actions={
        <Select
          size="xs"
          w={220}
          aria-label={t('value.drivers.attribute')}
          data={driverAttributes.map((a) => ({ value: a, label: t(`value.drivers.attributes.${a}`) }))}
          value={attribute}
          onChange={(v) => v && setAttribute(v as DriverAttribute)}
          allowDeselect={false}
        />
      }
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('value.drivers.hint')}
        </Text>
        {drivers.isPending ? (
          <Skeleton h={160} />
        ) : rows.length === 0 ? (
          <Text size="sm" c="dimmed" py="md">
            {t('value.drivers.empty')}
          </Text>
        ) : (
          <>
            <IntervalBarChart
              label={t('value.drivers.chart', { attribute: t(`value.drivers.attributes.${attribute}`) })}
              rows={rows.map((r) => ({
                key: r.value ?? '∅',
                label: labelOf(r),
                value: r.meanClv,
                low: r.ciLow,
                high: r.ciHigh,
                note: t('value.drivers.customers', { count: r.customers }),
                title: t('value.drivers.rowTitle', {
                  label: labelOf(r),
                  mean: formatMoney(r.meanClv, currency, lang, true),
                  low: r.ciLow === null ? '—' : formatMoney(r.ciLow, currency, lang, true),
                  high: r.ciHigh === null ? '—' : formatMoney(r.ciHigh, currency, lang, true),
                  index: r.index === null ? '—' : formatNumber(r.index, lang, 2),
                  count: r.customers,
                }),
              }))}
              formatValue={(v) => formatMoneyCompact(v, currency, lang)}
              reference={{
                value: overall,
                label: t('value.drivers.overall', { mean: formatMoney(overall, currency, lang, true) }),
              }}
            />
            <Group gap="md">
              <Text size="xs" c="dimmed">
                {t('value.drivers.legend', { mean: formatMoney(overall, currency, lang, true) })}
              </Text>
            </Group>
          </>
        )}
      </Stack>
    </SectionCard>
  );
}
