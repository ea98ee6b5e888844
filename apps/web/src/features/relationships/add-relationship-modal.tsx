import { Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type RecordType, relationshipCreateSchema } from '@relata/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zodFieldErrors } from '../../lib/errors.ts';
import { useFormErrors } from '../../lib/use-form.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { RecordPicker } from './record-picker.tsx';
import { useRelationshipMutations, useRelationshipTypes } from './relationships-api.ts';

/** Option value is `<typeKey>:<direction>`: the record is the "from" or the "to" side. */
type Direction = 'from' | 'to';

export function AddRelationshipModal({
  opened,
  onClose,
  recordType,
  recordId,
}: {
  opened: boolean;
  onClose: () => void;
  recordType: RecordType;
  recordId: string;
}) {
  const { t } = useTranslation();
  const types = useRelationshipTypes();
  const { create } = useRelationshipMutations();
  const [choice, setChoice] = useState<string | null>(null);
  const [otherId, setOtherId] = useState<string | null>(null);
  const [since, setSince] = useState('');
  const [notes, setNotes] = useState('');
  const { errors, setErrors, reset, showServerError } = useFormErrors({ fallbackField: 'form' });

  const options = (types.data ?? []).flatMap((rt) => {
    const out: { value: string; label: string }[] = [];
    if (rt.fromType === recordType) out.push({ value: `${rt.key}:from`, label: rt.name });
    if (rt.toType === recordType && !(rt.fromType === rt.toType && rt.name === rt.inverseName)) {
      out.push({ value: `${rt.key}:to`, label: rt.inverseName });
    }
    return out;
  });
  const [typeKey, direction] = (choice?.split(':') ?? []) as [string | undefined, Direction | undefined];
  const relType = types.data?.find((rt) => rt.key === typeKey);
  const otherType: RecordType | null = relType
    ? direction === 'from'
      ? relType.toType
      : relType.fromType
    : null;

  const close = () => {
    setChoice(null);
    setOtherId(null);
    setSince('');
    setNotes('');
    reset();
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!relType || !otherType) {
      setErrors({ type: t('validation.required') });
      return;
    }
    if (!otherId) {
      setErrors({ other: t('validation.required') });
      return;
    }
    const body = {
      type: relType.key,
      fromType: direction === 'from' ? recordType : otherType,
      fromId: direction === 'from' ? recordId : otherId,
      toType: direction === 'from' ? otherType : recordType,
      toId: direction === 'from' ? otherId : recordId,
      since: since || null,
      notes,
    };
    const parsed = relationshipCreateSchema.safeParse(body);
    if (!parsed.success) {
      const errs = zodFieldErrors(parsed.error, t);
      setErrors({ ...errs, other: errs.toId ?? errs.fromId ?? '' });
      return;
    }
    create.mutate(body, { onSuccess: close, onError: showServerError });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('relationships.add')} size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Select
            label={t('relationships.type')}
            data={options}
            value={choice}
            onChange={(v) => {
              setChoice(v);
              setOtherId(null);
            }}
            error={errors.type}
            searchable
            data-autofocus
          />
          {otherType && (
            <RecordPicker
              key={otherType}
              type={otherType}
              label={otherType === 'contact' ? t('relationships.contact') : t('relationships.account')}
              value={otherId}
              onChange={setOtherId}
              error={errors.other || errors.form}
              excludeId={recordId}
            />
          )}
          <SimpleGrid cols={2}>
            <TextInput
              label={t('relationships.since')}
              type="date"
              value={since}
              onChange={(e) => setSince(e.currentTarget.value)}
              error={errors.since}
            />
          </SimpleGrid>
          <Textarea
            label={t('relationships.notes')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={errors.notes}
            autosize
            minRows={2}
          />
          <FormActions onCancel={close} label={t('relationships.add')} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
