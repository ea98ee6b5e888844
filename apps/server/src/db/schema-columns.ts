/** Column helpers shared by the Drizzle schema files (not tables: schema.ts does not re-export them). */
import { integer, timestamp } from 'drizzle-orm/pg-core';

/** timestamptz(3), read as a Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

/** created_at, updated_at and the version that ETag / If-Match compare. */
export const stamps = {
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
};
