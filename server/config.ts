/**
 * Configuration from the environment (docs/deploying.md "Configuration"), parsed once into a typed, frozen object.
 * Bad values fail fast with a ConfigError whose message names the variable and says what is expected;
 * main.ts prints it as one line.
 */
import { resolve } from 'node:path';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  readonly port: number;
  readonly host: string;
  /** A postgres:// URL, or null for the embedded PGlite database in dataDir. */
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly adminPassword: string | null;
  readonly defaultTimezone: string;
  readonly logLevel: LogLevel;
  /**
   * Whom to believe about the client's address (X-Forwarded-For), which the per-address rate limits use:
   * false (default: the direct peer), true (any proxy), or a comma-separated list of proxy addresses/CIDRs.
   */
  readonly trustProxy: boolean | string;
  /** Where the built apps are; null serves no pages (API-only tests). */
  readonly staticDir: string | null;
  /** Load demo data when the database is new (npm start does; tests don't). */
  readonly seedDemoOnFirstStart: boolean;
  /** With the demo: a few months of invented visits and tournaments, so the reports have something to show (DEMO_HISTORY=0: none). */
  readonly demoHistory: boolean;
  /**
   * Flood guard on check-ins, per minute and per server process: for one kiosk or staff account, and for one
   * client address (several kiosks behind one router share it). 0 turns a limit off (benchmarks).
   */
  readonly checkinLimitPerMinute: number;
  readonly checkinLimitPerAddressPerMinute: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return Number(raw);
}

function parseTrustProxy(raw: string | undefined): boolean | string {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  if (!/^[0-9a-fA-F:.,/\s]+$|^(loopback|linklocal|uniquelocal)(,\s*(loopback|linklocal|uniquelocal))*$/.test(value)) {
    throw new ConfigError(`TRUST_PROXY must be true, false, or a comma-separated list of proxy addresses (e.g. 127.0.0.1,10.0.0.0/8), got "${value}"`);
  }
  return value;
}

function parseLimit(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d{1,7}$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number of requests per minute (0 turns it off), got "${raw}"`);
  return Number(raw.trim());
}

function parseDatabaseUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL is not a URL; expected postgres://user@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// (got ${url.protocol}//…)`);
  }
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const timezone = env.TZ_VENUE?.trim() || 'Asia/Shanghai';
  if (!isValidTimeZone(timezone)) {
    throw new ConfigError(`TZ_VENUE must be an IANA time zone such as Asia/Shanghai, got "${timezone}"`);
  }
  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const adminPassword = env.ADMIN_PASSWORD ?? null;
  if (adminPassword !== null && adminPassword.length < 8) {
    throw new ConfigError('ADMIN_PASSWORD must be at least 8 characters long');
  }
  const config: Config = {
    port: parsePort(env.PORT),
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    dataDir: resolve(env.DATA_DIR?.trim() || './data'),
    adminPassword,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    defaultTimezone: timezone,
    logLevel,
    staticDir: resolve(env.STATIC_DIR?.trim() || 'dist'),
    seedDemoOnFirstStart: true,
    demoHistory: !['0', 'false', 'no', 'off'].includes(env.DEMO_HISTORY?.trim().toLowerCase() ?? ''),
    checkinLimitPerMinute: parseLimit('CHECKIN_LIMIT_PER_MINUTE', env.CHECKIN_LIMIT_PER_MINUTE, 120),
    checkinLimitPerAddressPerMinute: parseLimit('CHECKIN_LIMIT_PER_ADDRESS_PER_MINUTE', env.CHECKIN_LIMIT_PER_ADDRESS_PER_MINUTE, 600),
    ...overrides,
  };
  return Object.freeze(config);
}
