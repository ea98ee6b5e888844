import { Anchor, Badge, Button, Group, Menu, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { QuoteStatus } from '@relata/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { currencyDigits, formatDate, formatMoney } from '../../lib/format.ts';
import { IconDownload } from '../../ui/icons-files.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useCan } from '../auth/auth-api.ts';
import type { Deal } from '../deals/deals-api.ts';
import { IconFileInvoice } from '../deals/icons-sales.tsx';
import { newLine } from './lines-editor.tsx';
import { QuoteEditorModal } from './quote-editor-modal.tsx';
import {
  type Quote,
  quotePdfUrl,
  useDealQuotes,
  useQuote,
  useQuoteRevisions,
  useQuoteStatus,
} from './quotes-api.ts';

const statusColor: Record<QuoteStatus, string> = {
  draft: 'gray',
  sent: 'blue',
  accepted: 'teal',
  rejected: 'red',
  expired: 'orange',
};

export function QuoteStatusBadge({ status }: { status: QuoteStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={statusColor[status]}>
      {t(`quotes.statuses.${status}`)}
    </Badge>
  );
}

/** A deal's quotes: versions, status changes, PDFs, and writing a new one from the deal's lines. */
export function QuotesPanel({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const can = useCan();
  const quotes = useDealQuotes(deal.id);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const editingQuote = useQuote(editing && editing !== 'new' ? editing : null);
  const status = useQuoteStatus();
  const change = (q: Quote, next: 'sent' | 'accepted' | 'rejected') =>
    status.mutate(
      { id: q.id, change: { status: next } },
      {
        onSuccess: (r) =>
          notifications.show({
            color: 'teal',
            message:
              next === 'accepted' && r.orderId ? t('quotes.acceptedOrder') : t(`quotes.became.${next}`),
          }),
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
      },
    );
  const fromDeal = (deal.lines ?? []).map((l) =>
    newLine({
      productId: l.productId,
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice / 10 ** currencyDigits(deal.currency),
      discountPercent: l.discountPercent,
    }),
  );
  const canWrite = can('update', 'quotes');
  return (
    <SectionCard
      id="quotes"
      title={t('quotes.title')}
      icon={<IconFileInvoice size={16} />}
      count={quotes.data?.length}
      actions={
        can('create', 'quotes') && (
          <Button size="compact-sm" variant="light" onClick={() => setEditing('new')}>
            {t('quotes.new')}
          </Button>
        )
      }
    >
      {(quotes.data ?? []).length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('quotes.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('quotes.number')}</Table.Th>
                <Table.Th>{t('quotes.status')}</Table.Th>
                <Table.Th>{t('quotes.validUntil')}</Table.Th>
                <Table.Th ta="right">{t('quotes.total')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(quotes.data ?? []).map((q) => (
                <QuoteRow
                  key={q.id}
                  quote={q}
                  canWrite={canWrite}
                  onEdit={() => setEditing(q.id)}
                  onChange={change}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <QuoteEditorModal
        opened={editing === 'new' || Boolean(editing && editingQuote.data)}
        onClose={() => setEditing(null)}
        dealId={deal.id}
        currency={deal.currency}
        quote={editing === 'new' ? null : (editingQuote.data ?? null)}
        initialLines={fromDeal}
      />
    </SectionCard>
  );
}

function QuoteRow({
  quote: q,
  canWrite: w,
  onEdit,
  onChange,
}: {
  quote: Quote;
  canWrite: boolean;
  onEdit: () => void;
  onChange: (q: Quote, next: 'sent' | 'accepted' | 'rejected') => void;
}) {
  const { t, i18n } = useTranslation();
  const [showVersions, setShowVersions] = useState(false);
  const revisions = useQuoteRevisions(showVersions ? q.id : null);
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <Text size="sm" fw={600}>
            {q.number}
          </Text>
          <Anchor component="button" type="button" size="xs" onClick={() => setShowVersions((v) => !v)}>
            {t('quotes.version', { revision: q.revision })}
          </Anchor>
        </Table.Td>
        <Table.Td>
          <QuoteStatusBadge status={q.status} />
        </Table.Td>
        <Table.Td>{q.validUntil ? formatDate(q.validUntil, i18n.language) : '—'}</Table.Td>
        <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatMoney(q.total, q.currency, i18n.language)}
        </Table.Td>
        <Table.Td>
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <Button
              component="a"
              href={quotePdfUrl(q.id, i18n.language)}
              size="compact-xs"
              variant="subtle"
              leftSection={<IconDownload size={14} />}
              download
            >
              PDF
            </Button>
            {w && q.status !== 'accepted' && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button size="compact-xs" variant="default">
                    {t('quotes.actions')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={onEdit}>{t('quotes.edit')}</Menu.Item>
                  {q.status === 'draft' && (
                    <Menu.Item onClick={() => onChange(q, 'sent')}>{t('quotes.markSent')}</Menu.Item>
                  )}
                  {q.status === 'sent' && (
                    <>
                      <Menu.Item onClick={() => onChange(q, 'accepted')}>
                        {t('quotes.markAccepted')}
                      </Menu.Item>
                      <Menu.Item onClick={() => onChange(q, 'rejected')}>
                        {t('quotes.markRejected')}
                      </Menu.Item>
                    </>
                  )}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Table.Td>
      </Table.Tr>
      {showVersions && (
        <Table.Tr>
          <Table.Td colSpan={5}>
            <Stack gap={2}>
              {(revisions.data ?? []).map((r) => (
                <Group key={r.revision} gap="sm">
                  <Text size="xs">{t('quotes.version', { revision: r.revision })}</Text>
                  <QuoteStatusBadge status={r.status} />
                  <Text size="xs">{formatMoney(r.total, q.currency, i18n.language)}</Text>
                  <Anchor size="xs" href={quotePdfUrl(q.id, i18n.language, r.revision)} download>
                    PDF
                  </Anchor>
                </Group>
              ))}
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
