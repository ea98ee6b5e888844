import { Badge, Button, Card, Group, NavLink, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconPlus, IconShield } from '../../ui/icons.tsx';
import { useCan } from '../auth/auth-api.ts';
import { useRoles } from '../users/users-api.ts';
import { PermissionMatrix } from './permission-matrix.tsx';
import { RoleCreateModal } from './role-create-modal.tsx';

export function RolesTab() {
  const { t } = useTranslation();
  const roles = useRoles();
  const can = useCan();
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, { open, close }] = useDisclosure(false);
  const list = roles.data ?? [];
  const role = list.find((r) => r.key === selected) ?? list[0];
  return (
    <SimpleGrid cols={{ base: 1, md: 4 }} spacing="lg">
      <Card p="xs">
        <Stack gap={2}>
          {list.map((r) => (
            <NavLink
              key={r.key}
              label={r.name}
              description={r.builtin ? t('settings.builtin') : t('settings.custom')}
              active={role?.key === r.key}
              onClick={() => setSelected(r.key)}
              leftSection={<IconShield size={16} />}
              style={{ borderRadius: 8 }}
            />
          ))}
          {can('create', 'roles') && (
            <Button variant="subtle" leftSection={<IconPlus size={14} />} onClick={open} mt="xs">
              {t('settings.newRole')}
            </Button>
          )}
        </Stack>
      </Card>
      <Card style={{ gridColumn: 'span 3' }}>
        {role ? (
          <Stack>
            <Group justify="space-between">
              <div>
                <Text fw={600} size="lg">
                  {role.name}
                </Text>
                <Text size="sm" c="dimmed">
                  {role.description}
                </Text>
              </div>
              <Badge variant="light" color={role.builtin ? 'gray' : 'brand'}>
                {role.builtin ? t('settings.builtin') : t('settings.custom')}
              </Badge>
            </Group>
            <PermissionMatrix value={role.permissions} />
            <Text size="xs" c="dimmed">
              {t('settings.scopesHint')}
            </Text>
          </Stack>
        ) : (
          <Text c="dimmed">{t('common.loading')}</Text>
        )}
      </Card>
      <RoleCreateModal opened={creating} onClose={close} template={role?.permissions ?? {}} />
    </SimpleGrid>
  );
}
