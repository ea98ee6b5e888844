import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import {
  type LifecycleCondition,
  type LifecycleConfig,
  type LifecycleRule,
  lifecycleMetrics,
  lifecycleStates,
} from '@relata/domain';
import { useTranslation } from 'react-i18next';
import type { FieldMessages } from '../../lib/errors.ts';
import { IconPlus, IconTrash, IconX } from '../../ui/icons.tsx';
import { IconArrowDown, IconArrowUp } from '../../ui/icons-commerce.tsx';

const ops = ['lt', 'lte', 'gt', 'gte', 'eq'] as const;
const opSymbols: Record<(typeof ops)[number], string> = { lt: '<', lte: '≤', gt: '>', gte: '≥', eq: '=' };

function ConditionRow({
  condition,
  onChange,
  onRemove,
  path,
  errors,
  label,
}: {
  condition: LifecycleCondition;
  onChange: (c: LifecycleCondition) => void;
  onRemove: () => void;
  path: string;
  errors: FieldMessages;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Select
        size="xs"
        w={270}
        aria-label={t('valueSettings.metricOf', { condition: label })}
        data={lifecycleMetrics.map((m) => ({ value: m, label: t(`valueSettings.metrics.${m}`) }))}
        value={condition.metric}
        onChange={(v) => v && onChange({ ...condition, metric: v as LifecycleCondition['metric'] })}
        allowDeselect={false}
        error={errors[`${path}.metric`]}
      />
      <Select
        size="xs"
        w={70}
        aria-label={t('valueSettings.operatorOf', { condition: label })}
        data={ops.map((op) => ({ value: op, label: opSymbols[op] }))}
        value={condition.op}
        onChange={(v) => v && onChange({ ...condition, op: v as LifecycleCondition['op'] })}
        allowDeselect={false}
      />
      <NumberInput
        size="xs"
        w={110}
        aria-label={t('valueSettings.valueOf', { condition: label })}
        value={condition.value}
        onChange={(v) => onChange({ ...condition, value: typeof v === 'number' ? v : Number(v) || 0 })}
        decimalScale={4}
        error={errors[`${path}.value`]}
      />
      <ActionIcon
        variant="subtle"
        color="gray"
        onClick={onRemove}
        aria-label={t('valueSettings.removeCondition', { condition: label })}
        mt={2}
      >
        <IconX size={14} />
      </ActionIcon>
    </Group>
  );
}

/** The ordered lifecycle rules (first match wins), the recent window and the fallback state. */
export function LifecycleRulesEditor({
  config,
  onChange,
  errors,
}: {
  config: LifecycleConfig;
  onChange: (config: LifecycleConfig) => void;
  errors: FieldMessages;
}) {
  const { t } = useTranslation();
  const rules = config.rules;
  const setRules = (next: LifecycleRule[]) => onChange({ ...config, rules: next });
  const setRule = (i: number, rule: LifecycleRule) => setRules(rules.map((r, j) => (j === i ? rule : r)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...rules];
    const [rule] = next.splice(i, 1);
    if (rule) next.splice(i + by, 0, rule);
    setRules(next);
  };
  const stateOptions = lifecycleStates.map((s) => ({ value: s, label: t(`value.states.${s}`) }));
  return (
    <Stack gap="md">
      <Group gap="md" align="flex-start">
        <NumberInput
          label={t('valueSettings.windowDays')}
          description={t('valueSettings.windowDaysHint')}
          value={config.windowDays}
          onChange={(v) => onChange({ ...config, windowDays: typeof v === 'number' ? v : 0 })}
          min={7}
          max={3650}
          w={220}
          error={errors['lifecycle.windowDays']}
        />
        <Select
          label={t('valueSettings.fallback')}
          description={t('valueSettings.fallbackHint')}
          data={stateOptions}
          value={config.fallback}
          onChange={(v) => v && onChange({ ...config, fallback: v as LifecycleConfig['fallback'] })}
          allowDeselect={false}
          w={240}
        />
      </Group>
      {errors['lifecycle.rules'] && (
        <Text size="sm" c="red" role="alert">
          {errors['lifecycle.rules']}
        </Text>
      )}
      <Stack
        gap="xs"
        component="ol"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label={t('valueSettings.rules')}
      >
        {rules.map((rule, i) => {
          const n = i + 1;
          const path = `lifecycle.rules.${i}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rules are ordered positions
            <Paper key={i} withBorder p="sm" radius="md" component="li">
              <Group justify="space-between" mb="xs" wrap="nowrap">
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={700} c="dimmed" w={24}>
                    {n}.
                  </Text>
                  <Select
                    size="xs"
                    w={180}
                    aria-label={t('valueSettings.stateOfRule', { n })}
                    data={stateOptions}
                    value={rule.state}
                    onChange={(v) => v && setRule(i, { ...rule, state: v as LifecycleRule['state'] })}
                    allowDeselect={false}
                  />
                  <Text size="xs" c="dimmed">
                    {rule.when.length ? t('valueSettings.whenAll') : t('valueSettings.always')}
                  </Text>
                </Group>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                    aria-label={t('valueSettings.moveUp', { n })}
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    disabled={i === rules.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={t('valueSettings.moveDown', { n })}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => setRules(rules.filter((_, j) => j !== i))}
                    aria-label={t('valueSettings.removeRule', { n })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Group>
              <Stack gap={6} pl={32}>
                {rule.when.map((c, k) => (
                  <ConditionRow
                    // biome-ignore lint/suspicious/noArrayIndexKey: conditions are positions
                    key={k}
                    condition={c}
                    path={`${path}.when.${k}`}
                    errors={errors}
                    label={t('valueSettings.conditionN', { n, k: k + 1 })}
                    onChange={(next) =>
                      setRule(i, { ...rule, when: rule.when.map((x, j) => (j === k ? next : x)) })
                    }
                    onRemove={() => setRule(i, { ...rule, when: rule.when.filter((_, j) => j !== k) })}
                  />
                ))}
                {errors[`${path}.when`] && (
                  <Text size="xs" c="red">
                    {errors[`${path}.when`]}
                  </Text>
                )}
                <Group>
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    leftSection={<IconPlus size={12} />}
                    disabled={rule.when.length >= 10}
                    onClick={() =>
                      setRule(i, {
                        ...rule,
                        when: [...rule.when, { metric: 'daysSinceLastPurchase', op: 'gt', value: 0 }],
                      })
                    }
                  >
                    {t('valueSettings.addCondition')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          disabled={rules.length >= 50}
          onClick={() => setRules([...rules, { state: 'active', when: [] }])}
        >
          {t('valueSettings.addRule')}
        </Button>
      </Group>
    </Stack>
  );
}
