import { Badge, type MantineColor, type MantineSize, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { IconClock } from '../../ui/icons-activity.tsx';
import type { Case, SlaClock, SlaState } from './cases-api.ts';

export const slaColors: Record<SlaState, MantineColor> = {
  none: 'gray',
  running: 'blue',
  warning: 'yellow',
  breached: 'red',
  met: 'teal',
  missed: 'red',
  paused: 'gray',
};

const live: readonly SlaState[] = ['running', 'warning', 'breached'];

/** The current time, ticking every `ms` while `enabled`. */
export function useNow(ms = 1000, enabled = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    setNow(Date.now());
    const id = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(id);
  }, [ms, enabled]);
  return now;
}

/** Where a running clock stands now: the server's state moves on to warning and breach as time passes. */
export function liveState(clock: Pick<SlaClock, 'state' | 'dueAt' | 'warnAt'>, now: number): SlaState {
  if (!live.includes(clock.state) || !clock.dueAt) return clock.state;
  if (now >= Date.parse(clock.dueAt)) return 'breached';
  if (clock.warnAt && now >= Date.parse(clock.warnAt)) return 'warning';
  return 'running';
}

/** Time left (or overdue) as "2d 4h", "3h 12m 5s" or "12m 5s" in the user's language. */
export function formatRemaining(ms: number, locale: string): string {
  const abs = Math.abs(ms);
  const unit = (n: number, u: 'day' | 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'narrow' }).format(n);
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const s = Math.floor((abs % 60_000) / 1000);
  if (d) return `${unit(d, 'day')} ${unit(h, 'hour')}`;
  if (h) return `${unit(h, 'hour')} ${unit(m, 'minute')} ${unit(s, 'second')}`;
  return `${unit(m, 'minute')} ${unit(s, 'second')}`;
}

export type ClockName = 'firstResponse' | 'resolution';

/** The clock a queue shows: the first response while it runs, else resolution. */
export function currentClock(c: Case): { name: ClockName; clock: SlaClock } | null {
  const { firstResponse, resolution } = c.sla;
  if (live.includes(firstResponse.state)) return { name: 'firstResponse', clock: firstResponse };
  if (resolution.state !== 'none') return { name: 'resolution', clock: resolution };
  if (firstResponse.state !== 'none') return { name: 'firstResponse', clock: firstResponse };
  return null;
}

/** The words for a clock now: "3 h 12 min left", "20 min overdue", "Paused", "Met". */
export function useClockText(clock: Pick<SlaClock, 'state' | 'dueAt' | 'warnAt'>) {
  const { t, i18n } = useTranslation();
  const now = useNow(1000, live.includes(clock.state));
  const state = liveState(clock, now);
  const remaining = clock.dueAt ? Date.parse(clock.dueAt) - now : 0;
  const time = formatRemaining(remaining, i18n.language);
  const text =
    state === 'running' || state === 'warning'
      ? t('cases.sla.left', { time })
      : state === 'breached'
        ? t('cases.sla.overdue', { time })
        : t(`cases.sla.states.${state}`);
  return { state, text };
}

/** A live countdown to a clock's due time, coloured by its state. */
export function SlaTimer({
  clock,
  name,
  size = 'md',
}: {
  clock: SlaClock;
  name: ClockName;
  size?: MantineSize;
}) {
  const { t, i18n } = useTranslation();
  const { state, text } = useClockText(clock);
  const label = `${t(`cases.sla.${name}`)}: ${text}`;
  return (
    <Tooltip
      label={clock.dueAt ? t('cases.sla.dueAt', { time: formatDateTime(clock.dueAt, i18n.language) }) : label}
      withArrow
    >
      <Badge
        size={size}
        variant={state === 'breached' ? 'filled' : 'light'}
        color={slaColors[state]}
        leftSection={<IconClock size={12} />}
        tt="none"
        fw={600}
        aria-label={label}
        data-sla-state={state}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {text}
      </Badge>
    </Tooltip>
  );
}
