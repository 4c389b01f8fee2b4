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
});
