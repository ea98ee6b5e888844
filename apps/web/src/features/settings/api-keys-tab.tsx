import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type ApiKeyScope, apiKeyCreateSchema, apiKeyScopes } from '@relata/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../lib/api-client.ts';
import { apiFieldErrors, errorMessage, type FieldMessages, zodFieldErrors } from '../../lib/errors.ts';
import { formatDate, formatRelative } from '../../lib/format.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { IconCheck, IconCopy, IconPlus, IconTrash } from '../../ui/icons.tsx';
import { SettingsTable } from '../../ui/settings-table.tsx';
import { useCan } from '../auth/auth-api.ts';
import { useUserNames } from '../users/users-api.ts';
import { settingsApi } from './settings-api.ts';

type ApiKey = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  userId: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  secret?: string;
};

function CreateKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read']);
  const [expires, setExpires] = useState('');
  const [errors, setErrors] = useState<FieldMessages>({});
  const [secret, setSecret] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: unknown) => settingsApi.create<ApiKey>('/api-keys', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['api-keys'] }),
  });
  const close = () => {
    setName('');
    setScopes(['read']);
    setExpires('');
    setErrors({});
    setSecret(null);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = apiKeyCreateSchema.safeParse({
      name,
      scopes,
      expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : null,
    });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error, t));
    create.mutate(parsed.data, {
      onSuccess: (key) => setSecret(key.secret ?? ''),
      onError: (err) => {
        const fe = apiFieldErrors(err);
        setErrors(Object.keys(fe).length ? fe : { name: errorMessage(err, t) });
      },
    });
  };
  return (
    <Modal opened={opened} onClose={close} title={t('apiKeys.new')} size="lg">
      {secret !== null ? (
        <Stack>
          <Alert color="orange" variant="light" title={t('apiKeys.copyNow')}>
            {t('apiKeys.copyNowHint')}
          </Alert>
          <Group gap="xs" wrap="nowrap">
            <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="api-key-secret">
              {secret}
            </Code>
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('apiKeys.copied') : t('apiKeys.copy')}>
                  <ActionIcon
                    variant="light"
                    size="lg"
                    onClick={copy}
                    aria-label={t('apiKeys.copy')}
                    color={copied ? 'teal' : undefined}
                  >
                    {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t('fields.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              data-autofocus
            />
            <Checkbox.Group
              label={t('apiKeys.scopes')}
              value={scopes}
              onChange={setScopes}
              error={errors.scopes}
            >
              <Group mt={6}>
                {apiKeyScopes.map((s) => (
                  <Checkbox key={s} value={s} label={t(`apiKeys.scope.${s}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <TextInput
              label={t('apiKeys.expires')}
              description={t('apiKeys.expiresHint')}
              type="date"
              value={expires}
              onChange={(e) => setExpires(e.currentTarget.value)}
              error={errors.expiresAt}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('apiKeys.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

export function ApiKeysTab() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const can = useCan();
  const names = useUserNames();
  const [creating, { open, close }] = useDisclosure(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const keys = useQuery({
    queryKey: ['api-keys'],
    queryFn: async ({ signal }) =>
      (await api<Page<ApiKey>>('/api-keys', { query: { limit: 200 }, signal })).data,
  });
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => settingsApi.remove(`/api-keys/${key.id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['api-keys'] }),
  });
  const list = keys.data ?? [];
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
        empty={list.length ? null : t('apiKeys.empty')}
        toolbar={
          <>
            <Text size="sm" c="dimmed">
              {t('apiKeys.hint')}
            </Text>
            {can('create', 'api_keys') && (
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={open}>
                {t('apiKeys.new')}
              </Button>
            )}
          </>
        }
      >
        {list.map((k) => (
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
        ))}
      </SettingsTable>
      <CreateKeyModal opened={creating} onClose={close} />
      <ConfirmDialog
        opened={revoking !== null}
        title={t('apiKeys.revokeTitle')}
        message={t('apiKeys.revokeConfirm', { name: revoking?.name ?? '' })}
        confirmLabel={t('apiKeys.revoke')}
        loading={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking, {
            onSuccess: () => setRevoking(null),
            onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }),
          })
        }
      />
    </>
  );
}
