import { Alert, Center, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { lifecycleStates } from '@relata/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatMoney, formatNumber } from '../../lib/format.ts';
import { Sankey } from '../../ui/charts/sankey.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { BaseFlows } from './base-flows.tsx';
import { FlowMatrix, flowStateLabel } from './flow-matrix.tsx';
import { type FlowsSearch, localIsoDay } from './flows-search.ts';
import { type CustomerType, type Flows, useFlows } from './value-api.ts';
import { CustomerTypeSwitch } from './value-view.tsx';

function defaultRange() {
  const to = new Date();
  const from = new Date(to);
  from.setFullYear(to.getFullYear() - 1);
  return { from: localIsoDay(from), to: localIsoDay(to) };
}

function FlowSankey({ flows }: { flows: Flows }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Sankey
      label={t('flows.sankey')}
      left={flows.states.map((s) => ({ key: s, label: flowStateLabel(s, t) }))}
      right={lifecycleStates.map((s) => ({ key: s, label: t(`value.states.${s}`) }))}
      links={flows.cells.map((c) => ({
        from: c.from,
        to: c.to,
        value: c.customers,
        kind: c.desired === true ? 'desired' : c.desired === false ? 'undesired' : 'neutral',
        title: t('flows.cellTitle', {
          from: flowStateLabel(c.from, t),
          to: t(`value.states.${c.to}`),
          count: c.customers,
          clv: formatMoney(c.clv, flows.currency, lang, true),
        }),
      }))}
      formatValue={(v) => formatNumber(v, lang)}
    />
  );
}

/**
 * The "Customer flows" page: moves between lifecycle states from one day to another; by default
 * over the last year, or over the range and customer type a link asked for.
 */
export function FlowsView({ initial = {} }: { initial?: FlowsSearch }) {
  const { t } = useTranslation();
  const [type, setType] = useState<CustomerType>(initial.type ?? 'contact');
  const [range, setRange] = useState(() => {
    const fallback = defaultRange();
    return { from: initial.from ?? fallback.from, to: initial.to ?? fallback.to };
  });
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(range.from) && /^\d{4}-\d{2}-\d{2}$/.test(range.to);
  const ordered = valid && range.from < range.to;
  const flows = useFlows(type, range.from, range.to, ordered);
  const data = flows.data;
  return (
    <>
      <PageHeader
        title={t('flows.title')}
        description={t('flows.description')}
        actions={
          <Group gap="sm" align="flex-end">
            <TextInput
              type="date"
              label={t('flows.from')}
              value={range.from}
              max={range.to}
              onChange={(e) => setRange((r) => ({ ...r, from: e.currentTarget.value }))}
              size="sm"
            />
            <TextInput
              type="date"
              label={t('flows.to')}
              value={range.to}
              min={range.from}
              onChange={(e) => setRange((r) => ({ ...r, to: e.currentTarget.value }))}
              error={valid && !ordered ? t('flows.toAfterFrom') : undefined}
              size="sm"
            />
            <CustomerTypeSwitch value={type} onChange={setType} />
          </Group>
        }
      />
      {flows.isError ? (
        <Alert color="red">{errorMessage(flows.error, t)}</Alert>
      ) : !data ? (
        <Center py={80}>{ordered ? <Loader aria-label={t('common.loading')} /> : null}</Center>
      ) : (
        <Stack gap="lg" style={{ opacity: flows.isPlaceholderData ? 0.6 : 1 }}>
          <BaseFlows flows={data} />
          <SectionCard id="flow-matrix" title={t('flows.matrix')}>
            <Text size="sm" c="dimmed" mb="sm">
              {t('flows.matrixHint')}
            </Text>
            <FlowMatrix flows={data} />
          </SectionCard>
          <SectionCard id="flow-sankey" title={t('flows.sankey')}>
            <Group gap="lg" mb="sm">
              <Legend color="var(--mantine-color-teal-6)" label={t('flows.desired')} />
              <Legend color="var(--mantine-color-red-6)" label={t('flows.undesired')} />
              <Legend color="var(--mantine-color-gray-5)" label={t('flows.neither')} />
            </Group>
            <FlowSankey flows={data} />
          </SectionCard>
        </Stack>
      )}
    </>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span aria-hidden style={{ width: 12, height: 12, borderRadius: 3, background: color, opacity: 0.7 }} />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}
