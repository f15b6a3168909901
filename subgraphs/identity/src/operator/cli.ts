/** `npm run gemeng -- …` (the root package's script): see ./command.ts. */
import { runCommand } from './command.ts';

const { out, err, code } = await runCommand(process.argv.slice(2));
if (out) console.log(out);
if (err) console.error(err);
process.exitCode = code;
