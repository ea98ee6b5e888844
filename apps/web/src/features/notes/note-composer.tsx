import { Button, Group, Kbd, Text, Textarea } from '@mantine/core';
import { noteCreateSchema, type RecordType } from '@relata/domain';
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textToHtml } from '../../lib/datetime.ts';
import { useFormErrors } from '../../lib/use-form.ts';
import { IconNote } from '../../ui/icons-activity.tsx';
import { useCreateNote } from './notes-api.ts';

/** A quick note on a contact or account; Ctrl/⌘+Enter saves. It lands on the timeline. */
export function NoteComposer({ recordType, recordId }: { recordType: RecordType; recordId: string }) {
  const { t } = useTranslation();
  const create = useCreateNote();
  const [text, setText] = useState('');
  const { errors, clear, parse, showServerError } = useFormErrors({ fallbackField: 'body' });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (create.isPending) return;
    const body = parse(noteCreateSchema, { recordType, recordId, body: textToHtml(text) });
    if (!body) return;
    create.mutate(body, { onSuccess: () => setText(''), onError: showServerError });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('notes.add')}>
      <Textarea
        aria-label={t('notes.label')}
        placeholder={t('notes.placeholder')}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          clear('body');
        }}
        onKeyDown={onKeyDown}
        autosize
        minRows={2}
        maxRows={8}
        error={errors.body}
      />
      {text.trim() && (
        <Group justify="space-between" mt={6} wrap="nowrap">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> {t('interactions.saveHint')}
          </Text>
          <Button
            type="submit"
            size="compact-sm"
            leftSection={<IconNote size={14} />}
            loading={create.isPending}
          >
            {t('notes.add')}
          </Button>
        </Group>
      )}
    </form>
  );
}
