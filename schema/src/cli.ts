/**
 * compose: print each subgraph's SDL into its schema.graphql and compose them into schema/supergraph.graphql.
 * check:   fail when a committed SDL or the supergraph is stale or composition fails; report breaking changes
 *          of the public API against the supergraph committed in git (HEAD).
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { breakingChanges, compose, printSubgraph } from './compose.ts';
import { SUBGRAPHS, SUPERGRAPH_PATH } from './subgraphs.ts';

const command = process.argv[2];

async function main(): Promise<number> {
  const printed = await Promise.all(SUBGRAPHS.map(async (entry) => ({ entry, sdl: await printSubgraph(entry) })));
  const composition = compose(printed);
  const committedSupergraph = await readFile(SUPERGRAPH_PATH, 'utf8').catch(() => '');

  if (command === 'compose') {
    if (!composition.ok) return fail(['composition failed:', ...composition.errors]);
    for (const { entry, sdl } of printed) await writeFile(join(entry.dir, 'schema.graphql'), sdl);
    if (committedSupergraph) report(committedSupergraph, composition.supergraphSdl, 'the previous supergraph');
    await writeFile(SUPERGRAPH_PATH, composition.supergraphSdl);
    console.log(`composed ${SUBGRAPHS.map((s) => s.name).join(', ')} into schema/supergraph.graphql`);
    return 0;
  }

  if (command === 'check') {
    const problems: string[] = [];
    for (const { entry, sdl } of printed) {
      const committed = await readFile(join(entry.dir, 'schema.graphql'), 'utf8').catch(() => '');
      if (committed !== sdl) problems.push(`subgraphs/${entry.name}/schema.graphql is stale`);
    }
    if (!composition.ok) problems.push('composition fails:', ...composition.errors.map((e) => `  ${e}`));
    else if (composition.supergraphSdl !== committedSupergraph) problems.push('schema/supergraph.graphql is stale');
    if (problems.length) return fail([...problems, 'run `npm run compose` and commit the result']);
    const base = gitHeadSupergraph();
    if (base && base !== committedSupergraph) report(base, committedSupergraph, 'the supergraph in HEAD');
    console.log('schema check: subgraph SDLs and supergraph are up to date and compose');
    return 0;
  }

  return fail([`unknown command "${command ?? ''}": use compose or check`]);
}

function report(previous: string, next: string, against: string) {
  const changes = breakingChanges(previous, next);
  if (!changes.length) return;
  console.warn(`${changes.length} breaking change(s) of the public API against ${against}:`);
  for (const change of changes) console.warn(`  ${change.type}: ${change.description}`);
}

function gitHeadSupergraph(): string | undefined {
  try {
    return execFileSync('git', ['show', 'HEAD:schema/supergraph.graphql'], {
      cwd: join(SUPERGRAPH_PATH, '..'),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}

function fail(lines: string[]): number {
  for (const line of lines) console.error(line);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`schema ${command ?? ''}: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
