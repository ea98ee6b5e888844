import {
  ActionIcon,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import {
  channels,
  opsForField,
  type RoutingCondition,
  type RoutingField,
  type RoutingOp,
  routingFieldNames,
  routingFields,
} from '@relata/domain';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IconX } from '../../ui/icons.tsx';
import { channelLabel } from '../interactions/channel-meta.tsx';
import { fieldLabel, opLabel, valueText } from './routing-labels.ts';
import { useValueContext } from './use-value-context.ts';

type Value = RoutingCondition['value'];
const listOp = (op: RoutingOp) => op === 'in' || op === 'not_in';
const noValue = (op: RoutingOp) => op === 'is_set' || op === 'is_not_set';

/** A fresh condition on a field: its first operator and an empty value of the right kind. */
export function newCondition(field: RoutingField): RoutingCondition {
  const op = opsForField(field)[0] ?? 'eq';
  const def = routingFields[field];
  if (def.kind === 'boolean') return { field, op, value: true };
  if (def.kind === 'keywords') return { field, op, value: [] as unknown as string[] };
  if (def.kind === 'enum') return { field, op, value: def.values[0] };
  return { field, op, value: def.kind === 'number' ? (undefined as unknown as number) : '' };
}

/** Keeps the value when the operator changes: a list takes the single value and back. */
function withOp(c: RoutingCondition, op: RoutingOp): RoutingCondition {
  if (noValue(op)) return { field: c.field, op };
  const v = c.value;
  if (listOp(op) && !Array.isArray(v))
    return { ...c, op, value: (v === undefined || v === '' ? [] : [String(v)]) as string[] };
  if (!listOp(op) && Array.isArray(v)) {
    const first = v[0];
    return { ...c, op, value: routingFields[c.field].kind === 'enum' ? first : (first ?? '') };
  }
  return { ...c, op, value: v ?? (routingFields[c.field].kind === 'boolean' ? true : v) };
}

/** Suggestions for text fields: value tiers, channels. */
function suggestions(field: RoutingField, tiers: readonly string[], t: TFunction) {
  if (field === 'tier') return tiers.map((x) => ({ value: x, label: x }));
  if (field === 'channel') return channels.map((c) => ({ value: c, label: channelLabel(c, t) }));
  return [];
}

function ValueInput({
  c,
  onChange,
  label,
  error,
  tiers,
}: {
  c: RoutingCondition;
  onChange: (v: Value) => void;
  label: string;
  error?: string | undefined;
  tiers: readonly string[];
}) {
  const { t } = useTranslation();
  const ctx = useValueContext();
  const def = routingFields[c.field];
  const list = listOp(c.op);
  const common = { 'aria-label': label, error, style: { flex: 1, minWidth: 160 } };
  if (noValue(c.op)) return <div style={{ flex: 1, minWidth: 160 }} />;
  if (def.kind === 'boolean') {
    return (
      <SegmentedControl
        aria-label={label}
        value={c.value === false ? 'false' : 'true'}
        onChange={(v) => onChange(v === 'true')}
        data={[
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ]}
      />
    );
  }
  if (def.kind === 'enum') {
    const data = def.values.map((v) => ({ value: v, label: valueText(c.field, v, t, ctx) }));
    return list ? (
      <TagsInput
        {...common}
        data={data.map((d) => d.value)}
        value={Array.isArray(c.value) ? c.value : []}
        onChange={(v) => onChange(v.filter((x) => (def.values as readonly string[]).includes(x)))}
        renderOption={({ option }) => valueText(c.field, option.value, t, ctx)}
        comboboxProps={{ withinPortal: true }}
      />
    ) : (
      <Select
        {...common}
        data={data}
        value={typeof c.value === 'string' ? c.value : null}
        onChange={(v) => v && onChange(v)}
        allowDeselect={false}
      />
    );
  }
  if (def.kind === 'number') {
    // CLV is typed in whole currency units and P(alive) as a percentage; the API takes minor units and a share.
    const scale = c.field === 'clv' ? ctx.minorPerMajor : c.field === 'pAlive' ? 0.01 : 1;
    const shown = typeof c.value === 'number' ? Number((c.value / scale).toPrecision(12)) : '';
    return (
      <NumberInput
        {...common}
        value={shown}
        onChange={(v) =>
          onChange(
            v === '' || typeof v !== 'number'
              ? (undefined as unknown as number)
              : Number((v * scale).toPrecision(12)),
          )
        }
        prefix={c.field === 'clv' ? `${ctx.currency} ` : undefined}
        suffix={c.field === 'pAlive' ? ' %' : undefined}
        thousandSeparator=" "
        min={0}
        max={c.field === 'pAlive' ? 100 : undefined}
      />
    );
  }
  const options = suggestions(c.field, tiers, t);
  if (list || def.kind === 'keywords') {
    return (
      <TagsInput
        {...common}
        data={options.map((o) => o.value)}
        value={Array.isArray(c.value) ? c.value : []}
        onChange={onChange}
        placeholder={
          def.kind === 'keywords'
            ? t('routing.editor.keywordsPlaceholder')
            : t('routing.editor.listPlaceholder')
        }
        splitChars={[',']}
        comboboxProps={{ withinPortal: true }}
      />
    );
  }
  return options.length ? (
    <Select
      {...common}
      data={options}
      value={typeof c.value === 'string' && c.value ? c.value : null}
      onChange={(v) => onChange(v ?? '')}
      searchable
    />
  ) : (
    <TextInput
      {...common}
      value={typeof c.value === 'string' ? c.value : ''}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

/** One condition: field, operator (only those the field takes) and a value input of its kind. */
export function ConditionEditor({
  c,
  n,
  onChange,
  onRemove,
  errors,
  tiers,
}: {
  c: RoutingCondition;
  n: number;
  onChange: (c: RoutingCondition) => void;
  onRemove: () => void;
  errors: { field?: string | undefined; op?: string | undefined; value?: string | undefined };
  tiers: readonly string[];
}) {
  const { t } = useTranslation();
  const groups = (['customer', 'inquiry'] as const).map((on) => ({
    group: t(`routing.editor.on.${on}`),
    items: routingFieldNames
      .filter((f) => routingFields[f].on === on)
      .map((f) => ({ value: f, label: fieldLabel(f, t) })),
  }));
  const message: ReactNode = errors.field ?? errors.op ?? null;
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="wrap" align="flex-start">
        <Select
          aria-label={t('routing.editor.fieldN', { n })}
          data={groups}
          value={c.field}
          onChange={(f) => f && f !== c.field && onChange(newCondition(f as RoutingField))}
          allowDeselect={false}
          searchable
          w={180}
        />
        <Select
          aria-label={t('routing.editor.opN', { n })}
          data={opsForField(c.field).map((op) => ({ value: op, label: opLabel(op, t) }))}
          value={c.op}
          onChange={(op) => op && onChange(withOp(c, op as RoutingOp))}
          allowDeselect={false}
          w={150}
        />
        <ValueInput
          c={c}
          onChange={(value) => onChange({ ...c, value })}
          label={t('routing.editor.valueN', { n })}
          error={errors.value}
          tiers={tiers}
        />
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={onRemove}
          aria-label={t('routing.editor.removeN', { n })}
          mt={6}
        >
          <IconX size={16} />
        </ActionIcon>
      </Group>
      {message && (
        <Text size="xs" c="red" role="alert">
          {message}
        </Text>
      )}
    </Stack>
  );
}
