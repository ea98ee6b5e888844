// Business hours and holidays in a time zone: the clock SLA targets run on. Local wall times are
// turned into instants with @date-fns/tz, so daylight-saving changes shorten or lengthen a day
// the way they do for the people working it.
import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { isoDay } from '../commerce.schema.ts';

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

const hhmm = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time HH:MM');
const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const interval = z
  .tuple([hhmm, hhmm])
  .refine(([a, b]) => minutesOf(a) < minutesOf(b), { message: 'must end after it starts' });
const dayHours = z
  .array(interval)
  .max(4)
  .refine(
    (list) => {
      const sorted = [...list].sort((x, y) => minutesOf(x[0]) - minutesOf(y[0]));
      return sorted.every((iv, i) => i === 0 || minutesOf(iv[0]) >= minutesOf(sorted[i - 1]![1]));
    },
    { message: 'intervals must not overlap' },
  );

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be an IANA time zone, e.g. Europe/Stockholm' },
  );

const day = dayHours.default([]);
const hoursSchema = z
  .object({ sun: day, mon: day, tue: day, wed: day, thu: day, fri: day, sat: day })
  .strict()
  .refine((h) => weekdays.some((d) => (h[d] ?? []).length > 0), {
    message: 'at least one day needs opening hours',
  });

export const businessCalendarSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    timezone: timeZoneSchema,
    hours: hoursSchema,
    holidays: z.array(isoDay).max(1000).default([]),
  })
  .strict();
export type BusinessCalendarInput = z.infer<typeof businessCalendarSchema>;
export const businessCalendarUpdateSchema = businessCalendarSchema.partial().strict();

export type BusinessCalendar = {
  timezone: string;
  hours: Partial<Record<Weekday, readonly (readonly [string, string])[]>>;
  holidays: readonly string[];
};

const MINUTE = 60_000;
/** Ten years of days: a calendar always opens well within that (it has weekly hours). */
const MAX_DAYS = 3700;

type LocalDay = { y: number; m: number; d: number };

const localDayOf = (t: number, tz: string): LocalDay => {
  const z = new TZDate(t, tz);
  return { y: z.getFullYear(), m: z.getMonth(), d: z.getDate() };
};
/** The next calendar day: plain date arithmetic, the same in every time zone. */
const nextDay = (day: LocalDay): LocalDay => {
  const z = new Date(Date.UTC(day.y, day.m, day.d + 1));
  return { y: z.getUTCFullYear(), m: z.getUTCMonth(), d: z.getUTCDate() };
};
const isoOf = (day: LocalDay) =>
  `${day.y}-${String(day.m + 1).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;

/**
 * Open intervals by time zone, weekly hours and day. Turning wall times into instants asks Intl
 * for the zone's offset, which costs far more than the rest of the clock arithmetic, and cases
 * keep landing on the same days.
 */
const dayCache = new Map<string, readonly (readonly [number, number])[]>();
const DAY_CACHE_MAX = 20_000;

/** The open intervals of one local day as instants [from, to), in order. */
function openIntervals(
  cal: BusinessCalendar,
  hoursKey: string,
  day: LocalDay,
  holidays: ReadonlySet<string>,
): readonly (readonly [number, number])[] {
  const iso = isoOf(day);
  if (holidays.has(iso)) return [];
  const key = `${cal.timezone}|${hoursKey}|${iso}`;
  const cached = dayCache.get(key);
  if (cached) return cached;
  const weekday = weekdays[new Date(Date.UTC(day.y, day.m, day.d)).getUTCDay()]!;
  const at = (hm: string) => {
    const mins = minutesOf(hm);
    return new TZDate(day.y, day.m, day.d, Math.floor(mins / 60), mins % 60, cal.timezone).getTime();
  };
  const out = [...(cal.hours[weekday] ?? [])]
    .map(([a, b]): [number, number] => [at(a), at(b)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  if (dayCache.size >= DAY_CACHE_MAX) dayCache.clear();
  dayCache.set(key, out);
  return out;
}

/**
 * The instant `minutes` business minutes after `start`. Without a calendar the clock runs
 * around the clock (24/7).
 */
export function addBusinessMinutes(cal: BusinessCalendar | null, start: Date, minutes: number): Date {
  if (!(minutes > 0)) return new Date(start);
  if (!cal) return new Date(start.getTime() + minutes * MINUTE);
  const holidays = new Set(cal.holidays);
  const hoursKey = JSON.stringify(cal.hours);
  let remaining = minutes * MINUTE;
  let day = localDayOf(start.getTime(), cal.timezone);
  const t0 = start.getTime();
  for (let i = 0; i < MAX_DAYS; i++) {
    for (const [open, close] of openIntervals(cal, hoursKey, day, holidays)) {
      const from = Math.max(open, t0);
      if (from >= close) continue;
      if (remaining <= close - from) return new Date(from + remaining);
      remaining -= close - from;
    }
    day = nextDay(day);
  }
  throw new RangeError('the business calendar has no open hours within ten years');
}

/** Business minutes between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(cal: BusinessCalendar | null, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  if (!cal) return (b - a) / MINUTE;
  const holidays = new Set(cal.holidays);
  const hoursKey = JSON.stringify(cal.hours);
  let total = 0;
  let day = localDayOf(a, cal.timezone);
  const last = isoOf(localDayOf(b, cal.timezone));
  for (let i = 0; i < MAX_DAYS * 2; i++) {
    for (const [open, close] of openIntervals(cal, hoursKey, day, holidays)) {
      const lo = Math.max(open, a);
      const hi = Math.min(close, b);
      if (hi > lo) total += hi - lo;
    }
    if (isoOf(day) === last) break;
    day = nextDay(day);
  }
  return total / MINUTE;
}
