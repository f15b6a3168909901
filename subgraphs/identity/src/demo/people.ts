/**
 * The demo people `npm start` seeds on the embedded database, so that a newcomer can try every role at once: a
 * citizen, an agent and an administrator of Dudelange, an agent of Esch-sur-Alzette and an operator of the
 * syndicate. Their passwords and authenticator secrets are published here and printed at start: they exist only
 * where nothing is real (never in production, never on an external database; see `demoPeopleRefusal`).
 *
 * No database here: `npm start` prints from this module (`formatDemoPeople`), prisma/seed.ts writes with
 * ./seed-people.ts.
 */
import { createHash } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** `true` asks identity's seed for the demo people; `npm start` sets it on the embedded database only. */
export const DEMO_PEOPLE_SETTING = 'GEMENG_DEMO_PEOPLE';

export interface DemoPerson {
  /** What the person is, as printed: "agent of Dudelange". */
  label: string;
  email: string;
  name: string;
  password: string;
  preferredLanguage: 'lb' | 'fr' | 'de' | 'en';
  operator: boolean;
  role: { commune: string; role: 'agent' | 'administrator' } | null;
  residence: string | null;
  /** An authenticator app (TOTP) for work that needs two factors: issuing code cards, granting roles, onboarding. */
  secondFactor: boolean;
}

const person = (p: Omit<DemoPerson, 'operator' | 'role' | 'residence'> & Partial<DemoPerson>): DemoPerson => ({
  operator: false,
  role: null,
  residence: null,
  ...p,
});

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  person({
    label: 'citizen of Dudelange',
    email: 'citizen@demo.gemeng.lu',
    name: 'Mady Muller',
    password: 'demo-citizen-2026',
    preferredLanguage: 'lb',
    residence: 'dudelange',
    secondFactor: false, // a citizen sets up a factor of their own, or gets a code card from the agent
  }),
  person({
    label: 'agent of Dudelange',
    email: 'agent.dudelange@demo.gemeng.lu',
    name: 'Jos Weber',
    password: 'demo-agent-2026',
    preferredLanguage: 'fr',
    role: { commune: 'dudelange', role: 'agent' },
    residence: 'dudelange',
    secondFactor: true,
  }),
  person({
    label: 'administrator of Dudelange',
    email: 'admin.dudelange@demo.gemeng.lu',
    name: 'Anne Schmit',
    password: 'demo-admin-2026',
    preferredLanguage: 'fr',
    role: { commune: 'dudelange', role: 'administrator' },
    residence: 'dudelange',
    secondFactor: true,
  }),
  person({
    label: 'agent of Esch-sur-Alzette',
    email: 'agent.esch@demo.gemeng.lu',
    name: 'Paul Hoffmann',
    password: 'demo-agent-esch-2026',
    preferredLanguage: 'de',
    role: { commune: 'esch-sur-alzette', role: 'agent' },
    residence: 'esch-sur-alzette',
    secondFactor: true,
  }),
  person({
    label: 'operator of the syndicate',
    email: 'operator@demo.gemeng.lu',
    name: 'Sandra Klein',
    password: 'demo-operator-2026',
    preferredLanguage: 'en',
    operator: true,
    secondFactor: true,
  }),
];

/** The demo person's authenticator secret (base32): derived from the address, the same at every start. */
export function demoTotpSecret(email: string): string {
  const bytes = createHash('sha256').update(`gemeng demo authenticator ${email}`).digest().subarray(0, 20);
  return new Secret({ buffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 20) }).base32;
}

/** The authenticator app of a demo person, as a phone would hold it (6 digits, 30 s, SHA-1). */
export function demoAuthenticator(email: string): TOTP {
  return new TOTP({
    issuer: 'Gemeng demo',
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(demoTotpSecret(email)),
  });
}

/**
 * Why demo people must not be seeded here, or null: published passwords never go into production data
 * (NODE_ENV=production) nor into a database `npm start` does not own (GEMENG_POSTGRES_URL).
 */
export function demoPeopleRefusal(env: NodeJS.ProcessEnv, external: boolean): string | null {
  if (env.NODE_ENV === 'production') {
    return 'demo people are never seeded with NODE_ENV=production: their passwords are published';
  }
  if (external) {
    return 'demo people are seeded only on the embedded database, not on GEMENG_POSTGRES_URL: their passwords are published';
  }
  return null;
}

/** What `npm start` prints after the URLs: how to sign in as each demo person. */
export function formatDemoPeople(people: readonly DemoPerson[] = DEMO_PEOPLE): string {
  const width = Math.max(...people.map((p) => p.email.length));
  const lines = people.map((p) => {
    const factor = p.secondFactor
      ? `\n    ${''.padEnd(width)}   authenticator app secret ${demoTotpSecret(p.email)}`
      : '';
    return `    ${p.email.padEnd(width)}   password ${p.password.padEnd(22)} ${p.label}${factor}`;
  });
  return [
    '  demo people      sign in from the portal (demo data: embedded database only, reset at each start)',
    ...lines,
    '    Work that needs two factors asks for the authenticator app: type the secret into one (Google',
    '    Authenticator, FreeOTP, …), or print the current code with `npm run gemeng -- demo code <email>`.',
  ].join('\n');
}
