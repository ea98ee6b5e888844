import { ActionIcon, Button, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import type { Tier } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import type { FieldMessages } from '../../lib/errors.ts';
import { IconPlus, IconTrash } from '../../ui/icons.tsx';

/** The tier table: key, label and top % per row; the last row takes the rest. */
export function TiersEditor({
  tiers,
  onChange,
  errors,
}: {
  tiers: Tier[];
  onChange: (tiers: Tier[]) => void;
  errors: FieldMessages;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Tier>) =>
    onChange(tiers.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const remove = (i: number) => {
    const next = tiers.filter((_, j) => j !== i);
    // The new last tier takes the rest.
    onChange(next.map((x, j) => (j === next.length - 1 ? { ...x, topPercent: null } : x)));
  };
  const add = () => {
    const last = tiers[tiers.length - 1];
    const key = String.fromCharCode(65 + tiers.length);
    const added: Tier = { key, label: key, topPercent: 10 };
    onChange(last ? [...tiers.slice(0, -1), added, last] : [{ ...added, topPercent: null }]);
  };
  const used = tiers.reduce((n, x) => n + (x.topPercent ?? 0), 0);
  return (
    <Stack gap="xs">
      {errors.tiers && (
        <Text size="sm" c="red" role="alert">
          {errors.tiers}
        </Text>
      )}
      <Table verticalSpacing={6} aria-label={t('valueSettings.tiers')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>{t('valueSettings.tierKey')}</Table.Th>
            <Table.Th>{t('valueSettings.tierLabel')}</Table.Th>
            <Table.Th w={150}>{t('valueSettings.topPercent')}</Table.Th>
            <Table.Th w={48} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tiers.map((tier, i) => {
            const last = i === tiers.length - 1;
            const n = i + 1;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; keys may be edited
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('valueSettings.tierKeyN', { n })}
                    value={tier.key}
                    onChange={(e) => set(i, { key: e.currentTarget.value })}
                    error={errors[`tiers.${i}.key`]}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('valueSettings.tierLabelN', { n })}
                    value={tier.label}
                    onChange={(e) => set(i, { label: e.currentTarget.value })}
                    error={errors[`tiers.${i}.label`]}
                  />
                </Table.Td>
                <Table.Td>
                  {last ? (
                    <Text size="sm" c="dimmed">
                      {t('valueSettings.theRest', { percent: Math.max(0, 100 - used) })}
                    </Text>
                  ) : (
                    <NumberInput
                      size="xs"
                      aria-label={t('valueSettings.topPercentN', { n })}
                      value={tier.topPercent ?? ''}
                      onChange={(v) => set(i, { topPercent: typeof v === 'number' ? v : null })}
                      min={0}
                      max={100}
                      decimalScale={2}
                      suffix=" %"
                      error={errors[`tiers.${i}.topPercent`]}
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => remove(i)}
                    disabled={tiers.length <= 1}
                    aria-label={t('valueSettings.removeTier', { key: tier.key || n })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={add}
          disabled={tiers.length >= 10}
        >
          {t('valueSettings.addTier')}
        </Button>
      </Group>
    </Stack>
  );
}
