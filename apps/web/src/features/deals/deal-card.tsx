import { useDraggable, useDroppable } from '@dnd-kit/core';
import { Group, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format.ts';
import classes from './deals.module.css';
import type { Card } from './deals-api.ts';

/** What a card shows: name, account, amount, owner and days in the stage. */
export function DealCardBody({ card, dragging }: { card: Card; dragging?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <div className={`${classes.card} ${dragging ? classes.dragging : ''}`}>
      <Text size="sm" fw={600} lineClamp={2} className={classes.cardName}>
        {dragging ? (
          card.name
        ) : (
          <Link
            to="/deals/$dealId"
            params={{ dealId: card.id }}
            className={classes.cardLink}
            onMouseDown={(e) => e.stopPropagation()}
          >
            {card.name}
          </Link>
        )}
      </Text>
      {(card.account ?? card.contact) && (
        <Text size="xs" c="dimmed" truncate>
          {(card.account ?? card.contact)!.name}
        </Text>
      )}
      <Group justify="space-between" mt={6} gap={4} wrap="nowrap">
        <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatMoney(card.amount, card.currency, i18n.language, true)}
        </Text>
        <Text size="xs" c="dimmed" title={t('deals.daysInStageTitle')}>
          {t('deals.daysInStage', { count: card.daysInStage })}
        </Text>
      </Group>
      {card.owner && (
        <Text size="xs" c="dimmed" truncate mt={2}>
          {card.owner.name}
        </Text>
      )}
    </div>
  );
}

/** A board card: draggable to another column, and a drop target to place cards before it. */
export function DealCard({ card, disabled }: { card: Card; disabled: boolean }) {
  const drag = useDraggable({ id: `card:${card.id}`, data: { card }, disabled });
  const drop = useDroppable({ id: `card:${card.id}`, data: { card } });
  const style: CSSProperties = { opacity: drag.isDragging ? 0.35 : 1 };
  return (
    <div
      ref={(el) => {
        drag.setNodeRef(el);
        drop.setNodeRef(el);
      }}
      style={style}
      className={`${classes.cardSlot} ${drop.isOver && !drag.isDragging ? classes.dropBefore : ''}`}
      data-deal-id={card.id}
      {...drag.attributes}
      {...drag.listeners}
    >
      <DealCardBody card={card} />
    </div>
  );
}
