import {
  Alert,
  Button,
  Chip,
  Divider,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  type Assign,
  type InquiryKind,
  inquiryKinds,
  type Priority,
  priorities,
  type RoutingActions,
  type RoutingCondition,
  routingRuleCreateSchema,
} from '@relata/domain';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { useFormErrors } from '../../lib/use-form.ts';
import { FormActions } from '../../ui/form-actions.tsx';
import { IconPlus } from '../../ui/icons.tsx';
import { useQueues, useSlaPolicies } from '../service-settings/service-api.ts';
import { useTeams, useUsers } from '../users/users-api.ts';
import { useValueSettings } from '../value/value-api.ts';
import { ConditionEditor, newCondition } from './condition-editor.tsx';
import { type RoutingRule, useRuleMutations } from './routing-api.ts';

type Draft = {
  name: string;
  active: boolean;
  kinds: InquiryKind[];
  match: 'all' | 'any';
  conditions: RoutingCondition[];
  actions: RoutingActions;
};

const emptyDraft: Draft = {
  name: '',
  active: true,
  kinds: ['case'],
  match: 'all',
  conditions: [],
  actions: {},
};

type AssignTo = 'none' | Assign['to'];

/** Only the actions that are set: the API refuses a rule without any. */
function cleanActions(a: RoutingActions): RoutingActions {
  return {
    ...(a.queueId ? { queueId: a.queueId } : {}),
    ...(a.priority ? { priority: a.priority } : {}),
    ...(a.assign ? { assign: a.assign } : {}),
    ...(a.slaPolicyId ? { slaPolicyId: a.slaPolicyId } : {}),
    ...(a.tags?.length ? { tags: a.tags } : {}),
  };
}

