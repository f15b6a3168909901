/**
 * Mail settings from the environment, in the style of `../config.ts`: a missing or malformed value throws a
 * `ConfigError` whose one line names the variable — and never shows an SMTP password.
 */
import { ConfigError, type Setting } from '@gemeng/service-kit';

/** Where an smtp:// or smtps:// URL points, with its credentials percent-decoded. */
export interface SmtpTarget {
  secure: boolean;
  host: string;
  port: number;
  auth?: { user: string; pass: string };
}

/** The URL with its password replaced by `***`, for messages and logs. */
export function redactSmtpUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return raw.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  }
}

/**
 * Parses `smtp://host:port` (plain, or STARTTLS when the server offers it; port 587 by default) or
 * `smtps://user:pass@host:port` (TLS from the first byte; port 465 by default). Throws an Error that names the
 * problem; the password never appears in it.
 */
export function parseSmtpUrl(raw: string): SmtpTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`"${redactSmtpUrl(raw)}" is not a URL: use smtp://host:port or smtps://user:password@host:465`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`it must start with smtp:// or smtps:// (got ${url.protocol}//)`);
  }
  if (!url.hostname) throw new Error('it names no host: use smtp://host:port');
  if ((url.pathname && url.pathname !== '/') || url.search || url.hash) {
    throw new Error(`"${redactSmtpUrl(raw)}" has a path or query: use only smtp(s)://[user:password@]host[:port]`);
  }
  const secure = url.protocol === 'smtps:';
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const target: SmtpTarget = { secure, host, port: url.port ? Number(url.port) : secure ? 465 : 587 };
  if (url.username || url.password) {
    try {
      target.auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
    } catch {
      throw new Error('its user name or password is not correctly percent-encoded');
    }
  }
  return target;
}

/** An SMTP relay: smtp:// or smtps:// with optional user:password (percent-encoded). */
export function smtpUrl(env: string, fallback?: string): Setting<string> {
  return {
    env,
    read(raw) {
      if (raw === undefined) {
        if (fallback !== undefined) return fallback;
        throw new ConfigError(`${env} is not set: set it to smtp://host:port or smtps://user:password@host:465`);
      }
      try {
        parseSmtpUrl(raw);
      } catch (error) {
        throw new ConfigError(`${env}: ${(error as Error).message}`);
      }
      return raw;
    },
  };
}

const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LOCAL_PART = `(?:${ATOM}(?:\\.${ATOM})*|"(?:[^"\\\\\\r\\n]|\\\\.)*")`;
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DOMAIN = `${LABEL}(?:\\.${LABEL})*`;
const ADDR_SPEC = new RegExp(`^${LOCAL_PART}@${DOMAIN}$`);
/** `Display Name <addr>`, `"Quoted, Name" <addr>` or a bare `addr`. */
const MAILBOX = /^(?:(?:"((?:[^"\\\r\n]|\\.)*)"|([^<>"@,;:\r\n]*?))\s*<([^<>\s]+)>|([^<>\s]+))$/;

/** The address part of an RFC 5322 mailbox, or undefined when it is not one. */
export function mailboxAddress(value: string): string | undefined {
  if (/[\r\n\0]/.test(value)) return undefined;
  const match = MAILBOX.exec(value.trim());
  if (!match) return undefined;
  const address = match[3] ?? match[4] ?? '';
  return ADDR_SPEC.test(address) && address.length <= 254 ? address : undefined;
}

/** A sender such as `Gemeng <no-reply@gemeng.lu>` or `no-reply@gemeng.lu` (RFC 5322 mailbox). */
export function mailFrom(env: string, fallback?: string): Setting<string> {
  return {
    env,
    read(raw) {
      if (raw === undefined) {
        if (fallback !== undefined) return fallback;
        throw new ConfigError(`${env} is not set: set it to a sender such as "Gemeng <no-reply@gemeng.lu>"`);
      }
      if (!mailboxAddress(raw)) {
        throw new ConfigError(
          `${env}="${raw.replace(/[\r\n]/g, ' ')}" is not a mail address: use e.g. "Gemeng <no-reply@gemeng.lu>"`,
        );
      }
      return raw.trim();
    },
  };
}
