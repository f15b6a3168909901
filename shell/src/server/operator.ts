import { ConfigError, type Setting } from '@gemeng/service-kit';
import { escapeAttribute } from './page.ts';

/**
 * Who runs the platform (the intercommunal syndicate): shown in every page's footer and read by the privacy
 * notice and the accessibility statement (`<meta name="gemeng:operator">`). From the server's settings.
 */
export interface Operator {
  readonly name: string;
  /** Postal address on one line, e.g. "1, rue de l’Exemple, L-1234 Luxembourg". */
  readonly address: string;
  readonly email: string;
  /** Empty: no telephone number is shown. */
  readonly phone: string;
  /** The data protection officer's address. */
  readonly dpoEmail: string;
}

/** Demo values (`.example` addresses, RFC 2606): an installation sets its own. */
export const DEMO_OPERATOR: Operator = Object.freeze({
  name: 'Syndicat intercommunal Gemeng (démo)',
  address: '1, rue de l’Exemple, L-0000 Luxembourg',
  email: 'contact@gemeng.example',
  phone: '',
  dpoEmail: 'dpo@gemeng.example',
});

export const OPERATOR_META_NAME = 'gemeng:operator';

/** Placeholders of the footer in shell/index.html. */
const PLACEHOLDERS = {
  name: '__GEMENG_OPERATOR_NAME__',
  address: '__GEMENG_OPERATOR_ADDRESS__',
  email: '__GEMENG_CONTACT_EMAIL__',
  phone: '__GEMENG_CONTACT_PHONE__',
  tel: '__GEMENG_CONTACT_TEL__',
} as const;

/** The footer's telephone part, left out when there is no number. */
const PHONE_PART = /\s*<span data-operator="phone">[\s\S]*?<\/span>/;

function text(env: string, fallback: string): Setting<string> {
  return { env, read: (raw) => (raw ?? fallback).trim() };
}

function email(env: string, fallback: string): Setting<string> {
  return {
    env,
    read(raw) {
      const value = (raw ?? fallback).trim();
      if (!/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(value)) {
        throw new ConfigError(`${env}="${value}" is not an e-mail address: use e.g. contact@syndicate.lu`);
      }
      return value;
    },
  };
}

function phone(env: string): Setting<string> {
  return {
    env,
    read(raw) {
      const value = (raw ?? '').trim();
      if (value && !/^\+?[\d\s./()-]{6,}$/.test(value)) {
        throw new ConfigError(`${env}="${value}" is not a telephone number: use e.g. +352 12 34 56`);
      }
      return value;
    },
  };
}

/** The operator's settings for `loadConfig` (shell/server.ts), with the demo values as defaults. */
export const operatorSettings = {
  operatorName: text('GEMENG_OPERATOR_NAME', DEMO_OPERATOR.name),
  operatorAddress: text('GEMENG_OPERATOR_ADDRESS', DEMO_OPERATOR.address),
  contactEmail: email('GEMENG_CONTACT_EMAIL', DEMO_OPERATOR.email),
  contactPhone: phone('GEMENG_CONTACT_PHONE'),
  dpoEmail: email('GEMENG_DPO_EMAIL', DEMO_OPERATOR.dpoEmail),
} satisfies Record<string, Setting<string>>;

export function operatorFromConfig(config: {
  operatorName: string;
  operatorAddress: string;
  contactEmail: string;
  contactPhone: string;
  dpoEmail: string;
}): Operator {
  return {
    name: config.operatorName,
    address: config.operatorAddress,
    email: config.contactEmail,
    phone: config.contactPhone,
    dpoEmail: config.dpoEmail,
  };
}

/** True while any of the operator's values is the demo one (the server says so in its log). */
export function isDemoOperator(operator: Operator): boolean {
  return (
    operator.name === DEMO_OPERATOR.name ||
    operator.email === DEMO_OPERATOR.email ||
    operator.dpoEmail === DEMO_OPERATOR.dpoEmail
  );
}

/**
 * Fills the footer's placeholders (HTML-escaped; the telephone part goes when there is no number) and returns
 * the page with `<meta name="gemeng:operator" content="{json}">` for the statements, whose script reads it.
 */
export function renderOperator(html: string, operator: Operator = DEMO_OPERATOR): { html: string; meta: string } {
  const page = (operator.phone ? html : html.replace(PHONE_PART, ''))
    .replaceAll(PLACEHOLDERS.name, escapeAttribute(operator.name))
    .replaceAll(PLACEHOLDERS.address, escapeAttribute(operator.address))
    .replaceAll(PLACEHOLDERS.email, escapeAttribute(operator.email))
    .replaceAll(PLACEHOLDERS.phone, escapeAttribute(operator.phone))
    .replaceAll(PLACEHOLDERS.tel, escapeAttribute(operator.phone.replace(/[^\d+]/g, '')));
  const meta = `<meta name="${OPERATOR_META_NAME}" content="${escapeAttribute(JSON.stringify(operator))}">`;
  return { html: page, meta };
}
