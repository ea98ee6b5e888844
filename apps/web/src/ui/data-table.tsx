import { Button, Center, Loader, Skeleton, Stack } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './data-table.module.css';
import { IconChevronDown, IconChevronUp, IconSelector } from './icons.tsx';

export type Column<T> = {
  key: string;
  header: string;
  /** The API sort key; the header is a sort button when set. */
  sortKey?: string;
  /** A CSS grid track, e.g. `minmax(200px, 2fr)`. */
  width: string;
  render: (row: T) => ReactNode;
};

type Props<T> = {
  label: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  rowLabel: (row: T) => string;
  sort: string | undefined;
  onSortChange: (sort: string | undefined) => void;
  onRowOpen: (row: T) => void;
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  empty: ReactNode;
  footer?: ReactNode;
  /** The most the table grows to before it scrolls; by default the rest of the viewport. */
  maxHeight?: string;
  rowHeight?: number;
};

function nextSort(current: string | undefined, key: string): string | undefined {
  if (current === key) return `-${key}`;
  if (current === `-${key}`) return undefined;
  return key;
}

/** A virtualised, sortable table with infinite loading; rows open on click or Enter. */
export function DataTable<T>(props: Props<T>) {
  const { t } = useTranslation();
  const { rows, columns, rowHeight = 52, hasMore, loadingMore, onLoadMore } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && rows.length > 0 && lastIndex >= rows.length - 8) onLoadMore();
  }, [lastIndex, rows.length, hasMore, loadingMore, onLoadMore]);

  const minWidth = columns.reduce((sum, c) => sum + Number(/(\d+)px/.exec(c.width)?.[1] ?? 120), 0);
  const style = {
    '--table-columns': columns.map((c) => c.width).join(' '),
    '--table-min-width': `${minWidth}px`,
  } as CSSProperties;
  const onKey = (e: KeyboardEvent, row: T) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      props.onRowOpen(row);
    }
  };

  return (
    <div
      className={classes.wrapper}
      style={{ ...style, maxHeight: props.maxHeight ?? 'calc(100vh - 230px)' }}
    >
      <div ref={scrollRef} className={classes.scroller}>
        <table
          className={classes.table}
          aria-label={props.label}
          aria-rowcount={rows.length + 1}
          aria-busy={props.loading || loadingMore}
        >
          <thead className={classes.header}>
            <tr className={classes.row}>
              {columns.map((c) => {
                const dir =
                  props.sort === c.sortKey
                    ? 'ascending'
                    : props.sort === `-${c.sortKey}`
                      ? 'descending'
                      : 'none';
                return (
                  <th
                    key={c.key}
                    aria-sort={c.sortKey ? dir : undefined}
                    className={classes.headerCell}
                    scope="col"
                  >
                    {c.sortKey ? (
                      <button
                        type="button"
                        className={`${classes.sortButton} ${dir !== 'none' ? classes.sorted : ''}`}
                        onClick={() => props.onSortChange(nextSort(props.sort, c.sortKey!))}
                        aria-label={t('table.sortBy', { column: c.header })}
                      >
                        {c.header}
                        {dir === 'ascending' ? (
                          <IconChevronUp size={14} />
                        ) : dir === 'descending' ? (
                          <IconChevronDown size={14} />
                        ) : (
                          <IconSelector size={14} opacity={0.5} />
                        )}
                      </button>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          {rows.length > 0 && (
            <tbody className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => {
                const row = rows[item.index]!;
                return (
                  <tr
                    key={props.rowKey(row)}
                    tabIndex={0}
                    aria-rowindex={item.index + 2}
                    aria-label={props.rowLabel(row)}
                    className={`${classes.row} ${classes.bodyRow}`}
                    style={{ height: item.size, transform: `translateY(${item.start}px)` }}
                    onClick={() => props.onRowOpen(row)}
                    onKeyDown={(e) => onKey(e, row)}
                  >
                    {columns.map((c) => (
                      <td key={c.key} className={classes.cell}>
                        {c.render(row)}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          )}
        </table>
        {props.loading && rows.length === 0 ? (
          <Stack gap={0} p="md">
            {[0, 1, 2, 3, 4, 5].map((i) => (
              <Skeleton key={i} height={20} my={14} radius="sm" />
            ))}
          </Stack>
        ) : rows.length === 0 ? (
          <Center py={60}>{props.empty}</Center>
        ) : null}
      </div>
      <div className={classes.footer}>
        <span>{props.footer}</span>
        {hasMore ? (
          <Button size="compact-xs" variant="subtle" onClick={onLoadMore} loading={loadingMore}>
            {t('table.loadMore')}
          </Button>
        ) : loadingMore ? (
          <Loader size="xs" />
        ) : null}
      </div>
    </div>
  );
}
