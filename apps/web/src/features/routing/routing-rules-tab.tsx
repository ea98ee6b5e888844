import {
  DndContext,
  type DragEndEvent,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Stack,
  Switch,
  Text,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { ConfirmMutationDialog } from '../../ui/confirm-dialog.tsx';
import { IconChevronDown, IconChevronUp, IconPencil, IconPlus, IconTrash } from '../../ui/icons.tsx';
import { useCan } from '../auth/auth-api.ts';
import { IconGripVertical } from '../cases/case-icons.tsx';
import { useQueues, useSlaPolicies } from '../service-settings/service-api.ts';
import { useTeams, useUserNames } from '../users/users-api.ts';
import { type RoutingRule, useRoutingRules, useRuleMutations } from './routing-api.ts';
import { conditionText, type ValueContext } from './routing-labels.ts';
import { RuleEditorModal } from './rule-editor-modal.tsx';
import { TestBench } from './test-bench.tsx';
import { useValueContext } from './use-value-context.ts';

type Names = {
  queue: (id: string) => string | undefined;
  policy: (id: string) => string | undefined;
  user: (id: string) => string | undefined;
  team: (id: string) => string | undefined;
};

function conditionsSummary(rule: RoutingRule, t: TFunction, ctx: ValueContext): string {
  if (!rule.conditions.length) return t('routing.always');
  const joiner = ` ${t(rule.match === 'all' ? 'routing.describe.and' : 'routing.describe.or')} `;
  return t('routing.when', { conditions: rule.conditions.map((c) => conditionText(c, t, ctx)).join(joiner) });
}

function actionsSummary(rule: RoutingRule, t: TFunction, names: Names): string[] {
  const a = rule.actions;
  const assign = a.assign;
  return [
    a.queueId ? t('routing.summary.queue', { name: names.queue(a.queueId) ?? '…' }) : null,
    a.priority ? t('routing.summary.priority', { priority: t(`cases.priorities.${a.priority}`) }) : null,
    assign?.to === 'user' ? t('routing.summary.user', { name: names.user(assign.userId) ?? '…' }) : null,
    assign?.to === 'account_manager' ? t('routing.actions.assignTo.account_manager') : null,
    assign?.to === 'round_robin'
      ? t('routing.summary.roundRobin', { team: names.team(assign.teamId) ?? '…' })
      : null,
    a.slaPolicyId ? t('routing.summary.sla', { name: names.policy(a.slaPolicyId) ?? '…' }) : null,
    a.tags?.length ? t('routing.summary.tags', { tags: a.tags.join(', ') }) : null,
  ].filter((x): x is string => Boolean(x));
}

function RuleRow({
  rule,
  index,
  count,
  canEdit,
  names,
  onMove,
  onEdit,
  onDelete,
}: {
  rule: RoutingRule;
  index: number;
  count: number;
  canEdit: boolean;
  names: Names;
  onMove: (from: number, to: number) => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const ctx = useValueContext();
  const { save } = useRuleMutations();
  const drag = useDraggable({ id: rule.id, disabled: !canEdit });
  const drop = useDroppable({ id: rule.id });
  const over = drop.isOver && !drag.isDragging;
  return (
    <Card
      ref={(node: HTMLDivElement | null) => {
        drag.setNodeRef(node);
        drop.setNodeRef(node);
      }}
      withBorder
      p="sm"
      data-testid="routing-rule"
      aria-label={t('routing.ruleN', { n: index + 1, name: rule.name })}
      style={{
        transform: CSS.Translate.toString(drag.transform),
        zIndex: drag.isDragging ? 10 : undefined,
        boxShadow: drag.isDragging ? 'var(--mantine-shadow-md)' : undefined,
        outline: over
          ? '2px solid var(--mantine-color-brand-5, var(--mantine-primary-color-filled))'
          : undefined,
        opacity: rule.active ? 1 : 0.65,
      }}
    >
      <Group wrap="wrap" align="flex-start" gap="sm">
        <Group wrap="nowrap" align="flex-start" gap="sm" style={{ flex: 1, minWidth: 'min(100%, 260px)' }}>
          {canEdit && (
            <ActionIcon
              variant="subtle"
              color="gray"
              {...drag.listeners}
              {...drag.attributes}
              aria-label={t('routing.dragHandle', { name: rule.name })}
              style={{ cursor: 'grab', touchAction: 'none' }}
              mt={2}
            >
              <IconGripVertical size={16} />
            </ActionIcon>
          )}
          <Badge variant="light" color="gray" circle mt={4}>
            {index + 1}
          </Badge>
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Group gap={6} wrap="wrap">
              <Text fw={600} size="sm">
                {rule.name}
              </Text>
              {(rule.kinds.length ? rule.kinds : (['all'] as const)).map((k) => (
                <Badge key={k} size="xs" variant="outline" color="gray">
                  {k === 'all' ? t('routing.allKinds') : t(`routing.kinds.${k}`)}
                </Badge>
              ))}
            </Group>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {conditionsSummary(rule, t, ctx)}
            </Text>
            <Group gap={4} wrap="wrap">
              {actionsSummary(rule, t, names).map((a) => (
                <Badge key={a} size="sm" variant="light" tt="none">
                  {a}
                </Badge>
              ))}
            </Group>
          </Stack>
        </Group>
        <Group gap={2} wrap="nowrap" ml="auto">
          <Switch
            size="sm"
            checked={rule.active}
            disabled={!canEdit || save.isPending}
            aria-label={t('routing.activeNamed', { name: rule.name })}
            onChange={(e) =>
              save.mutate(
                { rule, body: { active: e.currentTarget.checked } },
                { onError: (err) => notifications.show({ color: 'red', message: errorMessage(err, t) }) },
              )
            }
            mr="xs"
          />
          {canEdit && (
            <>
              <ActionIcon
                variant="subtle"
                color="gray"
                disabled={index === 0}
                onClick={() => onMove(index, index - 1)}
                aria-label={t('routing.moveUp', { name: rule.name })}
              >
                <IconChevronUp size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="gray"
                disabled={index === count - 1}
                onClick={() => onMove(index, index + 1)}
                aria-label={t('routing.moveDown', { name: rule.name })}
              >
                <IconChevronDown size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={onEdit}
                aria-label={t('settings.editNamed', { name: rule.name })}
              >
                <IconPencil size={16} />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={onDelete}
                aria-label={t('settings.deleteNamed', { name: rule.name })}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </>
          )}
        </Group>
      </Group>
    </Card>
  );
}

/** Settings → Routing: the ordered rules (drag or move to reorder; the first that holds decides) and the test bench. */
export function RoutingRulesTab() {
  const { t } = useTranslation();
  const can = useCan();
  const rules = useRoutingRules();
  const { remove, reorder } = useRuleMutations();
  const queues = useQueues();
  const policies = useSlaPolicies();
  const teams = useTeams();
  const users = useUserNames();
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const [removing, setRemoving] = useState<RoutingRule | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const canEdit = can('update', 'routing_rules');
  const list = rules.data ?? [];
  const names: Names = {
    queue: (id) => queues.data?.find((q) => q.id === id)?.name,
    policy: (id) => policies.data?.find((p) => p.id === id)?.name,
    user: (id) => users.get(id),
    team: (id) => teams.data?.find((x) => x.id === id)?.name,
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= list.length || from === to) return;
    const ids = list.map((r) => r.id);
    const [id] = ids.splice(from, 1);
    ids.splice(to, 0, id!);
    reorder.mutate(ids, {
      onError: (err) => notifications.show({ color: 'red', message: errorMessage(err, t) }),
    });
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    move(
      list.findIndex((r) => r.id === active.id),
      list.findIndex((r) => r.id === over.id),
    );
  };

  return (
    <Stack gap="lg">
      <Card>
        <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
          <div>
            <Text fw={600}>{t('routing.title')}</Text>
            <Text size="sm" c="dimmed">
              {t('routing.hint')}
            </Text>
          </div>
          {can('create', 'routing_rules') && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
              {t('routing.newRule')}
            </Button>
          )}
        </Group>
        {rules.isPending ? (
          <Center py="lg">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : rules.isError ? (
          <Text c="red" size="sm">
            {errorMessage(rules.error, t)}
          </Text>
        ) : list.length === 0 ? (
          <Text c="dimmed" size="sm" ta="center" py="lg">
            {t('routing.empty')}
          </Text>
        ) : (
          <DndContext sensors={sensors} onDragEnd={onDragEnd}>
            <Stack
              gap="xs"
              component="ol"
              aria-label={t('routing.title')}
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
            >
              {list.map((rule, i) => (
                <li key={rule.id}>
                  <RuleRow
                    rule={rule}
                    index={i}
                    count={list.length}
                    canEdit={canEdit}
                    names={names}
                    onMove={move}
                    onEdit={() => setEditing(rule)}
                    onDelete={() => setRemoving(rule)}
                  />
                </li>
              ))}
            </Stack>
          </DndContext>
        )}
        {list.length > 0 && (
          <Tooltip label={t('routing.orderHint')}>
            <Text size="xs" c="dimmed" mt="sm" w="fit-content">
              {t('routing.firstWins')}
            </Text>
          </Tooltip>
        )}
      </Card>
      <TestBench />
      {editing && (
        <RuleEditorModal rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      <ConfirmMutationDialog
        target={removing}
        mutation={remove}
        onClose={() => setRemoving(null)}
        title={t('routing.deleteRule')}
        message={t('records.deleteConfirm', { name: removing?.name ?? '' })}
      />
    </Stack>
  );
}
