/** iCalendar in and out (ical.js): meeting and task events for feeds, VEVENT parsing for imports. */
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';

export type CalendarEntry = {
  uid: string;
  summary: string;
  start: Date;
  end: Date | null;
  location?: string | null;
  description?: string | null;
  status?: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  attendees?: string[];
  categories?: string[];
  updatedAt?: Date;
};

export type ParsedEvent = {
  uid: string;
  summary: string;
  start: Date;
  end: Date | null;
  location: string | null;
  description: string | null;
  cancelled: boolean;
  emails: string[];
};

export class IcsError extends Error {}

const utc = (d: Date) => ICAL.Time.fromJSDate(d, true);

/** A VCALENDAR with one VEVENT per entry. */
export function buildCalendar(entries: CalendarEntry[], opts: { name?: string; now: Date }): string {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.updatePropertyWithValue('prodid', '-//Relata//CRM//EN');
  cal.updatePropertyWithValue('version', '2.0');
  cal.updatePropertyWithValue('calscale', 'GREGORIAN');
  cal.updatePropertyWithValue('method', 'PUBLISH');
  if (opts.name) cal.updatePropertyWithValue('x-wr-calname', opts.name);
  for (const e of entries) {
    const ve = new ICAL.Component('vevent');
    const ev = new ICAL.Event(ve);
    ev.uid = e.uid;
    ev.summary = e.summary;
    ev.startDate = utc(e.start);
    ev.endDate = utc(e.end && e.end >= e.start ? e.end : new Date(e.start.getTime() + 30 * 60_000));
    ve.updatePropertyWithValue('dtstamp', utc(e.updatedAt ?? opts.now));
    if (e.location) ev.location = e.location;
    if (e.description) ev.description = e.description;
    if (e.status) ve.updatePropertyWithValue('status', e.status);
    for (const c of e.categories ?? []) ve.addPropertyWithValue('categories', c);
    for (const a of e.attendees ?? []) {
      const p = ve.addPropertyWithValue('attendee', `mailto:${a}`);
      p.setParameter('role', 'REQ-PARTICIPANT');
    }
    cal.addSubcomponent(ve);
  }
  return cal.toString();
}

function toDate(t: ICAL.Time | null | undefined): Date | null {
  if (!t) return null;
  const d = t.isDate ? new Date(Date.UTC(t.year, t.month - 1, t.day)) : t.toJSDate();
  const y = d.getUTCFullYear();
  return Number.isNaN(d.getTime()) || y < 1900 || y > 2200 ? null : d;
}

const text = (v: unknown, max: number): string | null => {
  if (typeof v !== 'string') return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: PostgreSQL text cannot hold NUL
  const s = v.replace(/\u0000/g, '').trim();
  return s ? s.slice(0, max) : null;
};

function emailOf(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const a = v
    .replace(/^mailto:/i, '')
    .trim()
    .toLowerCase();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: addresses hold no control characters
  return /^[^\s@<>\u0000-\u001f]+@[^\s@<>\u0000-\u001f]+$/.test(a) && a.length <= 320 ? a : null;
}

function readEvent(vevent: ICAL.Component, method: string | null): ParsedEvent | null {
  const ev = new ICAL.Event(vevent);
  const start = toDate(ev.startDate);
  if (!start) return null;
  let end = toDate(ev.endDate);
  if (end && end < start) end = null;
  const summary = text(ev.summary, 500) ?? '';
  const rawUid = text(ev.uid, 10_000);
  const uid =
    rawUid && rawUid.length <= 255
      ? rawUid
      : createHash('sha256')
          .update(rawUid ?? `${summary}|${start.toISOString()}`)
          .digest('hex');
  const emails = [
    ...vevent.getAllProperties('attendee').map((p) => emailOf(p.getFirstValue())),
    emailOf(vevent.getFirstPropertyValue('organizer')),
  ].filter((x): x is string => Boolean(x));
  const status = String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase();
  return {
    uid,
    summary,
    start,
    end,
    location: text(ev.location, 500),
    description: text(ev.description, 20_000),
    cancelled: status === 'CANCELLED' || method === 'CANCEL',
    emails: [...new Set(emails)].slice(0, 50),
  };
}

/**
 * The events of an iCalendar text (first occurrence of recurring ones). Time zones the file
 * defines are registered only while it is read, so one import cannot change another's.
 */
export function parseIcsEvents(source: string, limit = 50): ParsedEvent[] {
  const registered: string[] = [];
  try {
    const parsed = ICAL.parse(source) as unknown;
    const roots = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
    const out: ParsedEvent[] = [];
    for (const root of roots) {
      const cal = new ICAL.Component(root as unknown[]);
      if (cal.name !== 'vcalendar') throw new IcsError('not a VCALENDAR');
      for (const vtz of cal.getAllSubcomponents('vtimezone')) {
        const tz = new ICAL.Timezone(vtz);
        if (tz.tzid && !ICAL.TimezoneService.has(tz.tzid)) {
          ICAL.TimezoneService.register(tz);
          registered.push(tz.tzid);
        }
      }
      const method = text(cal.getFirstPropertyValue('method'), 50)?.toUpperCase() ?? null;
      for (const ve of cal.getAllSubcomponents('vevent')) {
        if (out.length >= limit) break;
        const e = readEvent(ve, method);
        if (e) out.push(e);
      }
    }
    return out;
  } catch (e) {
    if (e instanceof IcsError) throw e;
    throw new IcsError(e instanceof Error ? e.message.slice(0, 300) : 'not valid iCalendar');
  } finally {
    for (const tzid of registered) ICAL.TimezoneService.remove(tzid);
  }
}
