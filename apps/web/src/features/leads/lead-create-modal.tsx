import { Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { leadCreateSchema } from '@relata/domain';
import { useNavigate } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../lib/use-form.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { useCreateLead } from './leads-api.ts';

const initial = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  company: '',
  source: 'manual',
  campaign: '',
};

/** A lead typed in by hand (a call, a business card): scored, matched and routed like any other. */
export function LeadCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useForm(initial);
  const create = useCreateLead();
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = form.values;
    const body = form.parse(leadCreateSchema, {
      firstName: v.firstName,
      lastName: v.lastName,
      email: v.email.trim() || null,
      phone: v.phone.trim() || null,
      company: v.company,
      source: v.source.trim() || 'manual',
      campaign: v.campaign,
    });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (lead) => {
        notifications.show({ color: 'teal', message: t('leads.created', { name: lead.name }) });
        close();
        void navigate({ to: '/leads/$leadId', params: { leadId: lead.id } });
      },
      onError: form.showServerError,
    });
  };
  const field = (key: keyof typeof initial, label: string, type = 'text') => (
    <TextInput
      label={label}
      type={type}
      value={form.values[key]}
      onChange={(e) => form.set(key, e.currentTarget.value)}
      error={form.errors[key]}
    />
  );
  return (
    <Modal opened={opened} onClose={close} title={t('leads.new')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group grow align="flex-start">
            {field('firstName', t('fields.firstName'))}
            {field('lastName', t('fields.lastName'))}
          </Group>
          <Group grow align="flex-start">
            {field('email', t('fields.email'), 'email')}
            {field('phone', t('fields.phone'), 'tel')}
          </Group>
          {field('company', t('leads.fields.company'))}
          <Group grow align="flex-start">
            {field('source', t('leads.fields.source'))}
            {field('campaign', t('leads.fields.campaign'))}
          </Group>
          <FormActions onCancel={close} label={t('leads.create')} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
