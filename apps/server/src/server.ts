import type { Database } from './db/connection.ts';
import { type StartOptions, startRuntime } from './runtime.ts';

/** Starts a full server (API, jobs, web app) and returns its URL and database. */
export async function startServer(
  opts: StartOptions = {},
): Promise<{ url: string; database: Database; close(): Promise<void> }> {
  const rt = await startRuntime({
    host: '127.0.0.1',
    ...opts,
    onDemo: async (db, scale) => {
      const { seedDemo } = await import('./db/seed/demo.ts'); // faker is large: load it only to seed
      await seedDemo(db, { scale, seed: 42 });
    },
  });
  return { url: rt.url ?? '', database: rt.database, close: () => rt.close() };
}
