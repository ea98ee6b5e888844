import {
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  consentChannels,
  type LeadFormField,
  type LeadFormFieldKey,
  languages,
  leadFormCreateSchema,
  leadFormFieldKeys,
  leadFormUpdateSchema,
} from '@relata/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageNames } from '../../i18n/index.ts';
import { useFormErrors } from '../../lib/use-form.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { useConsentPurposes } from '../consent/consent-api.ts';
import { channelLabel, purposeLabel } from '../consent/consent-labels.ts';
import { type LeadForm, useLeadFormMutations } from './leads-api.ts';

type Draft = {
  name: string;
  fields: Partial<Record<LeadFormFieldKey, { required: boolean }>>;
  defaultSource: string;
  defaultCampaign: string;
  consentText: string;
  consentRequired: boolean;
  consentPurpose: string;
  consentChannel: (typeof consentChannels)[number];
  thankYouMessage: string;
  redirectUrl: string;
  rateLimitPerHour: number;
  language: (typeof languages)[number];
  active: boolean;
};

const draftOf = (f: LeadForm | null, thanks: string): Draft => ({
  name: f?.name ?? '',
  fields: f
    ? Object.fromEntries(f.fields.map((x) => [x.key, { required: x.required }]))
    : {
        firstName: { required: true },
        lastName: { required: false },
        email: { required: true },
        company: { required: false },
        message: { required: false },
      },
  defaultSource: f?.defaultSource ?? 'web_form',
  defaultCampaign: f?.defaultCampaign ?? '',
  consentText: f?.consentText ?? '',
  consentRequired: f?.consentRequired ?? false,
  consentPurpose: f?.consentPurpose ?? 'marketing',
  consentChannel: f?.consentChannel ?? 'email',
  thankYouMessage: f?.thankYouMessage ?? thanks,
  redirectUrl: f?.redirectUrl ?? '',
  rateLimitPerHour: f?.rateLimitPerHour ?? 60,
  language: f?.language ?? 'en',
  active: f?.active ?? true,
});

/** Creates or edits a lead form: the fields it shows, its defaults, consent box and thank-you. */
export function LeadFormModal({ form, onClose }: { form: LeadForm | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(() => draftOf(form, t('leadForms.defaultThanks')));
  const { errors, parse, showServerError } = useFormErrors({ fallbackField: 'name' });
  const purposes = useConsentPurposes();
  const { save } = useLeadFormMutations();
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const toggle = (key: LeadFormFieldKey, on: boolean) =>
    setD((x) => {
      const fields = { ...x.fields };
      if (on) fields[key] = { required: false };
      else delete fields[key];
      return { ...x, fields };
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields: LeadFormField[] = leadFormFieldKeys
      .filter((k) => d.fields[k])
      .map((k) => ({ key: k, required: d.fields[k]?.required ?? false }));
    const value = {
      ...d,
      fields,
      defaultCampaign: d.defaultCampaign,
      consentText: d.consentText,
      redirectUrl: d.redirectUrl.trim() || null,
    };
    const body = parse(form ? leadFormUpdateSchema : leadFormCreateSchema, value);
    if (!body) return;
    save.mutate(
      { ...(form ? { id: form.id, version: form.version } : {}), body },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('leadForms.saved', { name: saved.name }) });
          onClose();
        },
        onError: showServerError,
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={form ? t('leadForms.edit') : t('leadForms.new')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('leadForms.name')}
              value={d.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={errors.name}
              required
            />
            <Select
              label={t('leadForms.language')}
              data={languages.map((l) => ({ value: l, label: languageNames[l] }))}
              value={d.language}
              onChange={(v) => v && set('language', v as Draft['language'])}
              allowDeselect={false}
            />
          </SimpleGrid>
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('leadForms.fields')}
            </Text>
            <Table withTableBorder verticalSpacing={4} aria-label={t('leadForms.fields')}>
              <Table.Tbody>
                {leadFormFieldKeys.map((k) => (
                  <Table.Tr key={k}>
                    <Table.Td>
                      <Checkbox
                        label={t(`leads.formFields.${k}`)}
                        checked={Boolean(d.fields[k])}
                        onChange={(e) => toggle(k, e.currentTarget.checked)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        size="xs"
                        label={t('leadForms.required')}
                        disabled={!d.fields[k]}
                        checked={d.fields[k]?.required ?? false}
                        onChange={(e) =>
                          set('fields', { ...d.fields, [k]: { required: e.currentTarget.checked } })
                        }
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {errors.fields && (
              <Text size="xs" c="red" mt={4}>
                {errors.fields}
              </Text>
            )}
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('leadForms.defaultSource')}
              value={d.defaultSource}
              onChange={(e) => set('defaultSource', e.currentTarget.value)}
              error={errors.defaultSource}
            />
            <TextInput
              label={t('leadForms.defaultCampaign')}
              value={d.defaultCampaign}
              onChange={(e) => set('defaultCampaign', e.currentTarget.value)}
              error={errors.defaultCampaign}
            />
          </SimpleGrid>
          <Textarea
            label={t('leadForms.consentText')}
            description={t('leadForms.consentHint')}
            autosize
            minRows={2}
            value={d.consentText}
            onChange={(e) => set('consentText', e.currentTarget.value)}
            error={errors.consentText}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('leadForms.consentPurpose')}
              data={(purposes.data ?? []).map((p) => ({
                value: p.key,
                label: purposeLabel(p.key, purposes.data, t),
              }))}
              value={d.consentPurpose}
              onChange={(v) => v && set('consentPurpose', v)}
              allowDeselect={false}
              error={errors.consentPurpose}
            />
            <Select
              label={t('leadForms.consentChannel')}
              data={consentChannels.map((c) => ({ value: c, label: channelLabel(c, t) }))}
              value={d.consentChannel}
              onChange={(v) => v && set('consentChannel', v as Draft['consentChannel'])}
              allowDeselect={false}
            />
            <Switch
              mt={30}
              label={t('leadForms.consentRequired')}
              checked={d.consentRequired}
              onChange={(e) => set('consentRequired', e.currentTarget.checked)}
            />
          </SimpleGrid>
          <Textarea
            label={t('leadForms.thankYou')}
            autosize
            minRows={2}
            value={d.thankYouMessage}
            onChange={(e) => set('thankYouMessage', e.currentTarget.value)}
            error={errors.thankYouMessage}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('leadForms.redirectUrl')}
              description={t('leadForms.redirectHint')}
              placeholder="https://"
              value={d.redirectUrl}
              onChange={(e) => set('redirectUrl', e.currentTarget.value)}
              error={errors.redirectUrl}
            />
            <NumberInput
              label={t('leadForms.rateLimit')}
              description={t('leadForms.rateLimitHint')}
              min={1}
              max={100000}
              value={d.rateLimitPerHour}
              onChange={(v) => set('rateLimitPerHour', typeof v === 'number' ? v : Number(v) || 1)}
              error={errors.rateLimitPerHour}
            />
          </SimpleGrid>
          <Group justify="space-between">
            <Switch
              label={t('leadForms.active')}
              checked={d.active}
              onChange={(e) => set('active', e.currentTarget.checked)}
            />
            <FormActions onCancel={onClose} label={t('common.save')} loading={save.isPending} />
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
