import { Button, Modal, Stack, Table, Text } from '@mantine/core';
import { dealUpdateSchema } from '@relata/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyDigits, formatMoney } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/use-form.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { IconShoppingCart } from '../../ui/icons-commerce.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { type LineDraft, LinesEditor, linesBody, newLine } from '../quotes/lines-editor.tsx';
import { type Deal, useUpdateDeal } from './deals-api.ts';

/** The products of a deal; editing them sets the amount to their total. */
export function DealLines({ deal, readOnly }: { deal: Deal; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [lines, setLines] = useState<LineDraft[]>([]);
  const update = useUpdateDeal(deal.id);
  const form = useFormErrors();
  const money = (v: number) => formatMoney(v, deal.currency, i18n.language);
  const scale = 10 ** currencyDigits(deal.currency);
  const open = () => {
    form.reset();
    setLines(
      (deal.lines ?? []).map((l) =>
        newLine({
          productId: l.productId,
          description: l.description,
          quantity: l.quantity,
          unitPrice: l.unitPrice / scale,
          discountPercent: l.discountPercent,
        }),
      ),
    );
    if (!deal.lines?.length) setLines([newLine()]);
    setEditing(true);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.parse(dealUpdateSchema, { lines: linesBody(lines, deal.currency, false) });
    if (!body) return;
    update.mutate(
      { body, version: deal.version },
      { onError: form.showServerError, onSuccess: () => setEditing(false) },
    );
  };
  return (
    <SectionCard
      id="deal-lines"
      title={t('deals.lines')}
      icon={<IconShoppingCart size={16} />}
      count={deal.lines?.length}
      actions={
        !readOnly && (
          <Button size="compact-sm" variant="light" onClick={open}>
            {t('deals.editLines')}
          </Button>
        )
      }
    >
      {(deal.lines ?? []).length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('deals.noLines')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('quotes.description')}</Table.Th>
                <Table.Th ta="right">{t('quotes.quantity')}</Table.Th>
                <Table.Th ta="right">{t('quotes.unitPrice')}</Table.Th>
                <Table.Th ta="right">{t('quotes.discount')}</Table.Th>
                <Table.Th ta="right">{t('quotes.net')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(deal.lines ?? []).map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{l.description || l.sku}</Table.Td>
                  <Table.Td ta="right">{l.quantity}</Table.Td>
                  <Table.Td ta="right">{money(l.unitPrice)}</Table.Td>
                  <Table.Td ta="right">{l.discountPercent ? `${l.discountPercent} %` : ''}</Table.Td>
                  <Table.Td ta="right">{money(l.lineTotal)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('deals.editLines')} size="70rem">
        <form onSubmit={submit} noValidate>
          <Stack>
            <LinesEditor
              lines={lines}
              onChange={setLines}
              currency={deal.currency}
              withTax={false}
              errors={form.errors}
            />
            <Text size="xs" c="dimmed">
              {t('deals.linesSetAmount')}
            </Text>
            <FormActions
              onCancel={() => setEditing(false)}
              label={t('common.save')}
              loading={update.isPending}
            />
          </Stack>
        </form>
      </Modal>
    </SectionCard>
  );
}
