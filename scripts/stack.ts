/**
 * Starts the whole platform as separate processes: PostgreSQL (embedded, or an external server), the four
 * subgraphs (each migrated and seeded first), the router and the shell, each from its build (`dist/`, plain
 * node) unless `source` asks for the TypeScript under tsx. Used by `npm start`, the tests and the benchmarks.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StartupError } from '@gemeng/service-kit';
import { externalPostgres, type PostgresServer, startEmbeddedPostgres } from '@gemeng/subgraph-kit/embedded-postgres';
import { type MailCatcher, startMailCatcher } from './mail-catcher.ts';
import { builtEntry, launch, terminate, waitReady } from './processes.ts';
import { SUBGRAPHS, type SubgraphName, type SubgraphsMode, startSubgraphs, subgraphEntries } from './subgraphs.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export { SUBGRAPHS, type SubgraphName };

type ProcessName = SubgraphName | 'router' | 'shell';

export interface StackPorts {
  identity: number;
  procedures: number;
  culture: number;
  billing: number;
  router: number;
  shell: number;
  /** Only used for the embedded PostgreSQL. */
  postgres: number;
  /** The local mail catcher (SMTP, and its inbox over HTTP), unless SMTP_URL names a real relay. */
  mailSmtp: number;
  mailInbox: number;
}

export const DEFAULT_PORTS: StackPorts = {
  identity: 4001,
  procedures: 4002,
  culture: 4003,
  billing: 4004,
  router: 4000,
  shell: 8080,
  postgres: 54329,
  mailSmtp: 1025,
  mailInbox: 8025,
};

/** The environment variable that sets each port, named in messages. */
export const PORT_SETTINGS: Record<keyof StackPorts, string> = {
  identity: 'IDENTITY_PORT',
  procedures: 'PROCEDURES_PORT',
  culture: 'CULTURE_PORT',
  billing: 'BILLING_PORT',
  router: 'ROUTER_PORT',
  shell: 'SHELL_PORT',
  postgres: 'GEMENG_EMBEDDED_POSTGRES_PORT',
  mailSmtp: 'MAIL_CATCHER_SMTP_PORT',
  mailInbox: 'MAIL_CATCHER_HTTP_PORT',
};

export interface StackOptions {
  /** `embedded` (default) or the URL of any database on an external PostgreSQL ≥ 15. */
  postgres?: 'embedded' | { serverUrl: string };
  /** Folder for the embedded cluster and the logs (default `.gemeng/`). */
  dataDir?: string;
  /** Fixed ports, or `ephemeral` to take free ones (tests). */
  ports?: Partial<StackPorts> | 'ephemeral';
  /** Database name prefix: `gemeng_` gives gemeng_identity, … */
  databasePrefix?: string;
  gatewayRuntime?: 'apollo' | 'hive' | 'hive-rust';
  corsOrigins?: string[];
  shell?: boolean;
  routerSecret?: string;
  /** Progress lines for people (the JSON logs of the services go to <dataDir>/logs/). */
  onProgress?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Run the services' TypeScript under tsx instead of their build (default false: what production runs). */
  source?: boolean;
  /**
   * The subgraphs each in a process of their own (`processes`, the default: as production runs them), or the
   * four in one Node process (`one-process`: `npm start`'s lean embedded default, docs/adr/0006).
   */
  subgraphs?: SubgraphsMode;
}

export interface RunningStack {
  routerUrl: string;
  /** The OpenID Connect issuer (identity), for API clients' token requests. */
  oidcIssuer: string;
  /** The local mail catcher, when no SMTP_URL was given. */
  mail: MailCatcher | undefined;
  shellUrl: string | undefined;
  subgraphUrls: Record<SubgraphName, string>;
  databaseUrls: Record<SubgraphName, string>;
  ports: StackPorts;
  routerSecret: string;
  logDir: string;
  /** Process ids, for measuring CPU time per service. */
  pids: Partial<Record<ProcessName, number>>;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const progress = options.onProgress ?? (() => {});
  const dataDir = options.dataDir ?? join(ROOT, '.gemeng');
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const ports = await resolvePorts(options.ports);
  const routerSecret = options.routerSecret ?? randomBytes(32).toString('base64url');
  const prefix = options.databasePrefix ?? 'gemeng_';
  const children: { name: ProcessName; child: ChildProcess }[] = [];
  let postgres: PostgresServer | undefined;
  let mail: MailCatcher | undefined;
  const externalSmtp = options.env?.SMTP_URL ?? process.env.SMTP_URL;

