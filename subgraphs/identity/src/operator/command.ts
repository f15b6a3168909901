/**
 * `npm run gemeng -- <command>`: the syndicate's commands at the server's console, for what nobody can yet do
 * through the graph (see USAGE). Refusals and mistakes are one line on stderr and exit code 1. The entry point
 * is ./cli.ts; this module is what tests call.
 */
import { createDb } from '../db.ts';
import { DEMO_PEOPLE, demoAuthenticator } from '../demo/people.ts';
import { identityDatabaseUrl } from './database.ts';
import { CommandError, type Outcome, setAdministrator, setOperator } from './grants.ts';

export const USAGE = `usage: npm run gemeng -- <command>

  operator grant <email>                      make a person (confirmed address) an operator of the syndicate
  operator revoke <email>                     take the operator flag away
  administrator grant <email> <commune-slug>  make a person (confirmed address) an administrator of a commune
  administrator revoke <email> <commune-slug> take that role away
  demo code <email>                           the current authenticator code of a demo person (npm start)

Each grant and revoke is written to the person's security log and counts from their next access token.
The identity database: DATABASE_URL, else GEMENG_POSTGRES_URL's gemeng_identity, else the embedded one of a
running \`npm start\` (.gemeng/).`;

type Db = ReturnType<typeof createDb>;
type Command =
  | { kind: 'help' }
  | { kind: 'database'; work: (db: Db) => Promise<Outcome> }
  | { kind: 'print'; text: string };

/** The command line as a command, or a CommandError saying what is wrong with it. */
export function parse(args: readonly string[]): Command {
  const [subject, verb, email, slug, ...rest] = args;
  if (subject === undefined || subject === '--help' || subject === '-h' || subject === 'help') return { kind: 'help' };
  if (subject === 'demo') {
    if (verb !== 'code' || !email || slug !== undefined)
      throw new CommandError('usage: npm run gemeng -- demo code <email>');
    const person = DEMO_PEOPLE.find((p) => p.email === email.trim().toLowerCase() && p.secondFactor);
    if (!person) {
      const withApp = DEMO_PEOPLE.filter((p) => p.secondFactor).map((p) => p.email);
      throw new CommandError(`${email} is not a demo person with an authenticator app: ${withApp.join(', ')}`);
    }
    return { kind: 'print', text: demoAuthenticator(person.email).generate() };
  }
  if (subject !== 'operator' && subject !== 'administrator') {
    throw new CommandError(`unknown command "${subject}": npm run gemeng -- --help`);
  }
  if (verb !== 'grant' && verb !== 'revoke') {
    throw new CommandError(`${subject} needs grant or revoke, not "${verb ?? ''}": npm run gemeng -- --help`);
  }
  const grant = verb === 'grant';
  if (subject === 'operator') {
    if (!email || slug !== undefined) throw new CommandError(`usage: npm run gemeng -- operator ${verb} <email>`);
    return { kind: 'database', work: (db) => setOperator(db, email, grant) };
  }
  if (!email || !slug || rest.length > 0) {
    throw new CommandError(`usage: npm run gemeng -- administrator ${verb} <email> <commune-slug>`);
  }
  return { kind: 'database', work: (db) => setAdministrator(db, email, slug, grant) };
}

/** Runs a command line: what to print (out on stdout, err on stderr) and the exit code. */
export async function runCommand(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  /** Where `npm start` keeps the embedded cluster (default .gemeng/ at the root). */
  dataDir?: string,
): Promise<{ out?: string; err?: string; code: number }> {
  try {
    const command = parse(args);
    if (command.kind === 'help') return { out: USAGE, code: 0 };
    if (command.kind === 'print') return { out: command.text, code: 0 };
    const db = createDb(await identityDatabaseUrl(env, dataDir));
    try {
      return { out: (await command.work(db)).message, code: 0 };
    } finally {
      await db.$disconnect();
    }
  } catch (error) {
    const reason = error instanceof CommandError ? error.message : describe(error);
    return { err: `gemeng: ${reason}`, code: 1 };
  }
}

/** An unexpected failure (database down, migrations missing) in one line. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n').find((part) => part.trim()) ?? 'failed';
  if (/does not exist/.test(message)) return `${line.trim()}: is it the identity database, migrated by npm start?`;
  return line.trim();
}
