import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { initials } from '../../lib/format.ts';
import { IconChevronDown, IconLogout, IconSettings } from '../../ui/icons.tsx';
import { IconCalendar } from '../../ui/icons-activity.tsx';
import { useLogout } from '../auth/auth-api.ts';
import { CalendarFeedModal } from '../calendar/calendar-feed-modal.tsx';

export function UserMenu({ name, email }: { name: string; email: string }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  const [feedOpen, feed] = useDisclosure(false);
  return (
    <>
      <Menu position="bottom-end" width={220}>
        <Menu.Target>
          <UnstyledButton
            aria-label={t('shell.userMenu', { name })}
            px={6}
            py={4}
            style={{ borderRadius: 8 }}
          >
            <Group gap={8} wrap="nowrap">
              <Avatar size={32} radius="xl" color="brand" variant="filled">
                {initials(name)}
              </Avatar>
              <Text size="sm" fw={500} visibleFrom="md">
                {name}
              </Text>
              <IconChevronDown size={14} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{email}</Menu.Label>
          <Menu.Item
            leftSection={<IconSettings size={16} />}
            onClick={() => void navigate({ to: '/settings' })}
          >
            {t('nav.settings')}
          </Menu.Item>
          <Menu.Item leftSection={<IconCalendar size={16} />} onClick={feed.open}>
            {t('calendar.feedMenu')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item
            color="red"
            leftSection={<IconLogout size={16} />}
            onClick={() =>
              logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login', search: {} }) })
            }
          >
            {t('auth.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CalendarFeedModal opened={feedOpen} onClose={feed.close} />
    </>
  );
}