  const stop = async () => {
    for (const { child } of children.reverse()) await terminate(child);
    children.length = 0;
    await postgres?.stop();
    postgres = undefined;
    await mail?.close();
    mail = undefined;
  };

  try {
    const embedded = (options.postgres ?? 'embedded') === 'embedded';
    await assertPortsFree(ports, embedded, options.shell !== false, !externalSmtp);
    const source = options.source ?? false;
    // Checked before anything starts: a missing or stale build is one line, not a half-started platform.
    subgraphEntries(options.subgraphs ?? 'processes', source, ROOT);
    const shellEntry =
      options.shell === false
        ? ''
        : serviceEntry('the shell', source, 'shell/server.ts', 'shell/dist-server/server.js');
    if (!externalSmtp) {
      progress('starting the mail catcher');
      mail = await startMailCatcher({ smtpPort: ports.mailSmtp, httpPort: ports.mailInbox });
    }

    if (options.postgres && options.postgres !== 'embedded') {
      progress('using the external PostgreSQL');
      postgres = externalPostgres(options.postgres.serverUrl);
    } else {
      progress(`starting the embedded PostgreSQL (data in ${join(dataDir, 'postgres')})`);
      postgres = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port: ports.postgres });
    }
    const server = postgres;
    const databaseUrls = Object.fromEntries(SUBGRAPHS.map((name) => [name, server.url(`${prefix}${name}`)])) as Record<
      SubgraphName,
      string
    >;

    for (const name of SUBGRAPHS) await server.ensureDatabase(`${prefix}${name}`);

    // identity's OpenID Connect provider issues the access tokens the router and the subgraphs verify.
    const oidcIssuer =
      options.env?.GEMENG_OIDC_ISSUER ?? process.env.GEMENG_OIDC_ISSUER ?? `http://localhost:${ports.identity}/oidc`;
    // Public OpenID Connect clients: the portal, and the commune websites that embed the widgets. The first is
    // where identity's pages link back to: localhost, the issuer's site, so the silent restore (ADR 11) works.
    const portalOrigins = [
      `http://localhost:${ports.shell}`,
      `http://127.0.0.1:${ports.shell}`,
      ...(options.corsOrigins ?? []),
    ];
    const baseEnv = {
      ...process.env,
      ...options.env,
      GEMENG_ROUTER_SECRET: routerSecret,
      GEMENG_OIDC_ISSUER: oidcIssuer,
      GEMENG_PORTAL_ORIGINS: portalOrigins.join(','),
      SMTP_URL: externalSmtp ?? mail?.smtpUrl ?? '',
      // procedures' attachments on the embedded default: next to the database, in the data folder.
      GEMENG_ATTACHMENTS_DIR:
        options.env?.GEMENG_ATTACHMENTS_DIR ?? process.env.GEMENG_ATTACHMENTS_DIR ?? join(dataDir, 'attachments'),
      // Domain events on one machine: every subgraph's outbox dispatcher POSTs to every subgraph (ADR 5).
      GEMENG_EVENT_CONSUMERS:
        options.env?.GEMENG_EVENT_CONSUMERS ??
        SUBGRAPHS.map((name) => `http://127.0.0.1:${ports[name]}/events`).join(','),
    };
    const subgraphUrls = Object.fromEntries(
      SUBGRAPHS.map((name) => [name, `http://127.0.0.1:${ports[name]}/graphql`]),
    ) as Record<SubgraphName, string>;
    // The shell serves files and needs only the router's address: it starts while the subgraphs do.
    let shell: ChildProcess | undefined;
    if (options.shell !== false) {
      if (!existsSync(join(ROOT, 'shell/dist/index.html'))) {
        throw new StartupError('the shell is not built: run `npm run build` first');
      }
      progress('starting the shell');
      shell = launch('shell', shellEntry, logDir, {
        ...withoutEventKeys(baseEnv),
        SHELL_PORT: String(ports.shell),
        ROUTER_URL: `http://127.0.0.1:${ports.router}/graphql`,
      });
      children.push({ name: 'shell', child: shell });
    }
    const shellReady = shell
      ? waitReady('shell', shell, `http://127.0.0.1:${ports.shell}/healthz`, logDir).then(
          () => undefined,
          (error: unknown) => error,
        )
      : Promise.resolve(undefined);
    await startSubgraphs({
      mode: options.subgraphs ?? 'processes',
      source,
      root: ROOT,
      ports,
      databaseUrls,
      env: baseEnv,
      migrationEnv: options.env,
      logDir,
      progress,
      started: (names, child) => {
        for (const name of names) children.push({ name, child });
      },
    });

    progress('starting the router');
    const corsOrigins = [
      `http://127.0.0.1:${ports.shell}`,
      `http://localhost:${ports.shell}`,
      ...(options.corsOrigins ?? []),
    ];
    const router = await launchRouter({
      port: ports.router,
      routerSecret,
      subgraphUrls,
      corsOrigins,
      logDir,
      ...(options.gatewayRuntime ? { runtime: options.gatewayRuntime } : {}),
      env: baseEnv,
      source,
    });
    children.push({ name: 'router', child: router.child });
    const routerUrl = router.url;

    const shellFailure = await shellReady;
    if (shellFailure) throw shellFailure;
    const shellUrl = shell ? `http://localhost:${ports.shell}/` : undefined;

    return {
      routerUrl,
      oidcIssuer,
      mail,
      shellUrl,
      subgraphUrls,
      databaseUrls,
      ports,
      routerSecret,
      logDir,
      pids: Object.fromEntries(children.map(({ name, child }) => [name, child.pid])),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface RouterProcessOptions {
  port: number;
  routerSecret: string;
  subgraphUrls: Record<SubgraphName, string>;
  corsOrigins: string[];
  logDir: string;
  runtime?: 'apollo' | 'hive' | 'hive-rust';
  env?: NodeJS.ProcessEnv;
  /** Log file name in logDir (default router.log). */
  logName?: string;
  /** Its TypeScript under tsx instead of its build. */
  source?: boolean;
}

/** A router process in front of running subgraphs (the stack's own, or another runtime to compare). */
export async function launchRouter(
  options: RouterProcessOptions,
): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const entry = serviceEntry('the router', options.source ?? false, 'router/src/main.ts', 'router/dist/main.js');
  const child = launch(options.logName ?? 'router', entry, options.logDir, {
    ...withoutEventKeys({ ...process.env, ...options.env }),
    GEMENG_ROUTER_SECRET: options.routerSecret,
    ROUTER_PORT: String(options.port),
    GEMENG_CORS_ORIGINS: options.corsOrigins.join(','),
    ...(options.runtime ? { GEMENG_GATEWAY: options.runtime } : {}),
    ...Object.fromEntries(SUBGRAPHS.map((name) => [`GEMENG_${name.toUpperCase()}_URL`, options.subgraphUrls[name]])),
  });
  try {
    await waitReady('router', child, `http://127.0.0.1:${options.port}/readyz`, options.logDir);
  } catch (error) {
    await terminate(child);
    throw error;
  }
  return { url: `http://127.0.0.1:${options.port}/graphql`, child, stop: () => terminate(child) };
}

