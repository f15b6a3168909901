/**
 * A subgraph's migrations (and with `--seed` its seed) as built code runs them: `dist/migrate.js`, which
 * `gemeng-build --migrate` makes from this and the package's own `createDb` and `seed`. The same work and the
 * same one-line failure as `gemeng-subgraph migrate`, without importing TypeScript at run time.
 */
import { describeStartupFailure, loadConfig, postgresUrl } from '@gemeng/service-kit';
import { prepareDatabase, type SubgraphModules } from './prepare.ts';
import { subgraphProject } from './project.ts';

interface Disconnectable {
  $disconnect(): Promise<void>;
}

export function runMigrations<Db extends Disconnectable>(modules: SubgraphModules<Db> & { dir: string }): void {
  const project = subgraphProject(modules.dir);
  const run = async () => {
    const { url } = loadConfig({ url: postgresUrl('DATABASE_URL') });
    const { applied } = await prepareDatabase(project, url, { seed: process.argv.includes('--seed'), modules });
    console.log(`${project.name}: ${applied.length ? `applied ${applied.join(', ')}` : 'migrations up to date'}`);
  };
  run().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`gemeng-subgraph migrate: ${describeStartupFailure(error)}`);
      process.exit(1);
    },
  );
}
