import { ActionIcon, Button, Group, Text, Textarea, Tooltip } from '@mantine/core';
import { noteUpdateSchema } from '@relata/domain';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textToHtml } from '../../lib/datetime.ts';
import { htmlToText } from '../../lib/rich-text.ts';
import { useFormErrors } from '../../lib/use-form.ts';
import { ConfirmMutationDialog } from '../../ui/confirm-dialog.tsx';
import { IconPencil, IconTrash } from '../../ui/icons.tsx';
import { IconNote } from '../../ui/icons-activity.tsx';
import { useCan, useMe } from '../auth/auth-api.ts';
import type { Note } from '../interactions/interactions-api.ts';
import { SanitisedHtml, TimelineRow } from '../interactions/timeline-row.tsx';
import { useUserNames } from '../users/users-api.ts';
import { useDeleteNote, useUpdateNote } from './notes-api.ts';

function NoteEditor({ note, onDone }: { note: Note; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateNote();
  const [text, setText] = useState(() => htmlToText(note.body));
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => input.current?.focus(), []);
  const { errors, clear, parse, showServerError } = useFormErrors({ fallbackField: 'body' });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (update.isPending) return;
    const parsed = parse(noteUpdateSchema, { body: textToHtml(text) });
    if (parsed) update.mutate({ note, body: parsed.body }, { onSuccess: onDone, onError: showServerError });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape') onDone();
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Textarea
        mt={6}
        aria-label={t('notes.editLabel')}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          clear('body');
        }}
        onKeyDown={onKeyDown}
        autosize
        minRows={2}
        maxRows={10}
        error={errors.body}
        ref={input}
      />
      <Group justify="flex-end" gap="xs" mt={6}>
        <Button variant="default" size="compact-sm" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" size="compact-sm" loading={update.isPending}>
          {t('common.save')}
        </Button>
      </Group>
    </form>
  );
}

/** A note on the timeline; its author may edit or delete it. */
export function NoteEntry({ note }: { note: Note & { occurredAt: string } }) {
  const { t } = useTranslation();
  const names = useUserNames();
  const can = useCan();
  const { data: me } = useMe();
  const remove = useDeleteNote();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState<Note | null>(null);
  const own = Boolean(me && note.authorId === me.id);
  const owned = { ownerId: note.authorId };
  const canEdit = own && can('update', 'notes', owned);
  const canDelete = own && can('delete', 'notes', owned);

  return (
    <TimelineRow
      icon={<IconNote size={16} />}
      color="yellow"
      at={note.occurredAt}
      title={
        <Group gap={4} wrap="nowrap">
          <Text size="sm" fw={600}>
            {t('interactions.noteBy', {
              name: (note.authorId && names.get(note.authorId)) || t('audit.system'),
            })}
          </Text>
          {canEdit && !editing && (
            <Tooltip label={t('notes.edit')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                onClick={() => setEditing(true)}
                aria-label={t('notes.edit')}
              >
                <IconPencil size={14} />
              </ActionIcon>
            </Tooltip>
          )}
          {canDelete && !editing && (
            <Tooltip label={t('notes.delete')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                onClick={() => setDeleting(note)}
                aria-label={t('notes.delete')}
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      }
    >
      {editing ? (
        <NoteEditor note={note} onDone={() => setEditing(false)} />
      ) : (
        <SanitisedHtml html={note.body} />
      )}
      <ConfirmMutationDialog
        target={deleting}
        mutation={remove}
        onClose={() => setDeleting(null)}
        title={t('notes.deleteTitle')}
        message={t('notes.deleteConfirm')}
      />
    </TimelineRow>
  );
}
