import { Button, Checkbox, Group, Loader, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/errors.ts';
import { IconSend } from '../../ui/icons-activity.tsx';
import { searchRecords } from '../records/records-api.ts';
import { InviteResultView } from './invite-result.tsx';
import { type InviteResult, type Survey, useInvite } from './surveys-api.ts';

/** Searches contacts by name or email (`/contacts?q=`) and picks several. */
function ContactsPicker({
  value,
  names,
  onChange,
  error,
}: {
  value: string[];
  names: Map<string, string>;
  onChange: (ids: string[], found: Map<string, string>) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const results = useQuery({
    queryKey: ['picker', 'contact', q],
    queryFn: () => searchRecords('contact', q, 20),
  });
  const found = new Map(names);
  for (const c of results.data ?? []) found.set(c.id, c.name || t('contacts.unnamed'));
  // The chosen contacts stay in the options, so their names show while another search runs.
  const ids = [...new Set([...value, ...(results.data ?? []).map((c) => c.id)])];
  return (
    <MultiSelect
      label={t('surveys.inviteContacts')}
      placeholder={value.length ? undefined : t('relationships.searchContacts')}
      data={ids.map((id) => ({ value: id, label: found.get(id) ?? id }))}
      value={value}
      onChange={(v) => onChange(v, found)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('list.noMatches')}
      rightSection={results.isFetching ? <Loader size={14} /> : undefined}
      hidePickedOptions
      error={error}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={260}
    />
  );
}

/** Personal links for chosen contacts, optionally sent by email; then the links and who was blocked. */
export function InviteModal({
  survey,
  opened,
  onClose,
}: {
  survey: Survey;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const invite = useInvite(survey.id);
  const [ids, setIds] = useState<string[]>([]);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [sendEmail, setSendEmail] = useState(false);
  const [result, setResult] = useState<InviteResult | null>(null);
  const [error, setError] = useState<string | undefined>();

  const close = () => {
    setIds([]);
    setResult(null);
    setError(undefined);
    invite.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ids.length) return setError(t('surveys.pickContacts'));
    invite.mutate(
      { contactIds: ids, sendEmail },
      {
        onSuccess: setResult,
        onError: (err) => {
          const erased = isApiError(err) ? err.errors.find((f) => f.code === 'erased') : undefined;
          const i = erased ? Number(erased.field.split('.')[1]) : -1;
          setError(
            erased
              ? t('surveys.erasedContact', { name: names.get(ids[i] ?? '') ?? '' })
              : errorMessage(err, t),
          );
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      size="lg"
      title={<Text fw={600}>{t('surveys.sendTitle', { name: survey.name })}</Text>}
    >
      {result ? (
        <Stack gap="md">
          <InviteResultView result={result} names={names} />
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setResult(null);
                setIds([]);
              }}
            >
              {t('surveys.inviteMore')}
            </Button>
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit}>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('surveys.sendHint', { days: survey.linkDays, version: survey.currentVersion })}
            </Text>
            <ContactsPicker
              value={ids}
              names={names}
              error={error}
              onChange={(v, found) => {
                setIds(v);
                setNames(found);
                setError(undefined);
              }}
            />
            <Checkbox
              label={t('surveys.sendEmail')}
              description={t('surveys.sendEmailHint')}
              checked={sendEmail}
              onChange={(e) => setSendEmail(e.currentTarget.checked)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={invite.isPending} leftSection={<IconSend size={16} />}>
                {sendEmail
                  ? t('surveys.createAndSend', { count: ids.length })
                  : t('surveys.createLinks', { count: ids.length })}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
