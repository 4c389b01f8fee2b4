import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: null,
      adminPassword: null,
      defaultTimezone: 'Asia/Shanghai',
      logLevel: 'info',
      trustProxy: false,
    });
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgresql://u@db/centre',
      DATA_DIR: '/srv/centre',
      ADMIN_PASSWORD: 'long enough',
      TZ_VENUE: 'Asia/Urumqi',
      LOG_LEVEL: 'warn',
      TRUST_PROXY: '127.0.0.1, 10.0.0.0/8',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'postgresql://u@db/centre',
      dataDir: '/srv/centre',
      adminPassword: 'long enough',
      defaultTimezone: 'Asia/Urumqi',
      logLevel: 'warn',
      trustProxy: '127.0.0.1, 10.0.0.0/8',
    });
  });

  it.each([
    [{ PORT: '-1' }, /PORT/],
    [{ PORT: '3000x' }, /PORT/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL/],
    [{ TZ_VENUE: 'Asia/Nowhere' }, /TZ_VENUE/],
    [{ LOG_LEVEL: 'verbose' }, /LOG_LEVEL/],
    [{ ADMIN_PASSWORD: '1234567' }, /ADMIN_PASSWORD/],
    [{ TRUST_PROXY: 'everyone' }, /TRUST_PROXY/],
  ])('refuses %o, naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  // The sentences an operator reads: main.ts prints a ConfigError as "centre-ops: cannot start: <message>" on one
  // line (tests/integration/startup.pglite.test.ts checks that with one real process; these are the rest).
  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be a whole number/],
    [{ DATABASE_URL: 'mysql://localhost/x' }, /DATABASE_URL must start with postgres:\/\//],
    [{ TZ_VENUE: 'Mars/Olympus' }, /TZ_VENUE must be an IANA time zone/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ ADMIN_PASSWORD: 'short' }, /ADMIN_PASSWORD must be at least 8 characters/],
  ])('refuses %o in one sentence that says what is expected', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as ConfigError).message;
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });
});
