import { NavLink, Stack, Text } from '@mantine/core';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { IconBuilding, IconContacts, IconDashboard, IconSettings } from '../../ui/icons.tsx';
import { useCan } from '../auth/auth-api.ts';

export function MainNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const can = useCan();
  const items = [
    { to: '/', label: t('nav.dashboard'), icon: IconDashboard, active: pathname === '/' },
    {
      to: '/accounts',
      label: t('nav.accounts'),
      icon: IconBuilding,
      active: pathname.startsWith('/accounts'),
    },
    {
      to: '/contacts',
      label: t('nav.contacts'),
      icon: IconContacts,
      active: pathname.startsWith('/contacts'),
    },
  ] as const;
  const showSettings = can('read', 'users') || can('read', 'custom_fields') || can('read', 'api_keys');
  return (
    <Stack gap={2} component="nav">
      <Text
        size="xs"
        fw={600}
        c="dimmed"
        tt="uppercase"
        px="sm"
        pt="xs"
        pb={6}
        style={{ letterSpacing: '0.06em' }}
      >
        {t('nav.workspace')}
      </Text>
      {items.map((item) => (
        <NavLink
          key={item.to}
          component={Link}
          to={item.to}
          label={item.label}
          leftSection={<item.icon size={18} />}
          active={item.active}
          aria-current={item.active ? 'page' : undefined}
          variant="light"
          style={{ borderRadius: 8, fontWeight: 500 }}
        />
      ))}
      {showSettings && (
        <>
          <Text
            size="xs"
            fw={600}
            c="dimmed"
            tt="uppercase"
            px="sm"
            pt="lg"
            pb={6}
            style={{ letterSpacing: '0.06em' }}
          >
            {t('nav.admin')}
          </Text>
          <NavLink
            component={Link}
            to="/settings"
            label={t('nav.settings')}
            leftSection={<IconSettings size={18} />}
            active={pathname.startsWith('/settings')}
            aria-current={pathname.startsWith('/settings') ? 'page' : undefined}
            variant="light"
            style={{ borderRadius: 8, fontWeight: 500 }}
          />
        </>
      )}
    </Stack>
  );
}
