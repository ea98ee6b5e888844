import { ActionIcon, Badge, Code, Group, Table, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatRelative } from '../../lib/format.ts';
import { ConfirmMutationDialog } from '../../ui/confirm-dialog.tsx';
import { IconTrash } from '../../ui/icons.tsx';
import { SettingsTable } from '../../ui/settings-table.tsx';
import { useCan } from '../auth/auth-api.ts';
import { useUserNames } from '../users/users-api.ts';
import { ApiKeyCreateModal } from './api-key-create-modal.tsx';
import { type ApiKey, useApiKeyMutations, useApiKeys } from './api-keys-api.ts';

export function ApiKeysTab() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const names = useUserNames();
  const [creating, { open, close }] = useDisclosure(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const keys = useApiKeys();
  const { revoke } = useApiKeyMutations();
  return (
    <>
      <SettingsTable
        label={t('settings.apiKeys')}
        headers={[
          t('fields.name'),
          t('apiKeys.prefix'),
          t('apiKeys.scopes'),
          t('apiKeys.owner'),
          t('apiKeys.lastUsed'),
          t('apiKeys.expires'),
          '',
        ]}
        loading={keys.isPending}
        rows={keys.data ?? []}
        empty={t('apiKeys.empty')}
        hint={t('apiKeys.hint')}
        create={can('create', 'api_keys') && { label: t('apiKeys.new'), onClick: open }}
        renderRow={(k) => (
          <Table.Tr key={k.id} style={{ opacity: k.revokedAt ? 0.55 : 1 }}>
            <Table.Td fw={600}>
              {k.name}{' '}
              {k.revokedAt && (
                <Badge size="xs" color="red" variant="light">
                  {t('apiKeys.revoked')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <Code>{k.prefix}…</Code>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {k.scopes.map((s) => (
                  <Badge
                    key={s}
                    size="sm"
                    variant="light"
                    color={s === 'write' ? 'orange' : 'blue'}
                    tt="none"
                  >
                    {t(`apiKeys.scope.${s}`)}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>{names.get(k.userId) ?? '—'}</Table.Td>
            <Table.Td c="dimmed">
              {k.lastUsedAt ? formatRelative(k.lastUsedAt, i18n.language) : t('settings.never')}
            </Table.Td>
            <Table.Td c="dimmed">
              {k.expiresAt ? formatDate(k.expiresAt, i18n.language) : t('apiKeys.noExpiry')}
            </Table.Td>
            <Table.Td>
              {!k.revokedAt && can('delete', 'api_keys') && (
                <Tooltip label={t('apiKeys.revoke')}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => setRevoking(k)}
                    aria-label={t('apiKeys.revokeNamed', { name: k.name })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
      <ApiKeyCreateModal opened={creating} onClose={close} />
      <ConfirmMutationDialog
        target={revoking}
        mutation={revoke}
        onClose={() => setRevoking(null)}
        title={t('apiKeys.revokeTitle')}
        message={t('apiKeys.revokeConfirm', { name: revoking?.name ?? '' })}
        confirmLabel={t('apiKeys.revoke')}
      />
    </>
  );
}
