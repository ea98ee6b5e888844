import {
  ActionIcon,
  Alert,
  Badge,
  CopyButton,
  Group,
  List,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { IconCheck, IconCopy } from '../../ui/icons.tsx';
import type { InviteResult } from './surveys-api.ts';

const reasons = ['consent_denied', 'consent_no_consent', 'no_email'] as const;

/** Why a contact was not emailed, in words. */
export function blockedReason(reason: string, t: TFunction): string {
  const known = reasons.find((r) => r === reason);
  return known ? t(`surveys.blocked.${known}`) : reason;
}

/** One personal link with a copy button. */
function LinkRow({
  name,
  url,
  emailed,
  blocked,
}: {
  name: string;
  url: string;
  emailed: boolean;
  blocked?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600} truncate>
          {name}
        </Text>
        {emailed ? (
          <Badge color="teal" size="sm">
            {t('surveys.emailed')}
          </Badge>
        ) : blocked ? (
          <Badge color="orange" size="sm">
            {t('surveys.notEmailed')}
          </Badge>
        ) : null}
      </Group>
      <TextInput
        readOnly
        size="xs"
        value={url}
        aria-label={t('surveys.linkFor', { name })}
        onFocus={(e) => e.currentTarget.select()}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        rightSection={
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('surveys.copied') : t('surveys.copyLink')}>
                <ActionIcon
                  variant="subtle"
                  color={copied ? 'teal' : 'gray'}
                  onClick={copy}
                  aria-label={t('surveys.copyLinkFor', { name })}
                >
                  {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        }
      />
    </Stack>
  );
}

/** The links an invitation made (to copy or send yourself) and the contacts that were not emailed. */
export function InviteResultView({ result, names }: { result: InviteResult; names: Map<string, string> }) {
  const { t } = useTranslation();
  const blocked = new Map(result.blocked.map((b) => [b.contactId, b.reason]));
  const nameOf = (id: string) => names.get(id) ?? id;
  return (
    <Stack gap="md">
      <Alert color="teal" title={t('surveys.linksCreated', { count: result.data.length })}>
        {t('surveys.linksHint')}
      </Alert>
      {result.blocked.length > 0 && (
        <Alert color="orange" title={t('surveys.blockedTitle', { count: result.blocked.length })}>
          <List size="sm" spacing={2}>
            {result.blocked.map((b) => (
              <List.Item key={b.contactId}>
                <strong>{nameOf(b.contactId)}</strong> — {blockedReason(b.reason, t)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <ScrollArea.Autosize mah={360}>
        <Stack gap="sm" pr="sm">
          {result.data.map((link) => (
            <LinkRow
              key={link.id}
              name={nameOf(link.contactId)}
              url={link.url}
              emailed={link.emailed}
              blocked={blocked.get(link.contactId)}
            />
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}