function ActionsEditor({
  actions,
  onChange,
  errors,
}: {
  actions: RoutingActions;
  onChange: (a: RoutingActions) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const queues = useQueues();
  const policies = useSlaPolicies();
  const users = useUsers();
  const teams = useTeams();
  const set = (patch: Partial<RoutingActions>) => onChange({ ...actions, ...patch });
  const assignTo: AssignTo = actions.assign?.to ?? 'none';
  const assign = actions.assign;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('routing.actions.queue')}
          placeholder={t('routing.actions.unchanged')}
          data={(queues.data ?? []).map((q) => ({ value: q.id, label: q.name }))}
          value={actions.queueId ?? null}
          onChange={(v) => set({ queueId: v })}
          clearable
          error={errors['actions.queueId']}
        />
        <Select
          label={t('routing.actions.priority')}
          placeholder={t('routing.actions.unchanged')}
          data={priorities.map((p) => ({ value: p, label: t(`cases.priorities.${p}`) }))}
          value={actions.priority ?? null}
          onChange={(v) => set({ priority: v as Priority | null })}
          clearable
          error={errors['actions.priority']}
        />
        <Select
          label={t('routing.actions.assign')}
          data={(['none', 'user', 'account_manager', 'round_robin'] as const).map((v) => ({
            value: v,
            label: t(`routing.actions.assignTo.${v}`),
          }))}
          value={assignTo}
          onChange={(v) => {
            const to = (v ?? 'none') as AssignTo;
            if (to === 'none') set({ assign: null });
            else if (to === 'account_manager') set({ assign: { to } });
            else if (to === 'user') set({ assign: { to, userId: '' } });
            else set({ assign: { to, teamId: '' } });
          }}
          allowDeselect={false}
        />
        {assign?.to === 'user' && (
          <Select
            label={t('routing.actions.user')}
            data={(users.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
            value={assign.userId || null}
            onChange={(v) => set({ assign: { to: 'user', userId: v ?? '' } })}
            searchable
            required
            error={errors['actions.assign.userId'] ?? errors['actions.assign']}
          />
        )}
        {assign?.to === 'round_robin' && (
          <Select
            label={t('routing.actions.team')}
            data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={assign.teamId || null}
            onChange={(v) => set({ assign: { to: 'round_robin', teamId: v ?? '' } })}
            required
            error={errors['actions.assign.teamId'] ?? errors['actions.assign']}
          />
        )}
        {assign?.to === 'account_manager' && (
          <Text size="xs" c="dimmed" mt={28}>
            {t('routing.actions.accountManagerHint')}
          </Text>
        )}
        <Select
          label={t('routing.actions.slaPolicy')}
          placeholder={t('routing.actions.byTier')}
          data={(policies.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={actions.slaPolicyId ?? null}
          onChange={(v) => set({ slaPolicyId: v })}
          clearable
          error={errors['actions.slaPolicyId']}
        />
        <TagsInput
          label={t('routing.actions.tags')}
          value={actions.tags ?? []}
          onChange={(v) => set({ tags: v })}
          splitChars={[',']}
          error={errors['actions.tags']}
        />
      </SimpleGrid>
      {errors.actions && (
        <Text size="sm" c="red" role="alert">
          {errors.actions}
        </Text>
      )}
    </Stack>
  );
}

/** Creates or changes a rule: name, kinds, match all/any, conditions and actions. */
export function RuleEditorModal({ rule, onClose }: { rule: RoutingRule | null; onClose: () => void }) {
  const { t } = useTranslation();
  const mobile = useMediaQuery('(max-width: 48em)');
  const { save } = useRuleMutations();
  const settings = useValueSettings();
  const tiers = settings.data?.tiers.map((x) => x.key) ?? [];
  const [draft, setDraft] = useState<Draft>(
    rule
      ? {
          name: rule.name,
          active: rule.active,
          kinds: rule.kinds,
          match: rule.match,
          conditions: rule.conditions,
          actions: rule.actions,
        }
      : emptyDraft,
  );
  const form = useFormErrors();
  const e = form.errors;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    form.clear(key);
  };
  const stale = isApiError(save.error) && save.error.code === 'precondition_failed';

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const body = form.parse(routingRuleCreateSchema, { ...draft, actions: cleanActions(draft.actions) });
    if (!body) return;
    save.mutate(
      { rule, body },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('routing.saved', { name: saved.name }) });
          onClose();
        },
        onError: (err) => {
          if (!(isApiError(err) && err.code === 'precondition_failed')) form.showServerError(err);
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{rule ? t('routing.editRule') : t('routing.newRule')}</Text>}
      size="xl"
      fullScreen={mobile}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Group align="flex-end" gap="md" wrap="wrap">
            <TextInput
              data-autofocus
              label={t('routing.fields.name')}
              required
              value={draft.name}
              onChange={(ev) => set('name', ev.currentTarget.value)}
              error={e.name}
              style={{ flex: 1, minWidth: 220 }}
            />
            <Switch
              label={t('routing.active')}
              checked={draft.active}
              onChange={(ev) => set('active', ev.currentTarget.checked)}
              mb={8}
            />
          </Group>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('routing.kindsLabel')}
            </Text>
            <Chip.Group multiple value={draft.kinds} onChange={(v) => set('kinds', v as InquiryKind[])}>
              <Group gap="xs">
                {inquiryKinds.map((k) => (
                  <Chip key={k} value={k} size="sm">
                    {t(`routing.kinds.${k}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            <Text size="xs" c="dimmed">
              {t('routing.kindsHint')}
            </Text>
          </Stack>
          <Divider />
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Title order={3} fz="sm">
              {t('routing.conditions')}
            </Title>
            <SegmentedControl
              size="xs"
              aria-label={t('routing.matchLabel')}
              value={draft.match}
              onChange={(v) => set('match', v as Draft['match'])}
              data={[
                { value: 'all', label: t('routing.match.all') },
                { value: 'any', label: t('routing.match.any') },
              ]}
            />
          </Group>
          {draft.conditions.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('routing.noConditions')}
            </Text>
          )}
          {draft.conditions.map((c, i) => (
            <ConditionEditor
              // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity of their own
              key={i}
              c={c}
              n={i + 1}
              tiers={tiers}
              errors={{
                field: e[`conditions.${i}.field`],
                op: e[`conditions.${i}.op`],
                value: e[`conditions.${i}.value`] ?? e[`conditions.${i}`],
              }}
              onChange={(next) => {
                set(
                  'conditions',
                  draft.conditions.map((x, j) => (j === i ? next : x)),
                );
                form.clear(`conditions.${i}.value`);
              }}
              onRemove={() =>
                set(
                  'conditions',
                  draft.conditions.filter((_, j) => j !== i),
                )
              }
            />
          ))}
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => set('conditions', [...draft.conditions, newCondition('tier')])}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('routing.addCondition')}
          </Button>
          <Divider />
          <Title order={3} fz="sm">
            {t('routing.actionsTitle')}
          </Title>
          <ActionsEditor actions={draft.actions} onChange={(a) => set('actions', a)} errors={e} />
          {stale && (
            <Alert color="orange" role="alert" title={t('errors.staleTitle')}>
              {t('routing.stale')}
            </Alert>
          )}
          <FormActions onCancel={onClose} label={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
