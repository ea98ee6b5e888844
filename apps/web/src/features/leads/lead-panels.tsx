import { Alert, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Single } from '../../lib/api-client.ts';
import { formatDateTime, formatMoney } from '../../lib/format.ts';
import { IconAlert } from '../../ui/icons.tsx';
import { AnchorLink } from '../../ui/router-links.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { useCan } from '../auth/auth-api.ts';
import { useRecord } from '../records/records-api.ts';
import { decisionText } from '../routing/routing-labels.ts';
import { useValueContext } from '../routing/use-value-context.ts';
import { useUserNames } from '../users/users-api.ts';
import { formatPoints, ScoreBadge } from './lead-badges.tsx';
import { useReasonLabel } from './lead-reasons.ts';
import { type Lead, useLeadDuplicates } from './leads-api.ts';

/** The score and every rule that gave or took points. */
export function ScoreCard({ lead }: { lead: Lead }) {
  const { t, i18n } = useTranslation();
  const label = useReasonLabel();
  return (
    <SectionCard
      id="score"
      title={t('leads.score.title')}
      actions={<ScoreBadge score={lead.score} size="lg" />}
    >
      {lead.scoreReasons.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('leads.score.none')}
        </Text>
      ) : (
        <Table verticalSpacing={4} aria-label={t('leads.score.reasons')}>
          <Table.Tbody>
            {lead.scoreReasons.map((r) => (
              <Table.Tr key={r.ruleId}>
                <Table.Td>
                  <Text size="sm">{label(r)}</Text>
                </Table.Td>
                <Table.Td ta="right" w={80}>
                  <Text
                    size="sm"
                    fw={600}
                    c={r.points < 0 ? 'red' : 'teal'}
                    style={{ fontVariantNumeric: 'tabular-nums' }}
                  >
                    {formatPoints(r.points, i18n.language)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}

/** Why the lead has the owner it has: the routing rule that decided, in words. */
export function RoutingCard({ lead }: { lead: Lead }) {
  const { t, i18n } = useTranslation();
  const ctx = useValueContext();
  const names = useUserNames();
  if (!lead.routing) return null;
  const assignee = lead.routing.assigneeId ? names.get(lead.routing.assigneeId) : null;
  return (
    <SectionCard id="routing" title={t('leads.routing.title')}>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {lead.routing.ruleName ?? t('leads.routing.noRule')}
        </Text>
        {lead.routing.ruleName && <Text size="sm">{decisionText(lead.routing, { assignee }, t, ctx)}</Text>}
        <Text size="xs" c="dimmed">
          {t('leads.routing.decidedAt', { date: formatDateTime(lead.routing.decidedAt, i18n.language) })}
        </Text>
      </Stack>
    </SectionCard>
  );
}

function DuplicateLink({
  type,
  id,
  name,
}: {
  type: 'contact' | 'account' | 'lead';
  id: string;
  name: string;
}) {
  if (type === 'contact')
    return (
      <AnchorLink to="/contacts/$contactId" params={{ contactId: id }} size="sm" fw={600}>
        {name}
      </AnchorLink>
    );
  if (type === 'account')
    return (
      <AnchorLink to="/accounts/$accountId" params={{ accountId: id }} size="sm" fw={600}>
        {name}
      </AnchorLink>
    );
  return (
    <AnchorLink to="/leads/$leadId" params={{ leadId: id }} size="sm" fw={600}>
      {name}
    </AnchorLink>
  );
}

/** Contacts, accounts and other leads this lead may be: found at capture and now. */
export function LeadDuplicatesPanel({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const dupes = useLeadDuplicates(lead.id);
  const list = dupes.data ?? [];
  if (!list.length) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlert />}
      title={t('leads.duplicates.title', { count: list.length })}
      radius="lg"
    >
      <Stack gap={6}>
        {list.slice(0, 8).map((d) => (
          <Group key={`${d.type}:${d.record.id}`} justify="space-between" wrap="nowrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Group gap={6} wrap="nowrap">
                <Badge size="xs" variant="outline" color="gray">
                  {t(`leads.duplicates.types.${d.type}`)}
                </Badge>
                <DuplicateLink type={d.type} id={d.record.id} name={d.record.name || d.record.email || '—'} />
              </Group>
              <Text size="xs" c="dimmed">
                {t('leads.duplicates.matchesOn', {
                  reasons: d.reasons.map((r) => t(`leads.duplicates.reasons.${r}`)).join(', '),
                })}
              </Text>
            </div>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}

/** The consent ticked on the form, and whether it is recorded on a contact yet. */
export function LeadConsentCard({ lead }: { lead: Lead }) {
  const { t, i18n } = useTranslation();
  if (!lead.consent) return null;
  const c = lead.consent;
  return (
    <SectionCard id="consent" title={t('leads.consent.title')}>
      <Stack gap={4}>
        <Text size="sm">“{c.text}”</Text>
        <Text size="xs" c="dimmed">
          {t('leads.consent.captured', {
            purpose: c.purpose,
            channel: c.channel,
            date: formatDateTime(c.capturedAt, i18n.language),
          })}
        </Text>
        <Badge color={c.recordedAt ? 'teal' : 'gray'} variant="light" w="fit-content">
          {c.recordedAt ? t('leads.consent.recorded') : t('leads.consent.pending')}
        </Badge>
      </Stack>
    </SectionCard>
  );
}

type Deal = { id: string; name: string; amount: number; currency: string };

function DealLine({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const deal = useQuery({
    queryKey: ['deals', 'one', id],
    queryFn: async ({ signal }) => (await api<Single<Deal>>(`/deals/${id}`, { signal })).data,
  });
  if (!deal.data) return <Text size="sm">{t('leads.conversion.deal')}</Text>;
  return (
    <Text size="sm">
      {t('leads.conversion.deal')}: <b>{deal.data.name}</b> ·{' '}
      {formatMoney(deal.data.amount, deal.data.currency, i18n.language)}
    </Text>
  );
}

function RecordName({ type, id }: { type: 'contact' | 'account'; id: string }) {
  const r = useRecord(type, id);
  const name = r.data?.name ?? '…';
  return type === 'contact' ? (
    <AnchorLink to="/contacts/$contactId" params={{ contactId: id }} size="sm" fw={600}>
      {name}
    </AnchorLink>
  ) : (
    <AnchorLink to="/accounts/$accountId" params={{ accountId: id }} size="sm" fw={600}>
      {name}
    </AnchorLink>
  );
}

/** What the lead became: links to the contact, account and deal. */
export function ConversionCard({ lead }: { lead: Lead }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const c = lead.conversion;
  if (!c) return null;
  return (
    <SectionCard id="conversion" title={t('leads.conversion.title')}>
      <Stack gap={6}>
        <Text size="xs" c="dimmed">
          {t('leads.conversion.at', { date: formatDateTime(c.convertedAt, i18n.language) })}
        </Text>
        {c.contactId && (
          <Text size="sm">
            {t('leads.conversion.contact')}: <RecordName type="contact" id={c.contactId} />
          </Text>
        )}
        {c.accountId && (
          <Text size="sm">
            {t('leads.conversion.account')}: <RecordName type="account" id={c.accountId} />
          </Text>
        )}
        {c.dealId && can('read', 'deals') && <DealLine id={c.dealId} />}
      </Stack>
    </SectionCard>
  );
}
