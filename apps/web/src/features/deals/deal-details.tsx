import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { DealUpdateInput } from '@relata/domain';
import { useTranslation } from 'react-i18next';
import { currencyDigits, formatDate, formatMoney } from '../../lib/format.ts';
import { InlineField, InlineSelectField, InlineTextField } from '../../ui/inline-field.tsx';
import { AnchorLink } from '../../ui/router-links.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { RecordPicker } from '../relationships/record-picker.tsx';
import { useUsers } from '../users/users-api.ts';
import { type Deal, useUpdateDeal } from './deals-api.ts';

/** The deal's fields, each edited in place (If-Match with the version shown). */
export function DealDetails({ deal, readOnly }: { deal: Deal; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  const update = useUpdateDeal(deal.id);
  const save = async (body: DealUpdateInput) => {
    await update.mutateAsync({ body, version: deal.version });
  };
  const scale = 10 ** currencyDigits(deal.currency);
  const link = (kind: 'contact' | 'account', r: { id: string; name: string } | null | undefined) =>
    r ? (
      kind === 'contact' ? (
        <AnchorLink to="/contacts/$contactId" params={{ contactId: r.id }} size="sm">
          {r.name}
        </AnchorLink>
      ) : (
        <AnchorLink to="/accounts/$accountId" params={{ accountId: r.id }} size="sm">
          {r.name}
        </AnchorLink>
      )
    ) : null;
  const picker = (kind: 'contact' | 'account') => (
    <InlineField<string | null>
      label={t(kind === 'contact' ? 'deals.contact' : 'deals.account')}
      value={kind === 'contact' ? deal.contactId : deal.accountId}
      display={link(kind, kind === 'contact' ? deal.contact : deal.account)}
      isEmpty={!(kind === 'contact' ? deal.contactId : deal.accountId)}
      readOnly={readOnly}
      onSave={(v) => save(kind === 'contact' ? { contactId: v } : { accountId: v })}
      renderEditor={(p) => (
        <RecordPicker
          type={kind}
          label={p.label}
          value={p.value}
          onChange={(v) => p.commit(v)}
          error={p.error ?? undefined}
        />
      )}
    />
  );
  return (
    <SectionCard id="deal-details" title={t('deals.details')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing={4}>
        <InlineTextField
          label={t('deals.name')}
          value={deal.name}
          readOnly={readOnly}
          onSave={(name) => save({ name })}
        />
        <InlineField<string>
          label={t('deals.amountIn', { currency: deal.currency })}
          value={String(deal.amount / scale)}
          display={formatMoney(deal.amount, deal.currency, i18n.language)}
          isEmpty={false}
          readOnly={readOnly}
          onSave={(v) => {
            const n = Number(v.replace(/\s/g, '').replace(',', '.'));
            if (!Number.isFinite(n) || n < 0) return Promise.reject(new Error(t('validation.invalid')));
            return save({ amount: Math.round(n * scale) });
          }}
          renderEditor={(p) => (
            <TextInput
              autoFocus
              size="sm"
              inputMode="decimal"
              aria-label={p.label}
              value={p.value}
              error={p.error}
              onChange={(e) => p.onChange(e.currentTarget.value)}
              onKeyDown={p.onKeyDown}
              onBlur={() => p.commit()}
            />
          )}
        />
        <InlineField<string>
          label={t('deals.expectedClose')}
          value={deal.expectedCloseDate ?? ''}
          display={deal.expectedCloseDate ? formatDate(deal.expectedCloseDate, i18n.language) : null}
          isEmpty={!deal.expectedCloseDate}
          readOnly={readOnly}
          onSave={(v) => save({ expectedCloseDate: v || null })}
          renderEditor={(p) => (
            <TextInput
              autoFocus
              size="sm"
              type="date"
              aria-label={p.label}
              value={p.value}
              error={p.error}
              onChange={(e) => p.onChange(e.currentTarget.value)}
              onKeyDown={p.onKeyDown}
              onBlur={() => p.commit()}
            />
          )}
        />
        <InlineSelectField
          label={t('deals.owner')}
          value={deal.ownerId}
          options={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          readOnly={readOnly}
          onSave={(ownerId) => save({ ownerId })}
        />
        {picker('account')}
        {picker('contact')}
      </SimpleGrid>
      <InlineField<string>
        label={t('deals.notes')}
        value={deal.notes}
        display={<span style={{ whiteSpace: 'pre-wrap' }}>{deal.notes}</span>}
        isEmpty={!deal.notes}
        readOnly={readOnly}
        onSave={(notes) => save({ notes })}
        renderEditor={(p) => (
          <Textarea
            autoFocus
            autosize
            minRows={2}
            aria-label={p.label}
            value={p.value}
            error={p.error}
            onChange={(e) => p.onChange(e.currentTarget.value)}
            onKeyDown={p.onKeyDown}
            onBlur={() => p.commit()}
          />
        )}
      />
    </SectionCard>
  );
}
