import { Card, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { FlowSummary } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatPercent } from '../../lib/format.ts';
import type { Flows } from './value-api.ts';

function Side({
  label,
  totals,
  color,
  currency,
}: {
  label: string;
  totals: FlowSummary['desired'];
  color: string;
  currency: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={0}>
      <Text size="xs" fw={600} c={color} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text fw={700} fz={18} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {t('flows.customers', { count: totals.customers })}
      </Text>
      <Text size="xs" c="dimmed">
        {t('flows.clvCarried', { clv: formatMoney(totals.clv, currency, i18n.language, true) })}
      </Text>
    </Stack>
  );
}

/** Desired against undesired customers and CLV of each base flow: acquire, retain & develop, win back. */
export function BaseFlows({ flows }: { flows: Flows }) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
      {flows.baseFlows.map((b) => {
        const total = b.desired.customers + b.undesired.customers;
        const share = total ? b.desired.customers / total : 0;
        return (
          <Card key={b.baseFlow} component="section" aria-label={t(`flows.base.${b.baseFlow}`)}>
            <Group justify="space-between" mb="sm">
              <Text fw={650}>{t(`flows.base.${b.baseFlow}`)}</Text>
              {total > 0 && (
                <Text size="xs" c="dimmed">
                  {t('flows.desiredShare', { share: formatPercent(share, i18n.language) })}
                </Text>
              )}
            </Group>
            <Text size="xs" c="dimmed" mb="sm">
              {t(`flows.baseHint.${b.baseFlow}`)}
            </Text>
            <Group grow align="flex-start" mb="sm">
              <Side label={t('flows.desired')} totals={b.desired} color="teal.7" currency={flows.currency} />
              <Side
                label={t('flows.undesired')}
                totals={b.undesired}
                color="red.7"
                currency={flows.currency}
              />
            </Group>
            <Progress.Root size="md" aria-hidden>
              <Progress.Section value={share * 100} color="teal" />
              <Progress.Section value={total ? 100 - share * 100 : 0} color="red" />
            </Progress.Root>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
