/** `relata seed --demo [--scale N] [--seed S]`: loads deterministic demo data (migrations already applied). */
import type { Database } from '../db/connection.ts';
import { seedDemo } from '../db/seed/demo.ts';

export async function seedCommand(
  database: Database,
  args: { demo: boolean; scale: number; seed: number; verbose?: boolean },
): Promise<void> {
  if (!args.demo) throw new Error('relata seed needs --demo (the only kind of seed data there is)');
  const started = performance.now();
  const r = await seedDemo(database, {
    scale: args.scale,
    seed: args.seed,
    ...(args.verbose ? { log: (m: string) => console.log(`  ${m}`) } : {}),
  });
  const secs = (performance.now() - started) / 1000;
  console.log(
    `Seeded ${r.contacts} contacts, ${r.accounts} accounts, ${r.relationships} relationships, ` +
      `${r.users} demo users, ${r.teams} teams (seed ${args.seed}, ${database.kind}) in ${secs.toFixed(1)} s ` +
      `(${Math.round(r.contacts / Math.max(secs, 0.001))} contacts/s).`,
  );
}
