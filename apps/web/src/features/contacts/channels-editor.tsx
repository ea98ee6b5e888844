import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { type EmailEntry, normalisePhone, type PhoneEntry } from '@relata/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatPhone } from '../../lib/format.ts';
import { IconMail, IconPencil, IconPhone, IconPlus, IconTrash } from '../../ui/icons.tsx';

type Kind = 'emails' | 'phones';
type Entry = { value: string; label: string; primary: boolean };
const labels = ['work', 'home', 'mobile', 'other'] as const;

function toEntries(kind: Kind, list: (EmailEntry | PhoneEntry)[]): Entry[] {
  return list.map((e) => ({
    value: kind === 'emails' ? (e as EmailEntry).address : (e as PhoneEntry).number,
    label: e.label,
    primary: e.primary,
  }));
}

/** Several emails or phones, one primary; shown as links, edited as a small list. */
export function ChannelsEditor({
  kind,
  items,
  readOnly,
  onSave,
}: {
  kind: Kind;
  items: (EmailEntry | PhoneEntry)[];
  readOnly: boolean;
  onSave: (patch: Record<string, unknown>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Entry[]>([]);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const Icon = kind === 'emails' ? IconMail : IconPhone;
  const title = kind === 'emails' ? t('fields.emails') : t('fields.phones');
  const labelOptions = labels.map((l) => ({ value: l, label: t(`channels.labels.${l}`) }));

  const start = () => {
    const entries = toEntries(kind, items);
    setDraft(entries.length ? entries : [{ value: '', label: 'work', primary: true }]);
    setErrors({});
    setFormError(null);
    setEditing(true);
  };

  const save = async () => {
    const rows = draft.filter((d) => d.value.trim() !== '');
    const rowErrors: Record<number, string> = {};
    draft.forEach((d, i) => {
      const v = d.value.trim();
      if (!v) return;
      if (kind === 'emails' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) rowErrors[i] = t('validation.email');
      if (kind === 'phones' && !normalisePhone(v)) rowErrors[i] = t('validation.phone');
    });
    setErrors(rowErrors);
    if (Object.keys(rowErrors).length) return;
    if (rows.length && !rows.some((r) => r.primary)) rows[0] = { ...rows[0]!, primary: true };
    const value =
      kind === 'emails'
        ? rows.map((r) => ({ address: r.value.trim(), label: r.label, primary: r.primary }))
        : rows.map((r) => ({ number: r.value.trim(), label: r.label, primary: r.primary }));
    setSaving(true);
    try {
      await onSave({ [kind]: value });
      setEditing(false);
    } catch (e) {
      setFormError(e instanceof Error && !('status' in e) ? e.message : errorMessage(e, t));
    } finally {
      setSaving(false);
    }
  };

  if (!editing) {
    const entries = toEntries(kind, items);
    return (
      <Group justify="space-between" align="flex-start" wrap="nowrap" py={6}>
        <Group gap="xs" align="flex-start" wrap="nowrap" style={{ minWidth: 0 }}>
          <Icon size={16} style={{ marginTop: 3, color: 'var(--mantine-color-gray-6)', flex: 'none' }} />
          <Stack gap={2} style={{ minWidth: 0 }}>
            {entries.length === 0 && (
              <Text size="sm" c="dimmed">
                {kind === 'emails' ? t('channels.noEmails') : t('channels.noPhones')}
              </Text>
            )}
            {entries.map((e) => (
              <Group key={e.value} gap={6} wrap="nowrap">
                <Anchor href={`${kind === 'emails' ? 'mailto' : 'tel'}:${e.value}`} size="sm" truncate>
                  {kind === 'phones' ? formatPhone(e.value) : e.value}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(
                    `channels.labels.${labels.includes(e.label as never) ? (e.label as (typeof labels)[number]) : 'other'}`,
                  )}
                  {e.primary ? ` · ${t('channels.primary')}` : ''}
                </Text>
              </Group>
            ))}
          </Stack>
        </Group>
        {!readOnly && (
          <Tooltip label={t('channels.edit', { what: title })}>
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={start}
              aria-label={t('channels.edit', { what: title })}
            >
              <IconPencil size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    );
  }

  return (
    <Stack gap="xs" py={6}>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      <Radio.Group
        value={String(draft.findIndex((d) => d.primary))}
        onChange={(v) => setDraft(draft.map((d, i) => ({ ...d, primary: String(i) === v })))}
        aria-label={t('channels.primary')}
      >
        <Stack gap={6}>
          {draft.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <Group key={i} gap={6} wrap="nowrap" align="flex-start">
              <TextInput
                aria-label={t('channels.valueN', { what: title, n: i + 1 })}
                value={d.value}
                type={kind === 'emails' ? 'email' : 'tel'}
                error={errors[i]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setDraft(draft.map((x, j) => (j === i ? { ...x, value } : x)));
                }}
                style={{ flex: 1 }}
                autoFocus={i === draft.length - 1}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') void save();
                  if (e.key === 'Escape') setEditing(false);
                }}
              />
              <Select
                aria-label={t('channels.labelN', { n: i + 1 })}
                data={labelOptions}
                value={d.label}
                onChange={(label) => label && setDraft(draft.map((x, j) => (j === i ? { ...x, label } : x)))}
                w={110}
                allowDeselect={false}
              />
              <Tooltip label={t('channels.makePrimary')}>
                <Radio value={String(i)} aria-label={t('channels.primaryN', { n: i + 1 })} mt={8} />
              </Tooltip>
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={4}
                onClick={() => setDraft(draft.filter((_, j) => j !== i))}
                aria-label={t('channels.removeN', { n: i + 1 })}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      </Radio.Group>
      {formError && (
        <Text size="xs" c="red" role="alert">
          {formError}
        </Text>
      )}
      <Group justify="space-between">
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => setDraft([...draft, { value: '', label: 'work', primary: draft.length === 0 }])}
          disabled={draft.length >= 20}
        >
          {kind === 'emails' ? t('channels.addEmail') : t('channels.addPhone')}
        </Button>
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </Button>
          <Button size="xs" onClick={() => void save()} loading={saving}>
            {t('common.save')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
