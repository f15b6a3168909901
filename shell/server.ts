/**
 * The shell's server process (`npm start` runs its build, dist-server/server.js): settings from the environment
 * through @gemeng/service-kit, one line and exit 1 when it cannot start, a clean stop on SIGINT/SIGTERM.
 */
import {
  createLogger,
  host,
  httpUrl,
  loadConfig,
  port,
  runService,
  type Setting,
  StartupError,
} from '@gemeng/service-kit';
import { isDemoOperator, operatorFromConfig, operatorSettings } from './src/server/operator.ts';
import {
  DEFAULT_ROUTER_URL,
  DEFAULT_SHELL_HOST,
  DEFAULT_SHELL_PORT,
  ShellStartError,
  startShell,
} from './src/server/server.ts';

runService('shell', async () => {
  const config = loadConfig({
    port: port('SHELL_PORT', DEFAULT_SHELL_PORT),
    host: host('SHELL_HOST', DEFAULT_SHELL_HOST),
    // Absolute, or relative to the portal's origin (a proxy in front of both).
    routerUrl: { env: 'ROUTER_URL', read: (raw) => raw ?? DEFAULT_ROUTER_URL } satisfies Setting<string>,
    // Unset: the portal offers no sign-in.
    oidcIssuer: httpUrl('GEMENG_OIDC_ISSUER', ''),
    // Who runs the platform: the footer, the privacy notice and the accessibility statement (demo defaults).
    ...operatorSettings,
  });
  const log = createLogger('shell');
  const operator = operatorFromConfig(config);
  if (isDemoOperator(operator)) {
    log.info('the footer and statements show demo operator details: set GEMENG_OPERATOR_NAME, GEMENG_CONTACT_EMAIL, …');
  }
  try {
    const shell = await startShell({
      port: config.port,
      host: config.host,
      routerUrl: config.routerUrl,
      operator,
      ...(config.oidcIssuer ? { oidcIssuer: config.oidcIssuer } : {}),
      log: (line) => log.info(line),
    });
    return { stop: () => shell.close() };
  } catch (error) {
    if (!(error instanceof ShellStartError)) throw error;
    const hint = error.code === 'EADDRINUSE' || error.code === 'EACCES' ? ': set SHELL_PORT (and SHELL_HOST)' : '';
    throw new StartupError(`${error.message.replace(/\.$/, '')}${hint}`);
  }
});
