import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type CaseStatus, canMoveCase, caseStatuses, priorities } from '@relata/domain';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { IconArrowLeft, IconCheck, IconPencil, IconX } from '../../ui/icons.tsx';
import { InlineSelectField } from '../../ui/inline-field.tsx';
import { AnchorLink } from '../../ui/router-links.tsx';
import { useMe } from '../auth/auth-api.ts';
import { channelLabel } from '../interactions/channel-meta.tsx';
import { useQueues } from '../service-settings/service-api.ts';
import { useUsers } from '../users/users-api.ts';
import classes from './case.module.css';
import { CaseStatusBadge, DisputeBadge, PriorityBadge } from './case-badges.tsx';
import type { Case, CasePatch } from './cases-api.ts';

export type SaveCase = (patch: CasePatch) => Promise<void>;

/** Only the moves the status rules allow; a closed case cannot change. */
function StatusControl({ c, readOnly, save }: { c: Case; readOnly: boolean; save: SaveCase }) {
  const { t } = useTranslation();
  if (readOnly || c.status === 'closed') return <CaseStatusBadge status={c.status} size="lg" />;
  const options = caseStatuses
    .filter((s) => canMoveCase(c.status, s))
    .map((s) => ({ value: s, label: t(`cases.statuses.${s}`) }));
  return (
    <Select
      aria-label={t('cases.fields.status')}
      data={options}
      value={c.status}
      onChange={(v) => v && v !== c.status && void save({ status: v as CaseStatus }).catch(() => {})}
      allowDeselect={false}
      w={150}
      size="sm"
    />
  );
}

/** The subject as the page title, edited in place with the pencil beside it. */
function EditableSubject({
  subject,
  readOnly,
  save,
}: {
  subject: string;
  readOnly: boolean;
  save: SaveCase;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const title = (
    <Title order={1} fz={24} style={{ letterSpacing: '-0.02em', overflowWrap: 'anywhere' }}>
      {subject}
    </Title>
  );
  if (readOnly) return title;
  if (draft === null) {
    return (
      <Group gap={6} wrap="nowrap" align="center">
        {title}
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={() => {
            setDraft(subject);
            setError(null);
          }}
          aria-label={t('inline.edit', { field: t('cases.fields.subject') })}
        >
          <IconPencil size={16} />
        </ActionIcon>
      </Group>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (draft.trim() === subject) return setDraft(null);
    setSaving(true);
    try {
      await save({ subject: draft.trim() });
      setDraft(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <TextInput
          autoFocus
          aria-label={t('cases.fields.subject')}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Escape' && setDraft(null)}
          error={error}
          size="md"
          style={{ flex: 1 }}
        />
        <ActionIcon type="submit" size="lg" loading={saving} aria-label={t('common.save')}>
          <IconCheck size={16} />
        </ActionIcon>
        <ActionIcon
          variant="default"
          size="lg"
          onClick={() => setDraft(null)}
          aria-label={t('common.cancel')}
        >
          <IconX size={16} />
        </ActionIcon>
      </Group>
    </form>
  );
}

/** The top of a case: number, subject, status, and priority, queue and assignee edited in place. */
export function CaseHeader({
  c,
  readOnly,
  save,
  stale,
  onReload,
  actions,
}: {
  c: Case;
  readOnly: boolean;
  save: SaveCase;
  /** The last save found a newer version: offer to reload. */
  stale: boolean;
  onReload: () => void;
  actions?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const queues = useQueues();
  const users = useUsers();
  const me = useMe();
  const closed = c.status === 'closed';
  const locked = readOnly || closed;
  // Agents may take a case themselves; giving it to someone else is for managers.
  const assignsAnyone = me.data?.permissions.cases?.update === 'all';
  const people = (users.data ?? []).filter(
    (u) => u.active && (assignsAnyone || u.id === me.data?.id || u.id === c.assigneeId),
  );
  const queueOptions = (queues.data ?? [])
    .filter((q) => q.active || q.id === c.queueId)
    .map((q) => ({ value: q.id, label: q.name }));

  return (
    <Stack gap="sm" mb="lg">
      <AnchorLink to="/cases" size="sm" c="dimmed" w="fit-content">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('cases.title')}
        </Group>
      </AnchorLink>
      {stale && (
        <Alert color="orange" role="alert" title={t('errors.staleTitle')} py="xs">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm">{t('cases.staleHint')}</Text>
            <Button size="xs" variant="default" onClick={onReload} style={{ flexShrink: 0 }}>
              {t('cases.reload')}
            </Button>
          </Group>
        </Alert>
      )}
      <Card p="lg">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
            <Stack gap={6} style={{ minWidth: 'min(100%, 280px)', flex: 1 }}>
              <Group gap="xs" wrap="wrap">
                <Badge variant="default" size="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {c.number}
                </Badge>
                <PriorityBadge priority={c.priority} size="lg" />
                {c.dispute && <DisputeBadge status={c.disputeStatus} size="lg" />}
                {c.tags.map((tag) => (
                  <Badge key={tag} variant="light" color="gray" size="lg" tt="none">
                    {tag}
                  </Badge>
                ))}
              </Group>
              <EditableSubject subject={c.subject} readOnly={locked} save={save} />
              <Text size="sm" c="dimmed">
                {t('cases.openedVia', {
                  channel: channelLabel(c.channel, t),
                  time: formatDateTime(c.createdAt, i18n.language),
                })}
              </Text>
            </Stack>
            <Group gap="xs" wrap="nowrap">
              <StatusControl c={c} readOnly={readOnly} save={save} />
              {actions}
            </Group>
          </Group>
          {closed && (
            <Text size="sm" c="dimmed">
              {t('cases.closedReadOnly')}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md" className={classes.stacked}>
            <InlineSelectField
              label={t('cases.fields.priority')}
              value={c.priority}
              options={priorities.map((p) => ({ value: p, label: t(`cases.priorities.${p}`) }))}
              readOnly={locked}
              onSave={(v) => (v ? save({ priority: v as Case['priority'] }) : Promise.resolve())}
            />
            <InlineSelectField
              label={t('cases.fields.queue')}
              value={c.queueId}
              options={queueOptions}
              clearable
              readOnly={locked}
              onSave={(v) => save({ queueId: v })}
            />
            <InlineSelectField
              label={t('cases.fields.assignee')}
              value={c.assigneeId}
              options={people.map((u) => ({ value: u.id, label: u.name }))}
              clearable
              readOnly={locked}
              onSave={(v) => save({ assigneeId: v })}
            />
          </SimpleGrid>
        </Stack>
      </Card>
    </Stack>
  );
}
