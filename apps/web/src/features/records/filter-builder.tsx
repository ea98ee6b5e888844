import { ActionIcon, Badge, Button, Group, Popover, Select, Stack, Text, TextInput } from '@mantine/core';
import { opsByKind } from '@relata/domain';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterCondition, FilterOp } from '../../lib/list-query.ts';
import { IconFilter, IconPlus, IconX } from '../../ui/icons.tsx';
import { useTeams, useUsers } from '../users/users-api.ts';
import { defaultOp, type FilterField } from './filter-fields.ts';

type Props = {
  fields: FilterField[];
  value: FilterCondition[];
  onChange: (value: FilterCondition[]) => void;
};

type Option = { value: string; label: string };

// The choices open inside the filter popover, so picking one is not a click outside that closes it.
const inPopover = { withinPortal: false } as const;

function useValueOptions(field: FilterField | undefined): Option[] | null {
  const { t } = useTranslation();
  const users = useUsers();
  const teams = useTeams();
  if (!field) return null;
  if (field.kind === 'boolean') {
    return [
      { value: 'true', label: t('common.yes') },
      { value: 'false', label: t('common.no') },
    ];
  }
  if (field.ref === 'users') {
    return [
      { value: 'me', label: t('filters.me') },
      ...(users.data ?? []).map((u) => ({ value: u.id, label: u.name })),
    ];
  }
  if (field.ref === 'teams') return (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }));
  if (field.values) return field.values.map((v) => ({ value: v, label: field.valueLabel?.(v) ?? v }));
  return null;
}

function ConditionRow({
  fields,
  condition,
  onChange,
  onRemove,
  index,
}: {
  fields: FilterField[];
  condition: FilterCondition;
  onChange: (c: FilterCondition) => void;
  onRemove: () => void;
  index: number;
}) {
  const { t } = useTranslation();
  const field = fields.find((f) => f.key === condition.field);
  const ops = field ? opsByKind[field.kind] : [];
  const options = useValueOptions(field);
  const n = index + 1;
  let valueInput: ReactNode;
  if (condition.op === 'is_null') {
    valueInput = (
      <Select
        comboboxProps={inPopover}
        aria-label={t('filters.valueN', { n })}
        data={[
          { value: 'true', label: t('filters.isEmpty') },
          { value: 'false', label: t('filters.isNotEmpty') },
        ]}
        value={condition.value || 'true'}
        onChange={(v) => onChange({ ...condition, value: v ?? 'true' })}
        w={170}
        allowDeselect={false}
      />
    );
  } else if (options) {
    valueInput = (
      <Select
        comboboxProps={inPopover}
        aria-label={t('filters.valueN', { n })}
        data={options}
        value={condition.value || null}
        onChange={(v) => onChange({ ...condition, value: v ?? '' })}
        searchable
        w={170}
      />
    );
  } else {
    const type =
      field?.kind === 'date' || field?.kind === 'datetime'
        ? 'date'
        : field?.kind === 'number'
          ? 'number'
          : 'text';
    valueInput = (
      <TextInput
        aria-label={t('filters.valueN', { n })}
        type={type}
        value={condition.value}
        onChange={(e) => onChange({ ...condition, value: e.currentTarget.value })}
        w={170}
      />
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Select
        comboboxProps={inPopover}
        aria-label={t('filters.fieldN', { n })}
        data={fields.map((f) => ({ value: f.key, label: f.label }))}
        value={condition.field}
        onChange={(key) => {
          const next = fields.find((f) => f.key === key);
          if (next) onChange({ field: next.key, op: defaultOp(next.kind), value: '' });
        }}
        searchable
        allowDeselect={false}
        w={170}
      />
      <Select
        comboboxProps={inPopover}
        aria-label={t('filters.operatorN', { n })}
        data={ops.map((op) => ({ value: op, label: t(`filters.ops.${op}`) }))}
        value={condition.op}
        onChange={(op) =>
          op &&
          onChange({ ...condition, op: op as FilterOp, value: op === 'is_null' ? 'true' : condition.value })
        }
        allowDeselect={false}
        w={150}
      />
      {valueInput}
      <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={t('filters.removeN', { n })}>
        <IconX size={16} />
      </ActionIcon>
    </Group>
  );
}

/** A popover to build `filter[field][op]=value` conditions. */
export function FilterBuilder({ fields, value, onChange }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState<FilterCondition[]>(value);

  const open = () => {
    const first = fields[0];
    setDraft(
      value.length ? value : first ? [{ field: first.key, op: defaultOp(first.kind), value: '' }] : [],
    );
    setOpened(true);
  };
  const apply = () => {
    onChange(draft.filter((c) => c.value !== ''));
    setOpened(false);
  };
  const add = () => {
    const first = fields[0];
    if (first) setDraft([...draft, { field: first.key, op: defaultOp(first.kind), value: '' }]);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" shadow="md" width="auto" trapFocus>
      <Popover.Target>
        <Button
          variant={value.length ? 'light' : 'default'}
          leftSection={<IconFilter size={16} />}
          onClick={() => (opened ? setOpened(false) : open())}
          rightSection={
            value.length ? (
              <Badge size="xs" circle>
                {value.length}
              </Badge>
            ) : null
          }
        >
          {t('filters.filter')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="md">
        <Stack gap="sm">
          <Text fw={600} size="sm">
            {t('filters.title')}
          </Text>
          {draft.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('filters.none')}
            </Text>
          )}
          {draft.map((c, i) => (
            <ConditionRow
              // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity of their own
              key={i}
              index={i}
              fields={fields}
              condition={c}
              onChange={(next) => setDraft(draft.map((d, j) => (j === i ? next : d)))}
              onRemove={() => setDraft(draft.filter((_, j) => j !== i))}
            />
          ))}
          <Group justify="space-between" mt={4}>
            <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={add}>
              {t('filters.add')}
            </Button>
            <Group gap="xs">
              <Button
                variant="default"
                size="xs"
                onClick={() => {
                  onChange([]);
                  setOpened(false);
                }}
              >
                {t('filters.clear')}
              </Button>
              <Button size="xs" onClick={apply}>
                {t('filters.apply')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** The applied conditions as removable chips. */
export function FilterChips({ fields, value, onChange }: Props) {
  const { t } = useTranslation();
  if (!value.length) return null;
  return (
    <Group gap={6}>
      {value.map((c, i) => {
        const field = fields.find((f) => f.key === c.field);
        const label = `${field?.label ?? c.field} ${t(`filters.ops.${c.op}`)} ${
          c.op === 'is_null'
            ? c.value === 'true'
              ? t('filters.isEmpty')
              : t('filters.isNotEmpty')
            : (field?.valueLabel?.(c.value) ?? c.value)
        }`;
        return (
          <Badge
            key={`${c.field}-${c.op}-${c.value}`}
            variant="light"
            size="lg"
            radius="sm"
            tt="none"
            fw={500}
            rightSection={
              <ActionIcon
                size="xs"
                variant="transparent"
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                aria-label={t('filters.removeFilter', { filter: label })}
              >
                <IconX size={12} />
              </ActionIcon>
            }
          >
            {label}
          </Badge>
        );
      })}
    </Group>
  );
}
