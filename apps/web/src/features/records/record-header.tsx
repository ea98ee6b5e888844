import { ActionIcon, Avatar, Badge, Card, Group, Menu, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { initials } from '../../lib/format.ts';
import { IconArrowLeft, IconTrash } from '../../ui/icons.tsx';
import { AnchorLink } from '../../ui/router-links.tsx';

export type Fact = { key: string; icon: ReactNode; content: ReactNode };

/** The top of a record page: back link, avatar, name, key facts and actions. */
export function RecordHeader({
  name,
  subtitle,
  badge,
  facts,
  square,
  back,
  actions,
  menuItems,
  onDelete,
}: {
  name: string;
  subtitle?: ReactNode;
  badge?: ReactNode;
  facts: Fact[];
  square?: boolean;
  back: { to: '/contacts' | '/accounts'; label: string };
  /** Buttons beside the menu, e.g. "Log interaction". */
  actions?: ReactNode;
  /** More items of the ⋯ menu, above "Delete". */
  menuItems?: ReactNode;
  onDelete?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" mb="lg">
      <AnchorLink to={back.to} size="sm" c="dimmed" w="fit-content">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {back.label}
        </Group>
      </AnchorLink>
      <Card p="lg">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="lg" wrap="nowrap" align="center" style={{ minWidth: 0 }}>
            <Avatar size={64} radius={square ? 'md' : 'xl'} color="initials" name={name} variant="light">
              <Text fw={700} size="xl">
                {initials(name)}
              </Text>
            </Avatar>
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Group gap="sm">
                <Title order={1} fz={24} style={{ letterSpacing: '-0.02em' }}>
                  {name}
                </Title>
                {badge}
              </Group>
              {subtitle && (
                <Text c="dimmed" size="sm">
                  {subtitle}
                </Text>
              )}
              {facts.length > 0 && (
                <Group gap="lg" mt={4}>
                  {facts.map((f) => (
                    <Group key={f.key} gap={6} wrap="nowrap">
                      <span style={{ display: 'flex', color: 'var(--mantine-color-gray-5)' }}>{f.icon}</span>
                      <Text size="sm">{f.content}</Text>
                    </Group>
                  ))}
                </Group>
              )}
            </Stack>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {actions}
            {(onDelete || menuItems) && (
              <Menu position="bottom-end">
                <Menu.Target>
                  <ActionIcon variant="default" size="lg" aria-label={t('common.moreActions')}>
                    <Text fw={700} lh={1}>
                      ⋯
                    </Text>
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  {menuItems}
                  {onDelete && (
                    <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={onDelete}>
                      {t('common.delete')}
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
      </Card>
    </Stack>
  );
}

export function TypeBadge({ children }: { children: ReactNode }) {
  return (
    <Badge variant="light" size="md" tt="none">
      {children}
    </Badge>
  );
}
