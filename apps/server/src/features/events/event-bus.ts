/**
 * Events for signed-in users' browsers (screen pops, reminders), across every API process:
 * published with pg_notify (inside the caller's transaction when one is given, so they go
 * out on commit) and delivered to the Server-Sent Events streams each process holds.
 */
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/connection.ts';

export const CHANNEL = 'relata_user_events';

export type UserEvent = { type: string; userId: string; data: Record<string, unknown> };
type Listener = (e: UserEvent) => void;

export type EventBus = {
  publish(ex: Executor, event: UserEvent): Promise<void>;
  subscribe(userId: string, fn: Listener): () => void;
  start(): Promise<void>;
  stop(): Promise<void>;
};

export function createEventBus(database: Database): EventBus {
  const listeners = new Map<string, Set<Listener>>();
  let unlisten: (() => Promise<void>) | null = null;
  const deliver = (payload: string) => {
    try {
      const e = JSON.parse(payload) as UserEvent;
      for (const fn of listeners.get(e.userId) ?? []) fn(e);
    } catch {
      // not ours
    }
  };
  return {
    async publish(ex, event) {
      await ex.execute(sql`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(event)})`);
    },
    subscribe(userId, fn) {
      if (!listeners.has(userId)) listeners.set(userId, new Set());
      listeners.get(userId)!.add(fn);
      return () => {
        listeners.get(userId)?.delete(fn);
        if (listeners.get(userId)?.size === 0) listeners.delete(userId);
      };
    },
    async start() {
      if (!unlisten) unlisten = await database.listen(CHANNEL, deliver);
    },
    async stop() {
      await unlisten?.();
      unlisten = null;
      listeners.clear();
    },
  };
}
