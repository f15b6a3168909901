/** `npm run gemeng -- …` (the root package's script): see ./command.ts. */
import { runCommand } from './command.ts';

const { out, err, code } = await runCommand(process.argv.slice(2));
if (out) process.stdout.write(`${out}\n`);
if (err) process.stderr.write(`${err}\n`);
// An explicit exit once both streams are flushed: a library in the import chain resets process.exitCode.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
