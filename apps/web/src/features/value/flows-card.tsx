import { Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import type { FlowCellView } from '@relata/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatMoney, formatNumber } from '../../lib/format.ts';
import { IconArrowsSplit } from '../../ui/icons-commerce.tsx';
import { AnchorLink } from '../../ui/router-links.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { flowStateLabel } from './flow-matrix.tsx';
import { lastDays } from './flows-search.ts';
import { type CustomerType, type Flows, useFlows } from './value-api.ts';

/** The period of the dashboard's flows card, in days up to today. */
export const FLOWS_CARD_DAYS = 90;
const TOP = 5;

const colorOf = (c: FlowCellView) => (c.desired === true ? 'teal' : c.desired === false ? 'red' : 'gray');

function Totals({ flows, desired }: { flows: Flows; desired: boolean }) {
  const { t, i18n } = useTranslation();
  const side = desired ? 'desired' : 'undesired';
  const customers = flows.baseFlows.reduce((n, b) => n + b[side].customers, 0);
  const clv = flows.baseFlows.reduce((n, b) => n + b[side].clv, 0);
  return (
    <Stack gap={0} aria-label={t(`flows.${side}`)} role="group">
      <Text
        size="xs"
        fw={600}
        c={desired ? 'teal.7' : 'red.7'}
        tt="uppercase"
        style={{ letterSpacing: '0.04em' }}
      >
        {t(`flows.${side}`)}
      </Text>
      <Text fw={700} fz={18} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {t('flows.customers', { count: customers })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('flows.clvCarried', { clv: formatMoney(clv, flows.currency, i18n.language, true) })}
      </Text>
    </Stack>
  );
}

/** The largest moves between two different states, most customers first. */
function TopFlows({ flows }: { flows: Flows }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const top = flows.cells
    .filter((c) => c.moved && c.customers > 0)
    .sort((a, b) => b.customers - a.customers || b.clv - a.clv)
    .slice(0, TOP);
  if (!top.length)
    return (
      <Text size="sm" c="dimmed">
        {t('value.flowsCard.noMoves')}
      </Text>
    );
  return (
    <Stack
      gap={6}
      component="ol"
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
      aria-label={t('value.flowsCard.top')}
    >
      {top.map((c) => (
        <Group key={`${c.from}:${c.to}`} component="li" justify="space-between" gap="xs" wrap="nowrap">
          <Group gap={8} wrap="nowrap">
            <span
              aria-hidden
              style={{
                width: 10,
                height: 10,
                borderRadius: 3,
                flex: 'none',
                background: `var(--mantine-color-${colorOf(c)}-6)`,
              }}
            />
            <Text size="sm">
              {flowStateLabel(c.from, t)} → {t(`value.states.${c.to}`)}
            </Text>
          </Group>
          <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
            <strong>{formatNumber(c.customers, lang)}</strong>{' '}
            <Text span c="dimmed" size="xs">
              · {t('flows.clvCarried', { clv: formatMoney(c.clv, flows.currency, lang, true) })}
            </Text>
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** Flows of the last 90 days on the value dashboard: desired against undesired moves, the largest moves. */
export function FlowsCard({ type }: { type: CustomerType }) {
  const { t } = useTranslation();
  const [range] = useState(() => lastDays(FLOWS_CARD_DAYS));
  const flows = useFlows(type, range.from, range.to, true);
  return (
    <SectionCard
      id="recent-flows"
      title={t('value.flowsCard.title', { count: FLOWS_CARD_DAYS })}
      icon={<IconArrowsSplit size={16} />}
      actions={
        <AnchorLink to="/flows" search={{ ...range, type }} size="sm">
          {t('value.flowsCard.open')}
        </AnchorLink>
      }
    >
      {flows.isError ? (
        <Text size="sm" c="red">
          {errorMessage(flows.error, t)}
        </Text>
      ) : !flows.data ? (
        <Skeleton h={140} />
      ) : (
        <Stack gap="md" style={{ opacity: flows.isPlaceholderData ? 0.6 : 1 }}>
          <SimpleGrid cols={2} spacing="md">
            <Totals flows={flows.data} desired />
            <Totals flows={flows.data} desired={false} />
          </SimpleGrid>
          <Stack gap={6}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
              {t('value.flowsCard.top')}
            </Text>
            <TopFlows flows={flows.data} />
          </Stack>
        </Stack>
      )}
    </SectionCard>
  );
}
