import {
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  MouseSensor,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { Badge, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { formatMoney } from '../../lib/format.ts';
import { useCan } from '../auth/auth-api.ts';
import { DealCard, DealCardBody } from './deal-card.tsx';
import classes from './deals.module.css';
import {
  type Board,
  type BoardFilter,
  boardKey,
  type Card,
  type Column,
  moreCards,
  useBoard,
  useMoveDeal,
} from './deals-api.ts';
import { LostReasonDialog } from './lost-reason-dialog.tsx';

/** Cards first (to place before one), else the column under the pointer. */
const collision: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  return within.length ? within : rectIntersection(args);
};

type Drop = { card: Card; stageId: string; position: number };

/** The pipeline as a kanban board: drag a card to another stage (or place), optimistic, undone on error. */
export function DealBoard({ pipelineId, filter }: { pipelineId: string; filter: BoardFilter }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const board = useBoard(pipelineId, filter);
  const move = useMoveDeal(pipelineId, filter);
  const [active, setActive] = useState<Card | null>(null);
  const [lostDrop, setLostDrop] = useState<Drop | null>(null);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // On touch screens a long press picks a card up, so a swipe still scrolls the board.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 6 } }),
    useSensor(KeyboardSensor),
  );
  const data = board.data;

  const commit = (d: Drop, lost?: { lostReasonId: string; lostNote: string | null }) => {
    move.mutate(
      { id: d.card.id, move: { stageId: d.stageId, position: d.position, ...(lost ?? {}) } },
      {
        onError: (e) =>
          notifications.show({ color: 'red', title: t('deals.moveFailed'), message: errorMessage(e, t) }),
      },
    );
  };

  const onDragStart = (e: DragStartEvent) => setActive((e.active.data.current?.card as Card) ?? null);
  const onDragEnd = (e: DragEndEvent) => {
    setActive(null);
    const card = e.active.data.current?.card as Card | undefined;
    if (!card || !e.over || !data) return;
    const overId = String(e.over.id);
    let target: Column | undefined;
    let position: number;
    if (overId.startsWith('card:')) {
      const overCard = e.over.data.current?.card as Card;
      if (overCard.id === card.id) return;
      target = data.stages.find((s) => s.id === overCard.stageId);
      const list = (target?.deals ?? []).filter((d) => d.id !== card.id);
      position = Math.max(
        0,
        list.findIndex((d) => d.id === overCard.id),
      );
    } else {
      target = data.stages.find((s) => `col:${s.id}` === overId);
      if (target?.id === card.stageId) return;
      position = 0;
    }
    if (!target) return;
    const drop = { card, stageId: target.id, position };
    if (target.kind === 'lost' && card.stageId !== target.id) setLostDrop(drop);
    else commit(drop);
  };

  const loadMore = async (col: Column) => {
    if (!col.nextCursor) return;
    try {
      const page = await moreCards(col.id, col.nextCursor, filter.ownerId);
      qc.setQueryData<Board>(boardKey(pipelineId, filter), (b) =>
        b
          ? {
              ...b,
              stages: b.stages.map((s) =>
                s.id === col.id
                  ? {
                      ...s,
                      nextCursor: page.nextCursor,
                      deals: [
                        ...s.deals,
                        ...page.data.map((d) => ({
                          id: d.id,
                          name: d.name,
                          stageId: d.stageId,
                          status: d.status,
                          amount: d.amount,
                          currency: d.currency,
                          amountBase: d.amountBase,
                          expectedCloseDate: d.expectedCloseDate,
                          daysInStage: d.daysInStage,
                          owner: d.owner ?? null,
                          account: d.account ?? null,
                          contact: d.contact ?? null,
                          rank: 0,
                          version: d.version,
                        })),
                      ],
                    }
                  : s,
              ),
            }
          : b,
      );
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e, t) });
    }
  };

  if (board.isPending)
    return (
      <Group gap="md" wrap="nowrap" align="flex-start">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} w={272} h={320} radius="md" />
        ))}
      </Group>
    );
  if (board.isError || !data) return <Text c="red">{errorMessage(board.error, t)}</Text>;
  const money = (v: number) => formatMoney(v, data.currency, i18n.language, true);

  return (
    <Stack gap="sm">
      <Group gap="lg" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('deals.openTotals', {
            count: data.totals.open.count,
            amount: money(data.totals.open.amount),
            weighted: money(data.totals.open.weighted),
          })}
        </Text>
      </Group>
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActive(null)}
      >
        <ul className={classes.board} aria-label={t('deals.board')}>
          {data.stages.map((col) => (
            <BoardColumn
              key={col.id}
              column={col}
              money={money}
              canMove={(c) => can('update', 'deals', { ownerId: c.owner?.id ?? null })}
              onMore={() => void loadMore(col)}
            />
          ))}
        </ul>
        <DragOverlay dropAnimation={null}>
          {active ? <DealCardBody card={active} dragging /> : null}
        </DragOverlay>
      </DndContext>
      <LostReasonDialog
        dealName={lostDrop?.card.name ?? ''}
        opened={lostDrop !== null}
        onCancel={() => setLostDrop(null)}
        onConfirm={(lost) => {
          if (lostDrop) commit(lostDrop, lost);
          setLostDrop(null);
        }}
      />
    </Stack>
  );
}

function BoardColumn({
  column,
  money,
  canMove,
  onMore,
}: {
  column: Column;
  money: (v: number) => string;
  canMove: (c: Card) => boolean;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  const drop = useDroppable({ id: `col:${column.id}` });
  return (
    <li
      ref={drop.setNodeRef}
      aria-label={column.name}
      data-stage-id={column.id}
      className={`${classes.column} ${classes[column.kind]} ${drop.isOver ? classes.columnOver : ''}`}
    >
      <div className={classes.columnHeader}>
        <Text fw={700} size="sm" lineClamp={1} title={column.name}>
          {column.name}
        </Text>
        <Group gap={6} mt={4} wrap="nowrap">
          <Badge
            size="sm"
            variant="light"
            color="gray"
            aria-label={t('deals.countLabel', { count: column.count })}
          >
            {column.count}
          </Badge>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {column.probability} %
          </Text>
        </Group>
        <Text size="xs" c="dimmed" mt={2} title={t('deals.weightedTitle', { amount: money(column.amount) })}>
          {t('deals.weightedSum', { amount: money(column.weighted) })}
        </Text>
      </div>
      <div className={classes.cards}>
        {column.deals.map((c) => (
          <DealCard key={c.id} card={c} disabled={!canMove(c)} />
        ))}
        {column.deals.length === 0 && (
          <Text size="xs" c="dimmed" ta="center" py="md">
            {t('deals.emptyColumn')}
          </Text>
        )}
        {column.nextCursor && (
          <Button size="compact-xs" variant="subtle" onClick={onMore}>
            {t('deals.moreCards', { count: column.count - column.deals.length })}
          </Button>
        )}
      </div>
    </li>
  );
}
