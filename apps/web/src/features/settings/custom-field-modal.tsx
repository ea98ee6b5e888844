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
import { useFormErrors } from '../../lib/use-form.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { IconPlus, IconTrash } from '../../ui/icons.tsx';
import { type CustomField, useCustomFieldMutations } from '../custom-fields/custom-fields-api.ts';
import { NameKeyFields, slug } from './name-key-fields.tsx';

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
  const { errors, parse, showServerError } = useFormErrors({ fallbackField: 'label' });
  const hasOptions = type === 'select' || type === 'multi_select';
  const mutation = field ? update : create;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const opts = hasOptions
      ? options
          .filter((o) => o.label.trim())
          .map((o) => ({ label: o.label.trim(), value: o.value || slug(o.label) || o.label.trim() }))
      : [];
    const handlers = { onSuccess: onClose, onError: showServerError };
    if (field) {
      const patch = { label, required, position, ...(hasOptions ? { options: opts } : {}) };
      const parsed = parse(customFieldUpdateSchema, patch);
      if (parsed) update.mutate({ field, patch: parsed }, handlers);
    } else {
      const body = { entity, key, label, type, options: opts, required, position };
      const parsed = parse(customFieldCreateSchema, body);
      if (parsed) create.mutate(parsed, handlers);
    }
  };

  return (
    <Modal opened onClose={onClose} title={field ? t('customFields.edit') : t('customFields.new')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NameKeyFields
              nameLabel={t('customFields.label')}
              name={label}
              keyValue={key}
              onChange={(next) => {
                setLabel(next.name);
                setKey(next.key);
              }}
              nameError={errors.label}
              keyError={errors.key}
              locked={Boolean(field)}
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
          <FormActions onCancel={onClose} label={t('common.save')} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