/** A service's entry: its build (checked against its sources), or with `source` its TypeScript. */
function serviceEntry(name: string, source: boolean, sourceEntry: string, built: string): string {
  return source ? join(ROOT, sourceEntry) : builtEntry(name, built);
}

/** The router holds no event key: an event it posted would be refused anyway, and it must not be able to. */
function withoutEventKeys(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { GEMENG_EVENT_KEY: _key, GEMENG_EVENT_KEYS: _keys, ...rest } = env;
  return rest;
}

export async function resolvePorts(requested: StackOptions['ports']): Promise<StackPorts> {
  if (requested !== 'ephemeral') return { ...DEFAULT_PORTS, ...requested };
  const entries = await Promise.all(Object.keys(DEFAULT_PORTS).map(async (key) => [key, await freePort()] as const));
  return Object.fromEntries(entries) as unknown as StackPorts;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function assertPortsFree(ports: StackPorts, embedded: boolean, shell: boolean, mail: boolean) {
  for (const [key, port] of Object.entries(ports) as [keyof StackPorts, number][]) {
    if ((key === 'postgres' && !embedded) || (key === 'shell' && !shell)) continue;
    if ((key === 'mailSmtp' || key === 'mailInbox') && !mail) continue;
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (!free) {
      throw new StartupError(
        `port ${port} is already in use: stop what holds it, or set ${PORT_SETTINGS[key]} to another port`,
      );
    }
  }
}
