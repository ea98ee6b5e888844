/** The `relata` command: start, migrate, seed, create-admin, doctor. */
import { parseArgs } from 'node:util';
import { createOrResetAdmin, ensureRoles } from '../bootstrap.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { connect, type Database } from '../db/connection.ts';
import { migrate, pendingMigrations } from '../db/migrate.ts';
import { startRuntime } from '../runtime.ts';
import { clvCommand } from './clv.command.ts';

const usage = `Usage: relata <command> [options]

Commands:
  start                         migrate, set up on first run, serve (ROLE=api|worker|all)
  migrate                       apply database migrations
  seed --demo [--scale N] [--seed S] [--interactions N]
                                load deterministic demo data (N interactions per contact, default 4)
  create-admin [--password P]   create admin@relata.local or reset its password
                                (or RELATA_ADMIN_PASSWORD)
  doctor                        check Node.js, database and migrations
  clv fit --transactions FILE --calibration-end YYYY-MM-DD [--format cdnow] [--json] [--out F]
                                fit BG/NBD + Gamma-Gamma to a transaction log

Settings come from the environment; see the README.`;

async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: 4 });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function start(): Promise<number> {
  const rt = await startRuntime({
    logger: true,
    onDemo: async (db, scale) => {
      const t = Date.now();
      const { seedDemo } = await import('../db/seed/demo.ts'); // faker is large: load it only to seed
      const r = await seedDemo(db, { scale, seed: 42 });
      console.log(`Loaded demo data: ${r.contacts} contacts, ${r.accounts} accounts (${Date.now() - t} ms).`);
    },
  });
  if (rt.admin.created) {
    console.log(
      rt.admin.generated
        ? `\nCreated admin@relata.local with password: ${rt.admin.password}\n(shown once; change it in Settings, or set RELATA_ADMIN_PASSWORD before the first start)\n`
        : '\nCreated admin@relata.local with the password from RELATA_ADMIN_PASSWORD.\n',
    );
  }
  const where = rt.config.databaseUrl ? 'PostgreSQL' : `embedded database in ${rt.config.dataDir}`;
  console.log(
    rt.url
      ? `Relata is running at ${rt.url.replace('//127.0.0.1:', '//localhost:')} (${where}, role ${rt.config.role})`
      : `Relata worker running (${where})`,
  );
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (sig: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${sig}: shutting down...`);
      rt.close().then(resolve, (e) => {
        console.error(e);
        resolve();
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}

async function doctor(): Promise<number> {
  let ok = true;
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  const nodeOk = major > 22 || (major === 22 && minor >= 12);
  console.log(`${nodeOk ? 'ok  ' : 'FAIL'} Node.js ${process.version} (needs >= 22.12)`);
  ok &&= nodeOk;
  try {
    await withDatabase(async (db) => {
      await db.query('SELECT 1');
      console.log(`ok   database reachable (${db.kind})`);
      const trgm = await db.query("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'");
      const pending = await pendingMigrations(db);
      console.log(
        `${pending.length ? 'WARN' : 'ok  '} migrations: ${pending.length ? `${pending.length} pending (${pending.join(', ')}); run relata migrate` : 'up to date'}`,
      );
      console.log(
        `${trgm.length ? 'ok  ' : 'WARN'} pg_trgm ${trgm.length ? 'installed' : 'not installed yet (installed by migrations)'}`,
      );
    });
  } catch (e) {
    ok = false;
    console.log(`FAIL database: ${(e as Error).message}`);
  }
  return ok ? 0 : 1;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'start':
        return await start();
      case 'migrate':
        return await withDatabase(async (db) => {
          const applied = await migrate(db);
          console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date.');
          return 0;
        });
      case 'seed': {
        const { values } = parseArgs({
          args: rest,
          options: {
            demo: { type: 'boolean' },
            scale: { type: 'string' },
            seed: { type: 'string' },
            interactions: { type: 'string' },
          },
        });
        if (!values.demo) {
          console.error('relata seed needs --demo');
          return 2;
        }
        const scale = Number(values.scale ?? 1000);
        const seed = Number(values.seed ?? 42);
        const interactions = Number(values.interactions ?? 4);
        if (
          !Number.isInteger(scale) ||
          scale < 1 ||
          !Number.isInteger(seed) ||
          !Number.isInteger(interactions) ||
          interactions < 0
        ) {
          console.error('--scale, --seed and --interactions take whole numbers');
          return 2;
        }
        return await withDatabase(async (db) => {
          await migrate(db);
          await ensureRoles(db);
          const t = Date.now();
          const { seedDemo } = await import('../db/seed/demo.ts');
          const r = await seedDemo(db, {
            scale,
            seed,
            interactionsPerContact: interactions,
            log: (m) => console.log(m),
          });
          console.log(
            `Seeded ${r.contacts} contacts, ${r.accounts} accounts, ${r.relationships} relationships, ${r.interactions} interactions in ${((Date.now() - t) / 1000).toFixed(1)} s`,
          );
          return 0;
        });
      }
      case 'create-admin': {
        const { values } = parseArgs({ args: rest, options: { password: { type: 'string' } } });
        const password = values.password ?? loadConfig().adminPassword;
        if (!password || password.length < 12) {
          console.error('Give a password of at least 12 characters with --password or RELATA_ADMIN_PASSWORD');
          return 2;
        }
        return await withDatabase(async (db) => {
          await migrate(db);
          const r = await createOrResetAdmin(db, password);
          console.log(
            r === 'created' ? 'Created admin@relata.local' : 'Reset the password of admin@relata.local',
          );
          return 0;
        });
      }
      case 'doctor':
        return await doctor();
      case 'clv':
        return clvCommand(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(usage);
        return command === undefined ? 2 : 0;
      default:
        console.error(`Unknown command "${command}".\n\n${usage}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 2;
    }
    console.error(`relata ${command}: ${(e as Error).message}`);
    return 1;
  }
}
