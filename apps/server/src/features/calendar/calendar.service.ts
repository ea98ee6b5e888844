/**
 * Calendars: a private iCalendar feed per user (planned meetings and open tasks with due
 * dates), one meeting as .ics, and .ics invitations imported as planned meetings (the UID is
 * kept as external_ref, so a re-import updates instead of duplicating).
 */
import { randomBytes } from 'node:crypto';
import { type Actor, type CalendarImport, foldText } from '@relata/domain';
import type { Db, Executor } from '../../db/connection.ts';
import { forbidden, invalid } from '../../http/errors.ts';
import { htmlToText, sanitizeRichText, textToHtml } from '../../http/html.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { auditEntry } from '../audit/audit.service.ts';
import { getContact, getContactsByIds } from '../contacts/contacts.repository.ts';
import { contactsByEmail, usersByEmail } from '../email/email.repository.ts';
import * as interactionsRepo from '../interactions/interactions.repository.ts';
import type { InteractionService } from '../interactions/interactions.service.ts';
import { authorize } from '../shared/guards.ts';
import * as repo from './calendar.repository.ts';
import { buildCalendar, type CalendarEntry, IcsError, type ParsedEvent, parseIcsEvents } from './ical.ts';

const TASK_MINUTES = 15;
const FEED_PAST_DAYS = 30;

