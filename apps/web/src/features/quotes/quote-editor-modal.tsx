import { Alert, Modal, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { quoteCreateSchema, quoteUpdateSchema } from '@relata/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyDigits } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/use-form.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { type LineDraft, LinesEditor, linesBody, newLine } from './lines-editor.tsx';
import { type Quote, useSaveQuote } from './quotes-api.ts';

/**
 * Writes a quote for a deal, or edits one. Editing a quote that was sent starts its next version
 * (the sent one is kept), which the dialog says before saving.
 */
export function QuoteEditorModal({
  opened,
  onClose,
  dealId,
  currency,
  quote,
  initialLines,
}: {
  opened: boolean;
  onClose: () => void;
  dealId: string;
  currency: string;
  quote?: Quote | null;
  initialLines?: LineDraft[];
}) {
  const { t } = useTranslation();
  const save = useSaveQuote();
  const form = useFormErrors();
  const scale = 10 ** currencyDigits(currency);
  const [lines, setLines] = useState<LineDraft[]>([]);
  const [taxRate, setTaxRate] = useState<number | string>(25);
  const [validUntil, setValidUntil] = useState('');
  const [notes, setNotes] = useState('');
  // Fills the form each time the dialog opens (not while it is being edited).
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on open only
  useEffect(() => {
    if (!opened) return;
    form.reset();
    if (quote) {
      setLines(
        (quote.lines ?? []).map((l) =>
          newLine({
            productId: l.productId,
            description: l.description,
            quantity: l.quantity,
            unitPrice: l.unitPrice / scale,
            discountPercent: l.discountPercent,
            taxRate: l.ownTaxRate ? l.taxRate : '',
          }),
        ),
      );
      setTaxRate(quote.taxRate);
      setValidUntil(quote.validUntil ?? '');
      setNotes(quote.notes);
    } else {
      setLines(initialLines?.length ? initialLines : [newLine()]);
      setTaxRate(25);
      setValidUntil(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
      setNotes('');
    }
  }, [opened]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const common = {
      taxRate: Number(taxRate || 0),
      validUntil: validUntil || null,
      notes,
      lines: linesBody(lines, currency, true),
    };
    const body = quote
      ? form.parse(quoteUpdateSchema, common)
      : form.parse(quoteCreateSchema, { ...common, dealId, currency });
    if (!body) return;
    save.mutate(
      { ...(quote ? { id: quote.id, version: quote.version } : {}), body },
      {
        onError: form.showServerError,
        onSuccess: (q) => {
          notifications.show({
            color: 'teal',
            message: t('quotes.saved', { number: q.number, revision: q.revision }),
          });
          onClose();
        },
      },
    );
  };

  const startsVersion = quote && quote.status !== 'draft';
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={quote ? t('quotes.editTitle', { number: quote.number }) : t('quotes.new')}
      size="80rem"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {startsVersion && (
            <Alert color="blue" variant="light">
              {t('quotes.newVersionNote', { revision: quote.revision + 1 })}
            </Alert>
          )}
          <LinesEditor lines={lines} onChange={setLines} currency={currency} withTax errors={form.errors} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <NumberInput
              label={t('quotes.defaultTaxRate')}
              value={taxRate}
              onChange={setTaxRate}
              min={0}
              max={100}
              decimalScale={2}
              suffix=" %"
              error={form.errors.taxRate}
            />
            <TextInput
              type="date"
              label={t('quotes.validUntil')}
              value={validUntil}
              onChange={(e) => setValidUntil(e.currentTarget.value)}
              error={form.errors.validUntil}
            />
            <TextInput label={t('quotes.currency')} value={quote?.currency ?? currency} readOnly />
          </SimpleGrid>
          <Textarea
            label={t('quotes.notes')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <FormActions onCancel={onClose} label={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
