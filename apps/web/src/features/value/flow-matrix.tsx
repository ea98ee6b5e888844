import { Table, Text, Tooltip } from '@mantine/core';
import { type FlowCellView, type FlowState, flowStates, lifecycleStates } from '@relata/domain';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatMoneyCompact, formatNumber } from '../../lib/format.ts';
import type { Flows } from './value-api.ts';

export const flowStateLabel = (state: FlowState, t: TFunction) =>
  state === 'none' ? t('flows.none') : t(`value.states.${state}`);

const tint = (c: FlowCellView | undefined) =>
  !c || c.customers === 0
    ? undefined
    : c.desired === true
      ? 'var(--mantine-color-teal-0)'
      : c.desired === false
        ? 'var(--mantine-color-red-0)'
        : 'var(--mantine-color-gray-0)';

/** Customers (and the CLV they carry) by state on the first day (rows) and the last (columns). */
export function FlowMatrix({ flows }: { flows: Flows }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const cell = new Map(flows.cells.map((c) => [`${c.from}:${c.to}`, c]));
  const rows = flowStates.filter((s) => flows.cells.some((c) => c.from === s) || s !== 'none');
  const columnTotal = (to: string) =>
    flows.cells.filter((c) => c.to === to).reduce((n, c) => n + c.customers, 0);
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table
        aria-label={t('flows.matrix')}
        withTableBorder
        withColumnBorders
        verticalSpacing={6}
        horizontalSpacing="xs"
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <Text size="xs" c="dimmed">
                {t('flows.fromTo')}
              </Text>
            </Table.Th>
            {lifecycleStates.map((to) => (
              <Table.Th key={to} ta="center" fz="xs">
                {t(`value.states.${to}`)}
              </Table.Th>
            ))}
            <Table.Th ta="right" fz="xs">
              {t('value.total')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((from) => {
            const rowTotal = flows.cells.filter((c) => c.from === from).reduce((n, c) => n + c.customers, 0);
            return (
              <Table.Tr key={from}>
                <Table.Th scope="row" fz="xs" style={{ whiteSpace: 'nowrap' }}>
                  {flowStateLabel(from, t)}
                </Table.Th>
                {lifecycleStates.map((to) => {
                  const c = cell.get(`${from}:${to}`);
                  const label = t('flows.cellTitle', {
                    from: flowStateLabel(from, t),
                    to: t(`value.states.${to}`),
                    count: c?.customers ?? 0,
                    clv: formatMoney(c?.clv ?? 0, flows.currency, lang, true),
                  });
                  return (
                    <Table.Td
                      key={to}
                      ta="center"
                      style={{
                        background: tint(c),
                        outline: c && !c.moved ? '1px dashed var(--mantine-color-gray-4)' : undefined,
                        outlineOffset: -3,
                      }}
                      aria-label={label}
                    >
                      {c && c.customers > 0 ? (
                        <Tooltip label={label}>
                          <div>
                            <Text size="sm" fw={600} lh={1.2}>
                              {formatNumber(c.customers, lang)}
                            </Text>
                            <Text size="xs" c="dimmed" lh={1.2}>
                              {formatMoneyCompact(c.clv, flows.currency, lang)}
                            </Text>
                          </div>
                        </Tooltip>
                      ) : (
                        <Text size="xs" c="gray.4">
                          ·
                        </Text>
                      )}
                    </Table.Td>
                  );
                })}
                <Table.Td ta="right" fw={600} fz="sm">
                  {formatNumber(rowTotal, lang)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th fz="xs">{t('value.total')}</Table.Th>
            {lifecycleStates.map((to) => (
              <Table.Th key={to} ta="center" fz="sm">
                {formatNumber(columnTotal(to), lang)}
              </Table.Th>
            ))}
            <Table.Th ta="right" fz="sm">
              {formatNumber(flows.customers, lang)}
            </Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
