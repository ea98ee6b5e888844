import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Center,
  Group,
  Loader,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type AttributeRule,
  type BehaviourRule,
  behaviourEvents,
  type LeadScoreOp,
  type LeadScoring,
  leadScoreFields,
  leadScoreOps,
  leadScoringSchema,
} from '@relata/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useFormErrors } from '../../lib/use-form.ts';
import { IconPlus, IconTrash } from '../../ui/icons.tsx';
import { useCan } from '../auth/auth-api.ts';
import { useLeadScoring, useSaveLeadScoring } from './leads-api.ts';

const valueless: readonly LeadScoreOp[] = ['present', 'absent', 'free_mail', 'business_mail'];
const newId = () => Math.random().toString(36).slice(2, 10);
const num = (v: number | string) => (typeof v === 'number' ? v : Number(v) || 0);

function AttributeRows({
  rules,
  onChange,
  readOnly,
  errors,
}: {
  rules: AttributeRule[];
  onChange: (rules: AttributeRule[]) => void;
  readOnly: boolean;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<AttributeRule>) =>
    onChange(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const valueText = (r: AttributeRule) => (Array.isArray(r.value) ? r.value.join(', ') : (r.value ?? ''));
  return (
    <Table verticalSpacing={6} aria-label={t('leads.scoring.attributeRules')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('leads.scoring.field')}</Table.Th>
          <Table.Th>{t('leads.scoring.operator')}</Table.Th>
          <Table.Th>{t('leads.scoring.value')}</Table.Th>
          <Table.Th w={110}>{t('leads.scoring.points')}</Table.Th>
          <Table.Th w={40} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rules.map((r, i) => {
          const list = r.op === 'in' || r.op === 'not_in';
          return (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Select
                  size="xs"
                  aria-label={t('leads.scoring.field')}
                  data={leadScoreFields.map((f) => ({ value: f, label: t(`leads.scoring.fields.${f}`) }))}
                  value={r.field}
                  onChange={(v) => v && update(i, { field: v as AttributeRule['field'] })}
                  allowDeselect={false}
                  disabled={readOnly}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  aria-label={t('leads.scoring.operator')}
                  data={leadScoreOps.map((o) => ({ value: o, label: t(`leads.scoring.ops.${o}`) }))}
                  value={r.op}
                  onChange={(v) => {
                    if (!v) return;
                    const op = v as LeadScoreOp;
                    const value = valueless.includes(op)
                      ? null
                      : op === 'in' || op === 'not_in'
                        ? valueText(r)
                            .split(',')
                            .map((s) => s.trim())
                            .filter(Boolean)
                        : valueText(r);
                    update(i, { op, value });
                  }}
                  allowDeselect={false}
                  disabled={readOnly}
                  error={errors[`attributeRules.${i}.op`]}
                />
              </Table.Td>
              <Table.Td>
                {!valueless.includes(r.op) && (
                  <TextInput
                    size="xs"
                    aria-label={t('leads.scoring.value')}
                    placeholder={list ? t('leads.scoring.listHint') : ''}
                    value={valueText(r)}
                    onChange={(e) => {
                      const text = e.currentTarget.value;
                      update(i, { value: list ? text.split(',').map((s) => s.trim()) : text });
                    }}
                    disabled={readOnly}
                    error={errors[`attributeRules.${i}.value`]}
                  />
                )}
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  aria-label={t('leads.scoring.points')}
                  value={r.points}
                  min={-1000}
                  max={1000}
                  onChange={(v) => update(i, { points: num(v) })}
                  disabled={readOnly}
                />
              </Table.Td>
              <Table.Td>
                {!readOnly && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('leads.scoring.removeRule')}
                    onClick={() => onChange(rules.filter((_, j) => j !== i))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function BehaviourRows({
  rules,
  onChange,
  readOnly,
}: {
  rules: BehaviourRule[];
  onChange: (rules: BehaviourRule[]) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<BehaviourRule>) =>
    onChange(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Table verticalSpacing={6} aria-label={t('leads.scoring.behaviourRules')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('leads.scoring.event')}</Table.Th>
          <Table.Th w={110}>{t('leads.scoring.points')}</Table.Th>
          <Table.Th w={140}>{t('leads.scoring.maxOccurrences')}</Table.Th>
          <Table.Th w={40} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rules.map((r, i) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Select
                size="xs"
                aria-label={t('leads.scoring.event')}
                data={behaviourEvents.map((e) => ({ value: e, label: t(`leads.scoring.events.${e}`) }))}
                value={r.event}
                onChange={(v) => v && update(i, { event: v as BehaviourRule['event'] })}
                allowDeselect={false}
                disabled={readOnly}
              />
            </Table.Td>
            <Table.Td>
              <NumberInput
                size="xs"
                aria-label={t('leads.scoring.points')}
                value={r.points}
                min={-1000}
                max={1000}
                onChange={(v) => update(i, { points: num(v) })}
                disabled={readOnly}
              />
            </Table.Td>
            <Table.Td>
              <NumberInput
                size="xs"
                aria-label={t('leads.scoring.maxOccurrences')}
                value={r.maxOccurrences}
                min={1}
                max={100}
                onChange={(v) => update(i, { maxOccurrences: Math.max(1, num(v)) })}
                disabled={readOnly}
              />
            </Table.Td>
            <Table.Td>
              {!readOnly && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('leads.scoring.removeRule')}
                  onClick={() => onChange(rules.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Settings → Lead scoring: attribute and behaviour rules; saving re-scores every open lead. */
export function LeadScoringTab() {
  const { t } = useTranslation();
  const can = useCan();
  const readOnly = !can('update', 'lead_forms');
  const loaded = useLeadScoring();
  const save = useSaveLeadScoring();
  const [draft, setDraft] = useState<LeadScoring | null>(null);
  const [domains, setDomains] = useState('');
  const [stale, setStale] = useState(false);
  const { errors, parse, showServerError } = useFormErrors();
  useEffect(() => {
    if (loaded.data) {
      setDraft(loaded.data.rules);
      setDomains(loaded.data.rules.freeMailDomains.join(', '));
    }
  }, [loaded.data]);
  if (loaded.isPending || !draft)
    return (
      <Center py={60}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (loaded.isError) return <Text c="red">{errorMessage(loaded.error, t)}</Text>;
  const submit = () => {
    const rules = parse(leadScoringSchema, {
      ...draft,
      attributeRules: draft.attributeRules.map((r) => ({ ...r, label: r.label || null })),
      freeMailDomains: domains.split(/[\s,]+/).filter(Boolean),
    });
    if (!rules || !loaded.data) return;
    save.mutate(
      { rules, version: loaded.data.version },
      {
        onSuccess: () => {
          setStale(false);
          notifications.show({ color: 'teal', message: t('leads.scoring.saved') });
        },
        onError: (e) =>
          isApiError(e) && e.code === 'precondition_failed' ? setStale(true) : showServerError(e),
      },
    );
  };
  return (
    <Stack gap="lg">
      {stale && (
        <Alert color="orange" title={t('leads.scoring.staleTitle')}>
          <Group justify="space-between">
            <Text size="sm">{t('leads.scoring.staleText')}</Text>
            <Button
              size="xs"
              variant="white"
              onClick={() => void loaded.refetch().then(() => setStale(false))}
            >
              {t('leads.scoring.reload')}
            </Button>
          </Group>
        </Alert>
      )}
      <Card>
        <Title order={2} fz="md" mb={2}>
          {t('leads.scoring.attributeRules')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('leads.scoring.attributeHint')}
        </Text>
        <AttributeRows
          rules={draft.attributeRules}
          onChange={(attributeRules) => setDraft({ ...draft, attributeRules })}
          readOnly={readOnly}
          errors={errors}
        />
        {!readOnly && (
          <Button
            mt="sm"
            size="xs"
            w="fit-content"
            variant="default"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              setDraft({
                ...draft,
                attributeRules: [
                  ...draft.attributeRules,
                  { id: newId(), field: 'country', op: 'eq', value: '', points: 5 },
                ],
              })
            }
          >
            {t('leads.scoring.addRule')}
          </Button>
        )}
        <Textarea
          mt="md"
          label={t('leads.scoring.freeMailDomains')}
          description={t('leads.scoring.freeMailHint')}
          autosize
          minRows={1}
          value={domains}
          onChange={(e) => setDomains(e.currentTarget.value)}
          disabled={readOnly}
          error={Object.entries(errors).find(([k]) => k.startsWith('freeMailDomains'))?.[1]}
        />
      </Card>
      <Card>
        <Title order={2} fz="md" mb={2}>
          {t('leads.scoring.behaviourRules')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('leads.scoring.behaviourHint')}
        </Text>
        <BehaviourRows
          rules={draft.behaviourRules}
          onChange={(behaviourRules) => setDraft({ ...draft, behaviourRules })}
          readOnly={readOnly}
        />
        {!readOnly && (
          <Button
            mt="sm"
            size="xs"
            w="fit-content"
            variant="default"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              setDraft({
                ...draft,
                behaviourRules: [
                  ...draft.behaviourRules,
                  { id: newId(), event: 'form_submitted', points: 5, maxOccurrences: 1 },
                ],
              })
            }
          >
            {t('leads.scoring.addRule')}
          </Button>
        )}
      </Card>
      {!readOnly && (
        <Group justify="flex-end">
          <Button onClick={submit} loading={save.isPending}>
            {t('leads.scoring.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
