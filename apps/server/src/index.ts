export { buildApp } from './app.ts';
export { ADMIN_EMAIL } from './bootstrap.ts';
export { loadConfig } from './config.ts';
export { connect, type Database } from './db/connection.ts';
export { migrate } from './db/migrate.ts';
export { type Runtime, type StartOptions, startRuntime } from './runtime.ts';
export { startServer } from './server.ts';
