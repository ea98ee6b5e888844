import { seedDemo } from './db/seed/demo.ts';
import { type StartOptions, startRuntime } from './runtime.ts';

/** Starts a full server (API, jobs, web app) and returns its URL. */
export async function startServer(opts: StartOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const rt = await startRuntime({
    host: '127.0.0.1',
    ...opts,
    onDemo: (db, scale) => seedDemo(db, { scale, seed: 42 }).then(() => {}),
  });
  return { url: rt.url ?? '', close: () => rt.close() };
}
