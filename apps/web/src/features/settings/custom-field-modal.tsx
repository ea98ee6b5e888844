import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import {
  type CustomFieldType,
  customFieldCreateSchema,
  customFieldTypes,
  customFieldUpdateSchema,
  type RecordType,
} from '@relata/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFieldErrors, errorMessage, type FieldMessages, zodFieldErrors } from '../../lib/errors.ts';
import { IconPlus, IconTrash } from '../../ui/icons.tsx';
import { type CustomField, useCustomFieldMutations } from '../custom-fields/custom-fields-api.ts';
import { slug } from './role-create-modal.tsx';

type Option = { value: string; label: string };

/** Create (all properties) or edit (label, options, required, position) a custom field definition. */
export function CustomFieldModal({
  entity,
  field,
  onClose,
  nextPosition,
}: {
  entity: RecordType;
  field: CustomField | null;
  onClose: () => void;
  nextPosition: number;
}) {
  const { t } = useTranslation();
  const { create, update } = useCustomFieldMutations();
  const [label, setLabel] = useState(field?.label ?? '');
  const [key, setKey] = useState(field?.key ?? '');
  const [type, setType] = useState<CustomFieldType>(field?.type ?? 'text');
  const [required, setRequired] = useState(field?.required ?? false);
  const [position, setPosition] = useState<number>(field?.position ?? nextPosition);
  const [options, setOptions] = useState<Option[]>(field?.options ?? []);
  const [errors, setErrors] = useState<FieldMessages>({});
  const hasOptions = type === 'select' || type === 'multi_select';
  const mutation = field ? update : create;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const opts = hasOptions
      ? options
          .filter((o) => o.label.trim())
          .map((o) => ({ label: o.label.trim(), value: o.value || slug(o.label) || o.label.trim() }))
      : [];
    const onError = (err: unknown) => {
      const fe = apiFieldErrors(err);
      setErrors(Object.keys(fe).length ? fe : { label: errorMessage(err, t) });
    };
    if (field) {
      const patch = { label, required, position, ...(hasOptions ? { options: opts } : {}) };
      const parsed = customFieldUpdateSchema.safeParse(patch);
      if (!parsed.success) return setErrors(zodFieldErrors(parsed.error, t));
      update.mutate({ field, patch: parsed.data }, { onSuccess: onClose, onError });
    } else {
      const parsed = customFieldCreateSchema.safeParse({
        entity,
        key,
        label,
        type,
        options: opts,
        required,
        position,
      });
      if (!parsed.success) return setErrors(zodFieldErrors(parsed.error, t));
      create.mutate(parsed.data, { onSuccess: onClose, onError });
    }
  };

  return (
    <Modal opened onClose={onClose} title={field ? t('customFields.edit') : t('customFields.new')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('customFields.label')}
              required
              value={label}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setLabel(v);
                if (!field && (!key || key === slug(label))) setKey(slug(v));
              }}
              error={errors.label}
              data-autofocus
            />
            <TextInput
              label={t('settings.key')}
              description={t('settings.keyHint')}
              required
              value={key}
              disabled={Boolean(field)}
              onChange={(e) => setKey(e.currentTarget.value)}
              error={errors.key}
            />
            <Select
              label={t('customFields.type')}
              data={customFieldTypes.map((ft) => ({ value: ft, label: t(`customFields.types.${ft}`) }))}
              value={type}
              onChange={(v) => v && setType(v as CustomFieldType)}
              disabled={Boolean(field)}
              allowDeselect={false}
              error={errors.type}
            />
            <NumberInput
              label={t('customFields.position')}
              min={0}
              max={10000}
              value={position}
              onChange={(v) => setPosition(typeof v === 'number' ? v : 0)}
              error={errors.position}
            />
          </SimpleGrid>
          <Switch
            label={t('customFields.required')}
            checked={required}
            onChange={(e) => setRequired(e.currentTarget.checked)}
          />
          {hasOptions && (
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                {t('customFields.options')}
              </Text>
              {options.map((o, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place
                <Group key={i} gap={6} wrap="nowrap">
                  <TextInput
                    aria-label={t('customFields.optionN', { n: i + 1 })}
                    value={o.label}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setOptions(options.map((x, j) => (j === i ? { ...x, label: v } : x)));
                    }}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    onClick={() => setOptions(options.filter((_, j) => j !== i))}
                    aria-label={t('customFields.removeOptionN', { n: i + 1 })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              {errors.options && (
                <Text size="xs" c="red">
                  {errors.options}
                </Text>
              )}
              <Button
                variant="subtle"
                size="xs"
                w="fit-content"
                leftSection={<IconPlus size={14} />}
                onClick={() => setOptions([...options, { value: '', label: '' }])}
              >
                {t('customFields.addOption')}
              </Button>
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
