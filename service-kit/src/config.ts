/**
 * Configuration from the environment, validated once at start. A bad or missing variable stops the process
 * with one line that names it and says how to fix it (see `runService`).
 */

/** A setting that is missing or malformed. Its message is shown to the operator as it is. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface Setting<T> {
  env: string;
  read(raw: string | undefined): T;
}

type Values<S extends Record<string, Setting<unknown>>> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

export function loadConfig<S extends Record<string, Setting<unknown>>>(
  settings: S,
  env: NodeJS.ProcessEnv = process.env,
): Values<S> {
  const out: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(settings)) {
    const raw = env[setting.env];
    out[key] = setting.read(raw === '' ? undefined : raw);
  }
  return out as Values<S>;
}

function required<T>(env: string, fallback: T | undefined, hint: string, parse: (raw: string) => T): Setting<T> {
  return {
    env,
    read(raw) {
      if (raw === undefined) {
        if (fallback !== undefined) return fallback;
        throw new ConfigError(`${env} is not set: ${hint}`);
      }
      return parse(raw);
    },
  };
}

export function port(env: string, fallback?: number): Setting<number> {
  return required(env, fallback, 'set it to a TCP port between 0 and 65535', (raw) => {
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value > 65535) {
      throw new ConfigError(`${env}="${raw}" is not a TCP port: use a whole number between 0 and 65535`);
    }
    return value;
  });
}

export function host(env: string, fallback = '127.0.0.1'): Setting<string> {
  return required(env, fallback, 'set it to an interface address such as 127.0.0.1', (raw) => raw);
}

export function postgresUrl(env: string, fallback?: string): Setting<string> {
  return required(env, fallback, 'set it to postgres://user:password@host:5432/database', (raw) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new ConfigError(`${env} is not a URL: use postgres://user:password@host:5432/database`);
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      throw new ConfigError(`${env} must start with postgres:// (got ${url.protocol}//)`);
    }
    if (url.pathname.length <= 1) throw new ConfigError(`${env} names no database: add /<database> after the host`);
    return raw;
  });
}

export function httpUrl(env: string, fallback?: string): Setting<string> {
  return required(env, fallback, 'set it to an http(s):// URL', (raw) => {
    try {
      const url = new URL(raw);
      if (url.protocol === 'http:' || url.protocol === 'https:') return raw;
    } catch {}
    throw new ConfigError(`${env}="${raw}" is not an http(s):// URL`);
  });
}

export function secret(env: string, minLength = 32): Setting<string> {
  return required(env, undefined, `set it to a random string of at least ${minLength} characters`, (raw) => {
    if (raw.length < minLength) {
      throw new ConfigError(`${env} is too short (${raw.length} characters): use at least ${minLength} random ones`);
    }
    return raw;
  });
}

export function oneOf<const T extends string>(env: string, values: readonly T[], fallback: T): Setting<T> {
  return required(env, fallback, `use one of ${values.join(', ')}`, (raw) => {
    if (!values.includes(raw as T)) throw new ConfigError(`${env}="${raw}" is not one of ${values.join(', ')}`);
    return raw as T;
  });
}

export function list(env: string, fallback: string[] = []): Setting<string[]> {
  return required(env, fallback, 'set it to a comma-separated list', (raw) =>
    raw
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );
}
