import { NavLink, Stack, Text } from '@mantine/core';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { IconBuilding, IconContacts, IconDashboard, IconSettings } from '../../ui/icons.tsx';
import { IconInbox, IconTask } from '../../ui/icons-activity.tsx';
import { IconArrowsSplit, IconChartBar, IconShoppingCart } from '../../ui/icons-commerce.tsx';
import { IconClipboardList, IconMoodSmile } from '../../ui/icons-privacy.tsx';
import { useCan } from '../auth/auth-api.ts';
import { IconHeadset } from '../cases/case-icons.tsx';
import { IconLayoutKanban, IconTrendingUp } from '../deals/icons-sales.tsx';
import { IconTarget } from '../leads/lead-icons.tsx';

type Item = {
  to:
    | '/'
    | '/accounts'
    | '/contacts'
    | '/leads'
    | '/deals'
    | '/forecast'
    | '/tasks'
    | '/inbox'
    | '/orders'
    | '/surveys'
    | '/value'
    | '/flows'
    | '/nps'
    | '/cases'
    | '/settings';
  label: string;
  icon: typeof IconDashboard;
};

function NavSection({ title, items, first }: { title: string; items: Item[]; first?: boolean }) {
  const { pathname } = useLocation();
  return (
    <>
      <Text
        size="xs"
        fw={600}
        c="dimmed"
        tt="uppercase"
        px="sm"
        pt={first ? 'xs' : 'lg'}
        pb={6}
        style={{ letterSpacing: '0.06em' }}
      >
        {title}
      </Text>
      {items.map((item) => {
        const active = item.to === '/' ? pathname === '/' : pathname.startsWith(item.to);
        return (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            leftSection={<item.icon size={18} />}
            active={active}
            aria-current={active ? 'page' : undefined}
            variant="light"
            style={{ borderRadius: 8, fontWeight: 500 }}
          />
        );
      })}
    </>
  );
}

export function MainNav() {
  const { t } = useTranslation();
  const can = useCan();
  const showSettings =
    can('read', 'users') || can('read', 'custom_fields') || can('read', 'api_keys') || can('update', 'value');
  const value = can('read', 'value');
  const insights: Item[] = [
    ...(value ? [{ to: '/value' as const, label: t('nav.value'), icon: IconChartBar }] : []),
    ...(can('read', 'contacts') ? [{ to: '/nps' as const, label: t('nav.nps'), icon: IconMoodSmile }] : []),
    ...(value ? [{ to: '/flows' as const, label: t('nav.flows'), icon: IconArrowsSplit }] : []),
    ...(can('read', 'deals')
      ? [{ to: '/forecast' as const, label: t('deals.forecast.nav'), icon: IconTrendingUp }]
      : []),
  ];
  return (
    <Stack gap={2} component="nav">
      <NavSection
        first
        title={t('nav.workspace')}
        items={[
          { to: '/', label: t('nav.dashboard'), icon: IconDashboard },
          { to: '/accounts', label: t('nav.accounts'), icon: IconBuilding },
          { to: '/contacts', label: t('nav.contacts'), icon: IconContacts },
          ...(can('read', 'leads')
            ? [{ to: '/leads' as const, label: t('leads.nav'), icon: IconTarget }]
            : []),
          ...(can('read', 'deals')
            ? [{ to: '/deals' as const, label: t('deals.nav'), icon: IconLayoutKanban }]
            : []),
          ...(can('read', 'tasks') ? [{ to: '/tasks' as const, label: t('nav.tasks'), icon: IconTask }] : []),
          ...(can('read', 'emails')
            ? [{ to: '/inbox' as const, label: t('nav.inbox'), icon: IconInbox }]
            : []),
          ...(can('read', 'orders')
            ? [{ to: '/orders' as const, label: t('nav.orders'), icon: IconShoppingCart }]
            : []),
          ...(can('read', 'surveys')
            ? [{ to: '/surveys' as const, label: t('nav.surveys'), icon: IconClipboardList }]
            : []),
        ]}
      />
      {can('read', 'cases') && (
        <NavSection
          title={t('cases.navGroup')}
          items={[{ to: '/cases', label: t('cases.nav'), icon: IconHeadset }]}
        />
      )}
      {insights.length > 0 && <NavSection title={t('nav.insights')} items={insights} />}
      {showSettings && (
        <NavSection
          title={t('nav.admin')}
          items={[{ to: '/settings', label: t('nav.settings'), icon: IconSettings }]}
        />
      )}
    </Stack>
  );
}
