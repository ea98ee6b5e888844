import {
  Alert,
  Anchor,
  Box,
  Button,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { BrandMark } from '../../ui/brand-mark.tsx';
import { IconAlert } from '../../ui/icons.tsx';
import { useLogin } from './auth-api.ts';

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ email: email.trim(), password }, { onSuccess });
  };

  let error: string | null = null;
  if (login.error) {
    const code = isApiError(login.error) ? login.error.code : 'internal';
    error =
      code === 'invalid_credentials'
        ? t('auth.invalidCredentials')
        : code === 'too_many_attempts'
          ? t('auth.tooManyAttempts')
          : t('errors.generic');
  }

  return (
    <Box
      mih="100vh"
      style={{
        display: 'grid',
        placeItems: 'center',
        background:
          'radial-gradient(1200px 600px at 20% -10%, #e4e7ff 0%, transparent 60%), var(--relata-bg)',
      }}
      p="md"
    >
      <Paper withBorder shadow="sm" p={36} w="100%" maw={420}>
        <form onSubmit={submit} noValidate>
          <Stack gap="lg">
            <Stack gap={6} align="flex-start">
              <BrandMark size={40} />
              <Title order={2} mt="sm">
                {t('auth.title')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('auth.subtitle')}
              </Text>
            </Stack>
            {error && (
              <Alert color="red" variant="light" icon={<IconAlert />} role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label={t('auth.email')}
              type="email"
              name="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              autoFocus
            />
            <PasswordInput
              label={t('auth.password')}
              name="password"
              autoComplete="current-password"
              visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" size="md" loading={login.isPending} fullWidth>
              {t('auth.signIn')}
            </Button>
            <Text size="xs" c="dimmed" ta="center">
              {t('auth.openSource')}{' '}
              <Anchor
                href="https://www.gnu.org/licenses/agpl-3.0.html"
                size="xs"
                target="_blank"
                rel="noreferrer"
              >
                AGPL-3.0
              </Anchor>
            </Text>
          </Stack>
        </form>
      </Paper>
    </Box>
  );
}
