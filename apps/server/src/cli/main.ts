/** The `relata` command: start, migrate, seed, create-admin, doctor. */
import { parseArgs } from 'node:util';
import { createOrResetAdmin, ensureRoles } from '../bootstrap.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { connect, type Database } from '../db/connection.ts';
import { migrate, pendingMigrations } from '../db/migrate.ts';
import { createJobs } from '../jobs/jobs.ts';
import { registerSystemJobs } from '../jobs/system.jobs.ts';
import { startRuntime } from '../runtime.ts';
import { createServices, type Services } from '../services.ts';
import { clvCommand } from './clv.command.ts';
import { ImportError, type ImportKind, importFile, importKinds } from './import.command.ts';

const usage = `Usage: relata <command> [options]

Commands:
  start                         migrate, set up on first run, serve (ROLE=api|worker|all)
  migrate                       apply database migrations
  seed --demo [--scale N] [--seed S] [--interactions N]
                                load deterministic demo data (N interactions per contact, default 4)
  create-admin [--password P]   create admin@relata.local or reset its password
                                (or RELATA_ADMIN_PASSWORD)
  doctor                        check Node.js, database and migrations
  clv fit --transactions FILE --calibration-end YYYY-MM-DD [--model bgnbd|pnbd] [--format cdnow]
          [--json] [--out F]    fit BG/NBD or Pareto/NBD + Gamma-Gamma to a transaction log
  clv recompute [--type contact|account|all] [--model bgnbd|pnbd] [--holdout-days N]
                                fit and score the stored orders now (tiers, lifecycle, flows)
  import products|orders|invoices|warranties FILE.csv
                                idempotent import of an ERP export (docs/value.md)

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

/** The services on the configured database, with every queue created but no worker running. */
async function withServices<T>(fn: (services: Services) => Promise<T>): Promise<T> {
  const config = loadConfig();
  return withDatabase(async (database) => {
    await migrate(database);
    await ensureRoles(database);
    const jobs = createJobs(database);
    const services = createServices({ database, jobs, clock: () => new Date(), config });
    registerSystemJobs(jobs, services);
    await jobs.start({ work: false });
    try {
      return await fn(services);
    } finally {
      await jobs.stop();
    }
  });
}

async function recompute(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      type: { type: 'string', default: 'all' },
      model: { type: 'string' },
      'holdout-days': { type: 'string' },
    },
  });
  if (!['contact', 'account', 'all'].includes(values.type)) {
    console.error('--type is contact, account or all');
    return 2;
  }
  if (values.model !== undefined && !['bgnbd', 'pnbd'].includes(values.model)) {
    console.error('--model is bgnbd or pnbd');
    return 2;
  }
  const holdout = values['holdout-days'] === undefined ? undefined : Number(values['holdout-days']);
  if (holdout !== undefined && !(Number.isInteger(holdout) && holdout >= 7 && holdout <= 730)) {
    console.error('--holdout-days takes a whole number of days from 7 to 730');
    return 2;
  }
  const types =
    values.type === 'all' ? (['contact', 'account'] as const) : ([values.type] as ('contact' | 'account')[]);
  return withServices(async (services) => {
    for (const type of types) {
      const run = await services.value.recomputeNow(type, 'cli', {
        ...(values.model ? { model: values.model as 'bgnbd' | 'pnbd' } : {}),
        ...(holdout !== undefined ? { holdoutDays: holdout } : {}),
      });
      const p = Object.entries(run.params ?? {})
        .map(([k, v]) => `${k}=${Number(v).toPrecision(4)}`)
        .join(' ');
      console.log(
        `${type}s: ${run.customers} customers (${run.repeatCustomers} repeat), ${run.model} ${p || '(no model)'}, total CLV ${Math.round((run.totalClv ?? 0) / 100)} in ${((run.timings.totalMs ?? 0) / 1000).toFixed(1)} s`,
      );
      for (const w of run.warnings) console.log(`  warning: ${w}`);
    }
    return 0;
  });
}

async function importCommand(args: string[]): Promise<number> {
  const [kind, file, ...extra] = args;
  if (!kind || !importKinds.includes(kind as ImportKind) || !file || extra.length) {
    console.error(`Usage: relata import ${importKinds.join('|')} FILE.csv`);
    return 2;
  }
  try {
    return await withServices(async (services) => {
      const t = Date.now();
      const r = await importFile(kind as ImportKind, file, services, (m) => console.log(m));
      console.log(
        `Imported ${r.records} ${kind}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged (${((Date.now() - t) / 1000).toFixed(1)} s)`,
      );
      return 0;
    });
  } catch (e) {
    if (e instanceof ImportError) {
      console.error(`relata import: ${e.message} (nothing from the failing batch was saved)`);
      return 1;
    }
    if ((e as { code?: string }).code === 'ENOENT') {
      console.error(`No such file: ${file}`);
      return 2;
    }
    throw e;
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
            `Seeded ${r.contacts} contacts, ${r.accounts} accounts, ${r.relationships} relationships, ${r.interactions} interactions, ${r.orders} orders (${r.orderLines} lines) in ${((Date.now() - t) / 1000).toFixed(1)} s`,
          );
          return 0;
        }).then(async (code) => (code === 0 ? recompute([]) : code));
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
        return rest[0] === 'recompute' ? await recompute(rest.slice(1)) : clvCommand(rest);
      case 'import':
        return await importCommand(rest);
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
