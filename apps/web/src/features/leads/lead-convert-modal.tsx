import { Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { minorPerMajor } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/use-form.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { useCan } from '../auth/auth-api.ts';
import { useRecord } from '../records/records-api.ts';
import { RecordPicker } from '../relationships/record-picker.tsx';
import { useValueSettings } from '../value/value-api.ts';
import { type Lead, useConvertLead } from './leads-api.ts';

/** The existing record a lead matched, by name. */
function MatchedName({ type, id }: { type: 'contact' | 'account'; id: string }) {
  const r = useRecord(type, id);
  return <>{r.data?.name ?? '…'}</>;
}

/**
 * Converts a lead in one step: the matched contact (or another, or a new one), the matched
 * account (or another, or a new one from the company), and a deal if wanted.
 */
export function LeadConvertModal({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const settings = useValueSettings(can('read', 'value'));
  const [contactId, setContactId] = useState<string | null>(null);
  const [accountId, setAccountId] = useState<string | null>(null);
  const [createAccount, setCreateAccount] = useState(Boolean(lead.company));
  const [createDeal, setCreateDeal] = useState(false);
  const [dealName, setDealName] = useState(lead.company ?? lead.name);
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState<string | null>(null);
  const { errors, setErrors, showServerError } = useFormErrors({ fallbackField: 'dealName' });
  const convert = useConvertLead(lead.id);
  const cur = (currency ?? settings.data?.currency ?? 'EUR').toUpperCase();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const major = amount.trim() === '' ? null : Number(amount.replace(',', '.'));
    if (major !== null && (!Number.isFinite(major) || major < 0)) {
      setErrors({ amount: t('leads.convert.amountInvalid') });
      return;
    }
    convert.mutate(
      {
        version: lead.version,
        body: {
          ...(contactId ? { contactId } : {}),
          ...(accountId ? { accountId } : {}),
          createAccount,
          createDeal,
          ...(createDeal
            ? {
                dealName: dealName.trim() || null,
                amount: major === null ? null : Math.round(major * minorPerMajor(cur)),
                currency: major === null ? null : cur,
              }
            : {}),
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('leads.convert.done', { name: lead.name }) });
          onClose();
        },
        onError: showServerError,
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('leads.convert.title', { name: lead.name })} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('leads.convert.intro')}
          </Text>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('leads.convert.contact')}
            </Text>
            <Text size="sm">
              {lead.matchedContactId ? (
                <>
                  {t('leads.convert.useMatched')}: <MatchedName type="contact" id={lead.matchedContactId} />
                </>
              ) : (
                t('leads.convert.newContact', { name: lead.name })
              )}
            </Text>
            <RecordPicker
              type="contact"
              label={t('leads.convert.otherContact')}
              value={contactId}
              onChange={setContactId}
              error={errors.contactId}
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('leads.convert.account')}
            </Text>
            {lead.matchedAccountId ? (
              <Text size="sm">
                {t('leads.convert.useMatched')}: <MatchedName type="account" id={lead.matchedAccountId} />
              </Text>
            ) : (
              <Checkbox
                label={
                  lead.company
                    ? t('leads.convert.newAccount', { name: lead.company })
                    : t('leads.convert.noCompany')
                }
                checked={createAccount && Boolean(lead.company)}
                disabled={!lead.company || Boolean(accountId)}
                onChange={(e) => setCreateAccount(e.currentTarget.checked)}
              />
            )}
            <RecordPicker
              type="account"
              label={t('leads.convert.otherAccount')}
              value={accountId}
              onChange={setAccountId}
              error={errors.accountId}
            />
          </Stack>
          {can('create', 'deals') && (
            <Stack gap="xs">
              <Checkbox
                label={t('leads.convert.createDeal')}
                checked={createDeal}
                onChange={(e) => setCreateDeal(e.currentTarget.checked)}
              />
              {createDeal && (
                <>
                  <TextInput
                    label={t('leads.convert.dealName')}
                    value={dealName}
                    onChange={(e) => setDealName(e.currentTarget.value)}
                    error={errors.dealName}
                  />
                  <Group grow align="flex-start">
                    <TextInput
                      label={t('leads.convert.amount')}
                      inputMode="decimal"
                      value={amount}
                      onChange={(e) => setAmount(e.currentTarget.value)}
                      error={errors.amount}
                    />
                    <TextInput
                      label={t('leads.convert.currency')}
                      value={cur}
                      maxLength={3}
                      onChange={(e) => setCurrency(e.currentTarget.value)}
                      error={errors.currency}
                    />
                  </Group>
                </>
              )}
            </Stack>
          )}
          <FormActions onCancel={onClose} label={t('leads.convert.submit')} loading={convert.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
