import {
  Anchor,
  Avatar,
  Button,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Single } from '../../lib/api-client.ts';
import { formatRelative, initials } from '../../lib/format.ts';
import { IconBuilding, IconContacts, IconHistory, IconPlus, IconUsers } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { AnchorLink } from '../../ui/router-links.tsx';
import { SectionCard } from '../../ui/section-card.tsx';
import { AccountCreateModal } from '../accounts/account-create-modal.tsx';
import type { AuditEntry } from '../audit/audit-api.ts';
import { actionKind } from '../audit/audit-format.ts';
import { useCan, useMe } from '../auth/auth-api.ts';
import { ContactCreateModal } from '../contacts/contact-create-modal.tsx';

type Dashboard = { contacts: number; accounts: number; users: number; recent: AuditEntry[] };

function Stat({
  label,
  value,
  icon,
  color,
  to,
}: {
  label: string;
  value: number | undefined;
  icon: ReactNode;
  color: string;
  to?: '/contacts' | '/accounts';
}) {
  const { i18n } = useTranslation();
  const body = (
    <Group justify="space-between" wrap="nowrap">
      <Stack gap={4}>
        <Text size="sm" c="dimmed" fw={500}>
          {label}
        </Text>
        {value === undefined ? (
          <Skeleton h={30} w={60} />
        ) : (
          <Text fz={30} fw={700} lh={1.1} style={{ letterSpacing: '-0.02em' }}>
            {new Intl.NumberFormat(i18n.language).format(value)}
          </Text>
        )}
      </Stack>
      <ThemeIcon size={48} radius="md" variant="light" color={color}>
        {icon}
      </ThemeIcon>
    </Group>
  );
  return to ? (
    <Card component={Link} to={to} style={{ textDecoration: 'none', color: 'inherit' }} aria-label={label}>
      {body}
    </Card>
  ) : (
    <Card>{body}</Card>
  );
}

function recordName(entry: AuditEntry): string | null {
  const c = entry.changes ?? {};
  const pick = (k: string) => {
    const v = c[k]?.to ?? c[k]?.from;
    return typeof v === 'string' ? v : '';
  };
  const name =
    pick('name') ||
    [pick('firstName'), pick('lastName')].filter(Boolean).join(' ') ||
    pick('title') ||
    pick('subject');
  return name || null;
}

function RecordRefLink({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const kind = actionKind(entry.action);
  if (kind === 'signedIn' || kind === 'signedOut') return null;
  const name = recordName(entry);
  const fallback =
    entry.recordType === 'contact'
      ? t('dashboard.aContact')
      : entry.recordType === 'account'
        ? t('dashboard.anAccount')
        : entry.recordType === 'user'
          ? t('dashboard.aUser')
          : entry.recordType === 'interaction'
            ? t('dashboard.anInteraction')
            : entry.recordType === 'task'
              ? t('dashboard.aTask')
              : t('dashboard.aRecord');
  const label = name ?? fallback;
  if (entry.recordType === 'contact' && kind !== 'deleted') {
    return (
      <AnchorLink to="/contacts/$contactId" params={{ contactId: entry.recordId }} fw={600} size="sm">
        {label}
      </AnchorLink>
    );
  }
  if (entry.recordType === 'account' && kind !== 'deleted') {
    return (
      <AnchorLink to="/accounts/$accountId" params={{ accountId: entry.recordId }} fw={600} size="sm">
        {label}
      </AnchorLink>
    );
  }
  return (
    <Text span fw={600} size="sm">
      {label}
    </Text>
  );
}

export function DashboardView() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const can = useCan();
  const [contactOpen, contact] = useDisclosure(false);
  const [accountOpen, account] = useDisclosure(false);
  const dashboard = useQuery({
    queryKey: ['dashboard'],
    queryFn: async ({ signal }) => (await api<Single<Dashboard>>('/dashboard', { signal })).data,
  });
  const d = dashboard.data;
  const firstName = me.data?.name.split(' ')[0] ?? '';

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('dashboard.greeting', { name: firstName })}
        description={t('dashboard.subtitle')}
        actions={
          <>
            {can('create', 'accounts') && (
              <Button variant="default" leftSection={<IconPlus size={16} />} onClick={account.open}>
                {t('accounts.new')}
              </Button>
            )}
            {can('create', 'contacts') && (
              <Button leftSection={<IconPlus size={16} />} onClick={contact.open}>
                {t('contacts.new')}
              </Button>
            )}
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
        <Stat
          label={t('dashboard.contacts')}
          value={d?.contacts}
          icon={<IconContacts size={24} />}
          color="brand"
          to="/contacts"
        />
        <Stat
          label={t('dashboard.accounts')}
          value={d?.accounts}
          icon={<IconBuilding size={24} />}
          color="teal"
          to="/accounts"
        />
        <Stat label={t('dashboard.users')} value={d?.users} icon={<IconUsers size={24} />} color="grape" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
        <div style={{ gridColumn: 'span 2' }}>
          <SectionCard id="recent" title={t('dashboard.recent')} icon={<IconHistory size={16} />}>
            {dashboard.isPending ? (
              <Stack>
                <Skeleton h={16} />
                <Skeleton h={16} w="80%" />
                <Skeleton h={16} w="60%" />
              </Stack>
            ) : !d?.recent.length ? (
              <Text size="sm" c="dimmed">
                {t('dashboard.noActivity')}
              </Text>
            ) : (
              <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {d.recent.slice(0, 12).map((entry) => {
                  const actor = entry.actorName ?? t('audit.system');
                  return (
                    <Group key={entry.id} component="li" gap="sm" wrap="nowrap" justify="space-between">
                      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                        <Avatar size={30} radius="xl" color="initials" name={actor}>
                          {initials(actor)}
                        </Avatar>
                        <Text size="sm" truncate>
                          <Text span fw={500}>
                            {actor}
                          </Text>{' '}
                          {t(`audit.actions.${actionKind(entry.action)}`)} <RecordRefLink entry={entry} />
                        </Text>
                      </Group>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {formatRelative(entry.at, i18n.language)}
                      </Text>
                    </Group>
                  );
                })}
              </Stack>
            )}
          </SectionCard>
        </div>
        <SectionCard id="quick" title={t('dashboard.quickLinks')}>
          <Stack gap="xs">
            <AnchorLink to="/contacts" size="sm">
              {t('dashboard.allContacts')}
            </AnchorLink>
            <AnchorLink to="/accounts" size="sm">
              {t('dashboard.allAccounts')}
            </AnchorLink>
            {can('read', 'custom_fields') && (
              <AnchorLink to="/settings" search={{ tab: 'custom-fields' }} size="sm">
                {t('dashboard.customFields')}
              </AnchorLink>
            )}
            {can('read', 'api_keys') && (
              <AnchorLink to="/settings" search={{ tab: 'api-keys' }} size="sm">
                {t('dashboard.apiKeys')}
              </AnchorLink>
            )}
            <Anchor href="/api/docs" target="_blank" size="sm">
              {t('dashboard.apiDocs')}
            </Anchor>
          </Stack>
        </SectionCard>
      </SimpleGrid>
      <ContactCreateModal opened={contactOpen} onClose={contact.close} />
      <AccountCreateModal opened={accountOpen} onClose={account.close} />
    </Stack>
  );
}
