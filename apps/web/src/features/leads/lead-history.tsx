import {
  Badge,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { leadActivityCreateSchema } from '@relata/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/use-form.ts';
import { SectionCard } from '../../ui/section-card.tsx';
import { type LeadActivity, useAddLeadActivity, useLeadActivities } from './leads-api.ts';

type Kind = 'note' | 'interaction' | 'email_replied' | 'email_opened';
const channels = ['phone', 'email', 'meeting', 'chat', 'sms', 'visit'] as const;

function AddActivity({ leadId }: { leadId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('note');
  const [channel, setChannel] = useState<string>('phone');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const { errors, parse, reset, showServerError } = useFormErrors({ fallbackField: 'body' });
  const add = useAddLeadActivity(leadId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = parse(leadActivityCreateSchema, {
      kind,
      ...(kind === 'interaction' ? { channel, direction: 'outbound' } : {}),
      subject,
      body,
    });
    if (!input) return;
    add.mutate(input, {
      onSuccess: () => {
        setSubject('');
        setBody('');
        reset();
      },
      onError: showServerError,
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <SegmentedControl
          size="xs"
          aria-label={t('leads.history.kind')}
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          data={(['note', 'interaction', 'email_replied', 'email_opened'] as const).map((k) => ({
            value: k,
            label: t(`leads.history.kinds.${k}`),
          }))}
        />
        {kind === 'interaction' && (
          <Select
            size="xs"
            label={t('leads.history.channel')}
            data={channels.map((c) => ({ value: c, label: t(`interactions.channels.${c}`) }))}
            value={channel}
            onChange={(v) => v && setChannel(v)}
            allowDeselect={false}
          />
        )}
        {kind !== 'note' && (
          <TextInput
            size="xs"
            label={t('leads.history.subject')}
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            error={errors.subject}
          />
        )}
        <Textarea
          size="sm"
          aria-label={t('leads.history.text')}
          placeholder={t('leads.history.placeholder')}
          autosize
          minRows={2}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body ?? errors.channel}
        />
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={add.isPending}>
            {t('leads.history.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Entry({ a }: { a: LeadActivity }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={2} style={{ borderLeft: '2px solid var(--relata-border)', paddingLeft: 12 }}>
      <Group gap={6} wrap="wrap">
        <Badge size="xs" variant="light">
          {t(`leads.history.kinds.${a.kind}`)}
        </Badge>
        {a.channel && a.kind === 'interaction' && (
          <Text size="xs" c="dimmed">
            {t(`interactions.channels.${a.channel as (typeof channels)[number]}`, {
              defaultValue: a.channel,
            })}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {formatDateTime(a.occurredAt, i18n.language)} · {a.actorName}
        </Text>
        {a.movedTo && (
          <Badge size="xs" variant="outline" color="violet">
            {t('leads.history.moved')}
          </Badge>
        )}
      </Group>
      {a.subject && (
        <Text size="sm" fw={600}>
          {a.subject}
        </Text>
      )}
      {a.body && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {a.body}
        </Text>
      )}
    </Stack>
  );
}

/** The lead's history: form submissions, notes, calls, emails; new entries re-score it. */
export function LeadHistory({ leadId, canAdd }: { leadId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const list = useLeadActivities(leadId);
  const items = list.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <SectionCard id="history" title={t('leads.history.title')} count={items.length}>
      <Stack gap="md">
        {canAdd && <AddActivity leadId={leadId} />}
        {items.length === 0 && !list.isPending && (
          <Text size="sm" c="dimmed">
            {t('leads.history.empty')}
          </Text>
        )}
        {items.map((a) => (
          <Entry key={a.id} a={a} />
        ))}
        {list.hasNextPage && (
          <Button
            variant="subtle"
            size="xs"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t('leads.history.more')}
          </Button>
        )}
      </Stack>
    </SectionCard>
  );
}
