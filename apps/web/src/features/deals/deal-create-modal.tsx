import { Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { dealCreateSchema } from '@relata/domain';
import { useNavigate } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyDigits } from '../../lib/format.ts';
import { useForm } from '../../lib/use-form.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { RecordPicker } from '../relationships/record-picker.tsx';
import { type Pipeline, useCreateDeal } from './deals-api.ts';

type Values = {
  name: string;
  stageId: string | null;
  amount: number | string;
  expectedCloseDate: string;
  contactId: string | null;
  accountId: string | null;
};

/** A new deal in a pipeline: name, stage, amount, expected close, customer. */
export function DealCreateModal({
  opened,
  onClose,
  pipeline,
  currency,
  defaults,
}: {
  opened: boolean;
  onClose: () => void;
  pipeline: Pipeline;
  currency: string;
  defaults?: { contactId?: string; accountId?: string };
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateDeal();
  const firstOpen = pipeline.stages.find((s) => s.kind === 'open')?.id ?? null;
  const form = useForm<Values>({
    name: '',
    stageId: firstOpen,
    amount: '',
    expectedCloseDate: '',
    contactId: defaults?.contactId ?? null,
    accountId: defaults?.accountId ?? null,
  });
  const { values, set, errors } = form;
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const amount =
      values.amount === '' ? undefined : Math.round(Number(values.amount) * 10 ** currencyDigits(currency));
    const body = form.parse(dealCreateSchema, {
      name: values.name,
      pipelineId: pipeline.id,
      ...(values.stageId ? { stageId: values.stageId } : {}),
      ...(amount !== undefined ? { amount } : {}),
      expectedCloseDate: values.expectedCloseDate || null,
      contactId: values.contactId,
      accountId: values.accountId,
    });
    if (!body) return;
    create.mutate(body, {
      onError: form.showServerError,
      onSuccess: (deal) => {
        notifications.show({ color: 'teal', message: t('deals.created', { name: deal.name }) });
        close();
        void navigate({ to: '/deals/$dealId', params: { dealId: deal.id } });
      },
    });
  };
  return (
    <Modal opened={opened} onClose={close} title={t('deals.new')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            data-autofocus
            label={t('deals.name')}
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('deals.stage')}
              data={pipeline.stages
                .filter((s) => s.kind !== 'lost')
                .map((s) => ({ value: s.id, label: s.name }))}
              value={values.stageId}
              onChange={(v) => set('stageId', v)}
              allowDeselect={false}
              error={errors.stageId}
            />
            <NumberInput
              label={t('deals.amountIn', { currency })}
              value={values.amount}
              onChange={(v) => set('amount', v)}
              min={0}
              decimalScale={2}
              thousandSeparator=" "
              error={errors.amount}
            />
            <TextInput
              type="date"
              label={t('deals.expectedClose')}
              value={values.expectedCloseDate}
              onChange={(e) => set('expectedCloseDate', e.currentTarget.value)}
              error={errors.expectedCloseDate}
            />
            <span />
            <RecordPicker
              type="account"
              label={t('deals.account')}
              value={values.accountId}
              onChange={(v) => set('accountId', v)}
              error={errors.accountId}
            />
            <RecordPicker
              type="contact"
              label={t('deals.contact')}
              value={values.contactId}
              onChange={(v) => set('contactId', v)}
              error={errors.contactId}
            />
          </SimpleGrid>
          <FormActions onCancel={close} label={t('deals.create')} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