export function createCalendarService(deps: {
  db: Db;
  clock: () => Date;
  interactions: InteractionService;
  publicUrl: string | undefined;
}) {
  const { db, clock } = deps;
  const feedUrl = (origin: string, token: string) => `${deps.publicUrl ?? origin}/cal/${token}.ics`;
  const userIdOf = (actor: Actor) => {
    if (!actor.userId) throw forbidden('Calendars belong to users');
    return actor.userId;
  };

  /** Meetings as calendar entries, with their contacts' addresses as attendees. */
  async function meetingEntries(
    ex: Executor,
    rows: interactionsRepo.InteractionRow[],
  ): Promise<CalendarEntry[]> {
    const people = await interactionsRepo.participantsOf(
      ex,
      rows.map((r) => r.id),
    );
    const contactIds = [...people.values()]
      .flat()
      .filter((p) => p.type === 'contact')
      .map((p) => p.id);
    const contacts = new Map((await getContactsByIds(ex, [...new Set(contactIds)])).map((c) => [c.id, c]));
    return rows.map((r) => ({
      uid: r.externalRef ?? `${r.id}@relata`,
      summary: r.subject || 'Meeting',
      start: r.occurredAt,
      end:
        r.endsAt ?? (r.durationSeconds ? new Date(r.occurredAt.getTime() + r.durationSeconds * 1000) : null),
      location: r.location,
      description: r.notes ? htmlToText(r.notes) : null,
      status: r.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      attendees: (people.get(r.id) ?? [])
        .map((p) => (p.type === 'contact' ? contacts.get(p.id)?.primaryEmail : null))
        .filter((x): x is string => Boolean(x)),
      updatedAt: r.updatedAt,
    }));
  }

  /** A meeting we exported ourselves comes back with the UID `<id>@relata`. */
  async function exportedMeeting(tx: Executor, uid: string) {
    const id = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@relata$/.exec(uid)?.[1];
    const row = id ? await interactionsRepo.getInteraction(tx, id, true) : undefined;
    return row?.channel === 'meeting' && !row.externalRef ? row : undefined;
  }

  async function upsertMeeting(tx: Executor, actor: Actor, ev: ParsedEvent, contactId: string | undefined) {
    const matched = await contactsByEmail(tx, ev.emails);
    const users = await usersByEmail(tx, ev.emails);
    const contact = contactId ?? matched[0]?.id;
    if (!contact) {
      throw invalid([
        { field: 'contactId', code: 'required', message: 'no attendee is a known contact; give contactId' },
      ]);
    }
    const participants = [
      ...matched.map((c) => ({ type: 'contact' as const, id: c.id })),
      ...users.map((u) => ({ type: 'user' as const, id: u.id })),
    ];
    const fields = {
      status: ev.cancelled ? ('cancelled' as const) : ('planned' as const),
      occurredAt: ev.start,
      endsAt: ev.end,
      subject: ev.summary,
      notes: ev.description ? sanitizeRichText(textToHtml(ev.description)) : '',
      location: ev.location,
    };
    const existing =
      (await interactionsRepo.findByExternalRef(tx, 'meeting', ev.uid)) ??
      (await exportedMeeting(tx, ev.uid));
    if (!existing) {
      const { row } = await deps.interactions.createInTx(
        tx,
        actor,
        {
          channel: 'meeting',
          direction: 'outbound',
          initiative: 'company',
          ...fields,
          occurredAt: ev.start.toISOString(),
          endsAt: ev.end?.toISOString() ?? null,
          contactId: contact,
          participants,
        },
        { externalRef: ev.uid },
      );
      return { id: row.id, created: true };
    }
    const cur = authorize(actor, 'update', 'interactions', existing, 'Interaction');
    await interactionsRepo.updateInteraction(tx, cur.id, {
      ...fields,
      // A meeting already held keeps its status; only its details follow the invitation.
      status: cur.status === 'done' ? 'done' : fields.status,
      searchText: foldText(`${ev.summary} ${cur.outcomeNote ?? ''}`),
      updatedAt: clock(),
      version: cur.version + 1,
    });
    const keep = (await interactionsRepo.participantsOf(tx, [cur.id])).get(cur.id) ?? [];
    const all = [...keep, ...participants].filter(
      (p, i, list) => list.findIndex((q) => q.type === p.type && q.id === p.id) === i,
    );
    await interactionsRepo.setParticipants(tx, cur.id, all);
    await insertAudit(
      tx,
      auditEntry(actor, 'update', 'interaction', cur.id, {
        occurredAt: { from: cur.occurredAt.toISOString(), to: ev.start.toISOString() },
        subject: { from: cur.subject, to: ev.summary },
      }),
    );
    return { id: cur.id, created: false };
  }

  return {
    /** The user's feed URL; the secret token is made on first request. */
    async feedUrl(actor: Actor, origin: string): Promise<{ calendarFeedUrl: string }> {
      const userId = userIdOf(actor);
      let token = await repo.calendarTokenOf(db, userId);
      if (!token) {
        await repo.setCalendarToken(db, userId, randomBytes(24).toString('base64url'), true);
        token = await repo.calendarTokenOf(db, userId);
      }
      return { calendarFeedUrl: feedUrl(origin, token!) };
    },
    /** A new token: the old feed URL stops working at once. */
    async resetFeed(actor: Actor, origin: string): Promise<{ calendarFeedUrl: string }> {
      const userId = userIdOf(actor);
      const token = randomBytes(24).toString('base64url');
      await db.transaction(async (tx) => {
        await repo.setCalendarToken(tx, userId, token, false);
        await insertAudit(tx, auditEntry(actor, 'reset_calendar_feed', 'user', userId));
      });
      return { calendarFeedUrl: feedUrl(origin, token) };
    },
    /** The feed for a token, or undefined for an unknown token or an inactive user. */
    async feed(token: string): Promise<string | undefined> {
      const user = await repo.userByCalendarToken(db, token);
      if (!user?.active) return undefined;
      const now = clock();
      const since = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
      const meetings = await meetingEntries(db, await repo.plannedMeetingsFor(db, user.id, since));
      const tasks: CalendarEntry[] = (await repo.openTasksWithDueDate(db, user.id)).map((t) => ({
        uid: `task-${t.id}@relata`,
        summary: `Task: ${t.title}`,
        start: t.dueAt!,
        end: new Date(t.dueAt!.getTime() + TASK_MINUTES * 60_000),
        description: t.notes ? htmlToText(t.notes) : null,
        categories: ['Task'],
        updatedAt: t.updatedAt,
      }));
      return buildCalendar([...meetings, ...tasks], { name: `Relata: ${user.name}`, now });
    },
    /** One interaction as an .ics file. */
    async interactionIcs(actor: Actor, id: string): Promise<string> {
      const row = authorize(
        actor,
        'read',
        'interactions',
        await interactionsRepo.getInteraction(db, id),
        'Interaction',
      );
      return buildCalendar(await meetingEntries(db, [row]), { now: clock() });
    },
    /** Imports the VEVENTs of an invitation as planned meetings; re-importing a UID updates it. */
    async importIcs(actor: Actor, input: CalendarImport) {
      let events: ParsedEvent[];
      try {
        events = parseIcsEvents(input.ics);
      } catch (e) {
        if (!(e instanceof IcsError)) throw e;
        throw invalid([{ field: 'ics', code: 'invalid_ics', message: e.message }], 'Not valid iCalendar');
      }
      if (!events.length)
        throw invalid([{ field: 'ics', code: 'no_events', message: 'the calendar has no usable VEVENT' }]);
      return db.transaction(async (tx) => {
        if (input.contactId && !(await getContact(tx, input.contactId)))
          throw invalid([{ field: 'contactId', code: 'not_found', message: 'no such contact' }]);
        const out: { id: string; uid: string; created: boolean }[] = [];
        for (const ev of events)
          out.push({ ...(await upsertMeeting(tx, actor, ev, input.contactId)), uid: ev.uid });
        return out;
      });
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
