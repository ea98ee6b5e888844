import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currencyDigits } from '../../lib/format.ts';
import { IconTrash } from '../../ui/icons.tsx';
import { useProducts } from './quotes-api.ts';

/** One line being edited; money in major units as typed. */
export type LineDraft = {
  key: string;
  productId: string | null;
  description: string;
  quantity: number | string;
  unitPrice: number | string;
  discountPercent: number | string;
  taxRate: number | string;
};

let next = 0;
export const newLine = (init: Partial<LineDraft> = {}): LineDraft => ({
  key: `l${++next}`,
  productId: null,
  description: '',
  quantity: 1,
  unitPrice: '',
  discountPercent: 0,
  taxRate: '',
  ...init,
});

/** Drafts → API lines (minor units); a blank tax rate means the quote's. */
export function linesBody(lines: LineDraft[], currency: string, withTax: boolean) {
  const scale = 10 ** currencyDigits(currency);
  return lines.map((l) => ({
    ...(l.productId ? { productId: l.productId } : {}),
    description: l.description || null,
    quantity: Number(l.quantity),
    ...(l.unitPrice === '' ? {} : { unitPrice: Math.round(Number(l.unitPrice) * scale) }),
    discountPercent: Number(l.discountPercent || 0),
    ...(withTax && l.taxRate !== '' ? { taxRate: Number(l.taxRate) } : {}),
  }));
}

/** Product lines: pick from the catalogue (fills name and price) or type a line; quantity, price, discount, tax. */
export function LinesEditor({
  lines,
  onChange,
  currency,
  withTax,
  errors,
}: {
  lines: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  currency: string;
  withTax: boolean;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const products = useProducts();
  const scale = 10 ** currencyDigits(currency);
  const update = (key: string, patch: Partial<LineDraft>) =>
    onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const err = (i: number, f: string) => errors[`lines.${i}.${f}`];
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={withTax ? 760 : 680}>
        <Table verticalSpacing={4} horizontalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('quotes.product')}</Table.Th>
              <Table.Th>{t('quotes.description')}</Table.Th>
              <Table.Th w={90}>{t('quotes.quantity')}</Table.Th>
              <Table.Th w={120}>{t('quotes.unitPrice')}</Table.Th>
              <Table.Th w={90}>{t('quotes.discount')}</Table.Th>
              {withTax && <Table.Th w={90}>{t('quotes.taxRate')}</Table.Th>}
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l, i) => (
              <Table.Tr key={l.key}>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={t('quotes.product')}
                    placeholder={t('quotes.pickProduct')}
                    data={(products.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.sku})` }))}
                    value={l.productId}
                    onChange={(v) => {
                      const p = products.data?.find((x) => x.id === v);
                      update(l.key, {
                        productId: v,
                        ...(p ? { description: p.name, unitPrice: p.price / scale } : {}),
                      });
                    }}
                    searchable
                    clearable
                    error={err(i, 'productId')}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('quotes.description')}
                    value={l.description}
                    onChange={(e) => update(l.key, { description: e.currentTarget.value })}
                    error={err(i, 'description')}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    aria-label={t('quotes.quantity')}
                    value={l.quantity}
                    onChange={(v) => update(l.key, { quantity: v })}
                    min={0}
                    decimalScale={3}
                    error={err(i, 'quantity')}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    aria-label={t('quotes.unitPrice')}
                    value={l.unitPrice}
                    onChange={(v) => update(l.key, { unitPrice: v })}
                    min={0}
                    decimalScale={currencyDigits(currency)}
                    error={err(i, 'unitPrice')}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    aria-label={t('quotes.discount')}
                    value={l.discountPercent}
                    onChange={(v) => update(l.key, { discountPercent: v })}
                    min={0}
                    max={100}
                    decimalScale={2}
                    suffix=" %"
                    error={err(i, 'discountPercent')}
                  />
                </Table.Td>
                {withTax && (
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      aria-label={t('quotes.taxRate')}
                      placeholder={t('quotes.quoteRate')}
                      value={l.taxRate}
                      onChange={(v) => update(l.key, { taxRate: v })}
                      min={0}
                      max={100}
                      decimalScale={2}
                      suffix=" %"
                      error={err(i, 'taxRate')}
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('quotes.removeLine')}
                    onClick={() => onChange(lines.filter((x) => x.key !== l.key))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Button size="compact-sm" variant="light" onClick={() => onChange([...lines, newLine()])}>
          {t('quotes.addLine')}
        </Button>
        {errors.lines && (
          <Text size="xs" c="red">
            {errors.lines}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
