import { AppShell, Burger, Center, Group, Loader } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Navigate, Outlet, useLocation } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { BrandMark } from '../../ui/brand-mark.tsx';
import { useMe } from '../auth/auth-api.ts';
import { UserEvents } from '../events/use-user-events.tsx';
import { GlobalSearch } from './global-search.tsx';
import { LanguageMenu } from './language-menu.tsx';
import { MainNav } from './main-nav.tsx';
import { UserMenu } from './user-menu.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();

  useEffect(() => {
    close();
  }, [close]);

  if (me.isPending) {
    return (
      <Center h="100vh" aria-busy="true">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      return <Navigate to="/login" search={{ redirect: location.href }} replace />;
    }
    return <Center h="100vh">{t('errors.generic')}</Center>;
  }

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="xl"
      styles={{
        header: { borderBottom: '1px solid var(--relata-border)' },
        navbar: { borderRight: '1px solid var(--relata-border)', background: '#fbfbfe' },
        main: { background: 'var(--relata-bg)' },
      }}
    >
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="sm" wrap="nowrap" w={216}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.toggleNav')}
            />
            <BrandMark withName />
          </Group>
          <GlobalSearch />
          <Group gap="xs" wrap="nowrap">
            <LanguageMenu />
            <UserMenu name={me.data.name} email={me.data.email} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('shell.navigation')}>
        <MainNav />
      </AppShell.Navbar>
      <AppShell.Main>
        <UserEvents />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
