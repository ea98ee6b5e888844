import { and, asc, eq, gte, isNotNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/connection.ts';
import { interactionParticipants, interactions, tasks, users } from '../../db/schema.ts';

export async function userByCalendarToken(ex: Executor, token: string) {
  const [row] = await ex
    .select({ id: users.id, name: users.name, active: users.active })
    .from(users)
    .where(eq(users.calendarToken, token));
  return row;
}

export async function calendarTokenOf(ex: Executor, userId: string): Promise<string | null | undefined> {
  const [row] = await ex.select({ token: users.calendarToken }).from(users).where(eq(users.id, userId));
  return row ? row.token : undefined;
}

/** Sets the token unless one exists (`onlyIfUnset`) — two first requests agree on one token. */
export async function setCalendarToken(ex: Executor, userId: string, token: string, onlyIfUnset: boolean) {
  const [row] = await ex
    .update(users)
    .set({ calendarToken: token })
    .where(
      onlyIfUnset ? and(eq(users.id, userId), sql`${users.calendarToken} IS NULL`) : eq(users.id, userId),
    )
    .returning({ token: users.calendarToken });
  return row?.token ?? null;
}

/** Planned meetings the user owns or takes part in, from `since` on. */
export async function plannedMeetingsFor(ex: Executor, userId: string, since: Date, limit = 2000) {
  const participant = sql`${interactions.id} IN (SELECT ${interactionParticipants.interactionId} FROM ${interactionParticipants}
    WHERE ${interactionParticipants.participantType} = 'user' AND ${interactionParticipants.participantId} = ${userId}::uuid)`;
  return ex
    .select()
    .from(interactions)
    .where(
      and(
        eq(interactions.status, 'planned'),
        eq(interactions.channel, 'meeting'),
        gte(interactions.occurredAt, since),
        or(eq(interactions.ownerId, userId), participant),
      ),
    )
    .orderBy(asc(interactions.occurredAt))
    .limit(limit);
}

export async function openTasksWithDueDate(ex: Executor, userId: string, limit = 2000) {
  return ex
    .select()
    .from(tasks)
    .where(and(eq(tasks.assigneeId, userId), eq(tasks.status, 'open'), isNotNull(tasks.dueAt)))
    .orderBy(asc(tasks.dueAt))
    .limit(limit);
}
