/**
 * `npm start`: the whole platform with demo data on the embedded PostgreSQL (or on GEMENG_POSTGRES_URL),
 * until Ctrl-C. The data survives restarts (in .gemeng/).
 */
import { describeStartupFailure, loadConfig, oneOf, port, postgresUrl, StartupError } from '@gemeng/service-kit';
import { DEMO_PEOPLE_SETTING, demoPeopleRefusal, formatDemoPeople } from '../subgraphs/identity/src/demo/people.ts';
import { DEFAULT_PORTS, PORT_SETTINGS, type RunningStack, type StackPorts, startStack } from './stack.ts';

async function main() {
  const settings = Object.fromEntries(
    (Object.keys(DEFAULT_PORTS) as (keyof StackPorts)[]).map((key) => [
      key,
      port(PORT_SETTINGS[key], DEFAULT_PORTS[key]),
    ]),
  ) as Record<keyof StackPorts, ReturnType<typeof port>>;
  const ports = loadConfig(settings);
  const external = process.env.GEMENG_POSTGRES_URL
    ? loadConfig({ url: postgresUrl('GEMENG_POSTGRES_URL') }).url
    : undefined;

  // Demo people (published passwords) only where nothing is real: the embedded database, not in production.
  const demoRefusal = demoPeopleRefusal(process.env, external !== undefined);
  if (demoRefusal && process.env[DEMO_PEOPLE_SETTING] === 'true') {
    throw new StartupError(`${DEMO_PEOPLE_SETTING}=true refused: ${demoRefusal}`);
  }
  const demoPeople = !demoRefusal && process.env[DEMO_PEOPLE_SETTING] !== 'false';

  // The four subgraphs in one process unless asked otherwise: the lean embedded default (docs/adr/0006).
  const { subgraphs } = loadConfig({
    subgraphs: oneOf('GEMENG_SUBGRAPHS', ['one-process', 'processes'], 'one-process'),
  });

  const started = Date.now();
  const stack: RunningStack = await startStack({
    ports,
    subgraphs,
    ...(process.env.GEMENG_DATA_DIR ? { dataDir: process.env.GEMENG_DATA_DIR } : {}),
    postgres: external ? { serverUrl: external } : 'embedded',
    onProgress: (line) => console.log(`· ${line}`),
    ...(process.env.GEMENG_GATEWAY ? { gatewayRuntime: process.env.GEMENG_GATEWAY as 'apollo' } : {}),
    ...(process.env.GEMENG_CORS_ORIGINS ? { corsOrigins: process.env.GEMENG_CORS_ORIGINS.split(',') } : {}),
    ...(process.env.GEMENG_ROUTER_SECRET ? { routerSecret: process.env.GEMENG_ROUTER_SECRET } : {}),
    env: { [DEMO_PEOPLE_SETTING]: String(demoPeople) },
  });
  console.log(`
Gemeng is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s):

  citizen portal   ${stack.shellUrl}
  GraphQL router   ${stack.routerUrl}
  OpenID Connect   ${stack.oidcIssuer}/.well-known/openid-configuration
  create account   ${new URL(stack.oidcIssuer).origin}/account/register${stack.mail ? `\n  mail inbox       ${stack.mail.inboxUrl}   (every mail the platform sends)` : ''}
  subgraphs        ${Object.entries(stack.subgraphUrls)
    .map(([name, url]) => `${name} ${url}`)
    .join('\n                   ')}
  (subgraphs answer only the router)
  logs             ${stack.logDir}

${demoPeople ? formatDemoPeople() : `  demo people      none: ${demoRefusal ?? `${DEMO_PEOPLE_SETTING}=false`}`}

Press Ctrl-C to stop.`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\n· stopping…');
    await stack.stop();
    console.log('· stopped; the data is kept for the next start');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`gemeng start: ${describeStartupFailure(error)}`);
  process.exit(1);
});
