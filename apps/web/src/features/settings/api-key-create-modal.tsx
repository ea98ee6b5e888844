import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { apiKeyCreateSchema, apiKeyScopes } from '@relata/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrors } from '../../lib/use-form.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { IconCheck, IconCopy } from '../../ui/icons.tsx';
import { useApiKeyMutations } from './api-keys-api.ts';

/** Creates an API key, then shows its secret once. */
export function ApiKeyCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read']);
  const [expires, setExpires] = useState('');
  const { errors, reset, parse, showServerError } = useFormErrors({ fallbackField: 'name' });
  const [secret, setSecret] = useState<string | null>(null);
  const { create } = useApiKeyMutations();
  const close = () => {
    setName('');
    setScopes(['read']);
    setExpires('');
    reset();
    setSecret(null);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = parse(apiKeyCreateSchema, {
      name,
      scopes,
      expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : null,
    });
    if (body)
      create.mutate(body, { onSuccess: (key) => setSecret(key.secret ?? ''), onError: showServerError });
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
            <FormActions onCancel={close} label={t('apiKeys.create')} loading={create.isPending} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
