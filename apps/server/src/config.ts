/** The only reader of process.env. Parsed with zod; fails fast with a list of problems. */
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  ROLE: z.enum(['api', 'worker', 'all']).default('all'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  DATA_DIR: z.string().default('./data'),
  RELATA_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  DEMO_DATA: bool.default(true),
  DEMO_SCALE: z.coerce.number().int().min(0).max(10_000_000).default(500),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(24 * 14),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  DEFAULT_PHONE_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  WEB_DIST: z.string().optional(),
  // email, attachments, calendar (docs/email-calendar.md)
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().max(300).default('Relata <relata@localhost>'),
  SMTP_INBOUND_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SMTP_INBOUND_HOST: z.string().default('127.0.0.1'),
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(1024).default(25),
  PUBLIC_URL: z.string().url().optional(),
});

export type Config = {
  port: number;
  host: string;
  role: 'api' | 'worker' | 'all';
  databaseUrl: string | undefined;
  poolMax: number;
  dataDir: string;
  adminPassword: string | undefined;
  demoData: boolean;
  demoScale: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  sessionTtlHours: number;
  cookieSecure: 'auto' | 'true' | 'false';
  defaultPhoneCountry: string | undefined;
  loginMaxFailures: number;
  webDist: string | undefined;
  // email, attachments, calendar
  smtpUrl: string | undefined;
  mailFrom: string;
  smtpInboundPort: number | undefined;
  smtpInboundHost: string;
  uploadMaxMb: number;
  publicUrl: string | undefined;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    role: e.ROLE,
    databaseUrl: e.DATABASE_URL,
    poolMax: e.DATABASE_POOL_MAX,
    dataDir: path.resolve(e.DATA_DIR),
    adminPassword: e.RELATA_ADMIN_PASSWORD,
    demoData: e.DEMO_DATA,
    demoScale: e.DEMO_SCALE,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE,
    defaultPhoneCountry: e.DEFAULT_PHONE_COUNTRY,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    webDist: e.WEB_DIST,
    // email, attachments, calendar
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    smtpInboundPort: e.SMTP_INBOUND_PORT,
    smtpInboundHost: e.SMTP_INBOUND_HOST,
    uploadMaxMb: e.UPLOAD_MAX_MB,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
  };
}
