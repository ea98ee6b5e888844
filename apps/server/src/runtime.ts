/**
 * Starting and stopping Relata in-process: used by `relata start`, the end-to-end tests and
 * the benchmark. Connects, migrates, bootstraps, builds the app, starts jobs, listens.
 */
import { buildApp } from './app.ts';
import { type AdminResult, ensureAdmin, ensureRoles } from './bootstrap.ts';
import { type Config, loadConfig } from './config.ts';
import { connect, type Database } from './db/connection.ts';
import { migrate } from './db/migrate.ts';
import { type SmtpReceiver, startSmtpReceiver } from './features/email/smtp-receiver.ts'; // email/calendar
import type { App } from './http/app-types.ts';
import { createJobs, type Jobs } from './jobs/jobs.ts';
import { registerSystemJobs } from './jobs/system.jobs.ts';
import { createServices, type Services } from './services.ts';

export type Runtime = {
  config: Config;
  database: Database;
  jobs: Jobs;
  services: Services;
  app: App | null;
  url: string | null;
  admin: AdminResult;
  close(): Promise<void>;
};

export type StartOptions = {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  adminPassword?: string;
  demo?: boolean;
  demoScale?: number;
  role?: Config['role'];
  logger?: boolean;
  env?: NodeJS.ProcessEnv;
  onDemo?: (database: Database, scale: number) => Promise<void>;
};

export async function startRuntime(opts: StartOptions = {}): Promise<Runtime> {
  const base = loadConfig(opts.env ?? process.env);
  const config: Config = {
    ...base,
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    ...(opts.host !== undefined ? { host: opts.host } : {}),
    ...(opts.dataDir !== undefined ? { dataDir: opts.dataDir } : {}),
    ...(opts.databaseUrl !== undefined ? { databaseUrl: opts.databaseUrl } : {}),
    ...(opts.adminPassword !== undefined ? { adminPassword: opts.adminPassword } : {}),
    ...(opts.demo !== undefined ? { demoData: opts.demo } : {}),
    ...(opts.demoScale !== undefined ? { demoScale: opts.demoScale } : {}),
    ...(opts.role !== undefined ? { role: opts.role } : {}),
  };
  const database = await connect({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: config.poolMax,
  });
  try {
    await migrate(database);
    await ensureRoles(database);
    const admin = await ensureAdmin(database, config.adminPassword);
    const demo = admin.created && config.demoData && opts.onDemo !== undefined;
    if (demo) await opts.onDemo!(database, config.demoScale);
    const jobs = createJobs(database);
    const services = createServices({ database, jobs, clock: () => new Date(), config });
    registerSystemJobs(jobs, services);
    await jobs.start({ work: config.role !== 'api' });
    if (demo) {
      // Demo data comes with its customer value computed, so the value pages are not empty.
      // With a 90-day holdout, so the model-fit chart has predictions to compare with purchases.
      for (const type of ['contact', 'account'] as const)
        await services.value.recomputeNow(type, 'demo', { holdoutDays: 90 });
    }
    if (config.role !== 'worker') await services.events.start();
    let app: App | null = null;
    let url: string | null = null;
    // email/calendar: the built-in SMTP receiver, when SMTP_INBOUND_PORT is set
    let smtp: SmtpReceiver | null = null;
    if (config.role !== 'worker' && config.smtpInboundPort !== undefined) {
      smtp = await startSmtpReceiver({
        host: config.smtpInboundHost,
        port: config.smtpInboundPort,
        maxBytes: config.uploadMaxMb * 1024 * 1024,
        onMessage: (raw, envelopeFrom) => services.emails.receive(raw, { envelopeFrom }),
        log: (message, data) => console.warn(`[smtp] ${message}`, data),
      });
    }
    if (config.role !== 'worker') {
      app = await buildApp(services, {
        logger: opts.logger ? { level: config.logLevel } : false,
        webDist: config.webDist,
      });
      await app.listen({ port: config.port, host: config.host });
      const addr = app.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : config.port;
      url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
    }
    return {
      config,
      database,
      jobs,
      services,
      app,
      url,
      admin,
      async close() {
        if (smtp) await smtp.close(); // email/calendar
        if (app) await app.close();
        await services.events.stop();
        await jobs.stop();
        await database.close();
      },
    };
  } catch (e) {
    await database.close().catch(() => {});
    throw e;
  }
}
