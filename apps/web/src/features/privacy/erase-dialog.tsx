import { Alert, Button, Code, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFieldErrors, errorMessage } from '../../lib/errors.ts';
import { IconDownload } from '../../ui/icons-files.tsx';
import { IconEraser } from '../../ui/icons-privacy.tsx';
import {
  confirms,
  type ErasureCounts,
  eraseConfirmation,
  useEraseContact,
  useExportContact,
} from './privacy-api.ts';

const effects = ['profile', 'deleted', 'blanked', 'others', 'commerce', 'audit'] as const;

/**
 * Erasing a person (admins): says what happens, offers an export first, and asks for the typed
 * confirmation "ERASE <id>" before the irreversible request.
 */
export function EraseDialog({
  contactId,
  name,
  onClose,
  onErased,
}: {
  contactId: string;
  name: string;
  onClose: () => void;
  onErased: (removed: ErasureCounts) => void;
}) {
  const { t } = useTranslation();
  const erase = useEraseContact(contactId);
  const exporter = useExportContact(contactId);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const expected = eraseConfirmation(contactId);
  const ok = confirms(text, contactId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ok) return setError(t('privacy.typeExactly', { text: expected }));
    erase.mutate(expected, {
      onSuccess: (r) => onErased(r.removed),
      onError: (err) =>
        setError(
          apiFieldErrors(err).confirm ? t('privacy.typeExactly', { text: expected }) : errorMessage(err, t),
        ),
    });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={<Text fw={600}>{t('privacy.eraseTitle', { name })}</Text>}
    >
      <form onSubmit={submit}>
        <Stack gap="md">
          <Alert color="red" title={t('privacy.irreversible')} icon={<IconEraser size={18} />}>
            <Text size="sm" mb={6}>
              {t('privacy.whatHappens')}
            </Text>
            <List size="sm" spacing={4}>
              {effects.map((k) => (
                <List.Item key={k}>{t(`privacy.effects.${k}`)}</List.Item>
              ))}
            </List>
          </Alert>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" c="dimmed">
              {t('privacy.exportFirst')}
            </Text>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconDownload size={14} />}
              loading={exporter.isPending}
              onClick={() => exporter.mutate('zip')}
            >
              {t('privacy.exportZip')}
            </Button>
          </Group>
          <TextInput
            label={
              <>
                {t('privacy.typeToConfirm')} <Code>{expected}</Code>
              </>
            }
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color="red"
              disabled={!ok}
              loading={erase.isPending}
              leftSection={<IconEraser size={16} />}
            >
              {t('privacy.erase')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
