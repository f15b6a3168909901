import { describe, expect, it } from 'vitest';
import { ConfigError, list, loadConfig, oneOf, port, postgresUrl, secret } from '../src/config.ts';

const load = (env: NodeJS.ProcessEnv) =>
  loadConfig(
    {
      port: port('PORT', 4001),
      databaseUrl: postgresUrl('DATABASE_URL'),
      secret: secret('GEMENG_ROUTER_SECRET'),
      runtime: oneOf('GEMENG_GATEWAY', ['apollo', 'hive'] as const, 'hive'),
      origins: list('GEMENG_CORS_ORIGINS'),
    },
    env,
  );
const valid = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/identity', GEMENG_ROUTER_SECRET: 'x'.repeat(32) };

describe('configuration from the environment', () => {
  it('reads valid settings and applies defaults', () => {
    expect(load({ ...valid, GEMENG_CORS_ORIGINS: 'https://a.lu, https://b.lu' })).toEqual({
      port: 4001,
      databaseUrl: valid.DATABASE_URL,
      secret: valid.GEMENG_ROUTER_SECRET,
      runtime: 'hive',
      origins: ['https://a.lu', 'https://b.lu'],
    });
  });

  it.each([
    [{ DATABASE_URL: undefined }, 'DATABASE_URL is not set: set it to postgres://user:password@host:5432/database'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL must start with postgres://'],
    [{ DATABASE_URL: 'postgres://127.0.0.1:5432' }, 'DATABASE_URL names no database'],
    [{ PORT: 'eighty' }, 'PORT="eighty" is not a TCP port'],
    [{ PORT: '70000' }, 'PORT="70000" is not a TCP port'],
    [{ GEMENG_ROUTER_SECRET: 'short' }, 'GEMENG_ROUTER_SECRET is too short (5 characters)'],
    [{ GEMENG_GATEWAY: 'nginx' }, 'GEMENG_GATEWAY="nginx" is not one of apollo, hive'],
  ])('names the bad or missing variable in one line: %o', (override, message) => {
    const run = () => load({ ...valid, ...override });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
