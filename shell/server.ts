import {
  DEFAULT_ROUTER_URL,
  DEFAULT_SHELL_HOST,
  DEFAULT_SHELL_PORT,
  ShellStartError,
  startShell,
} from './src/server-lib.ts';

const port = Number(process.env.SHELL_PORT ?? DEFAULT_SHELL_PORT);
const host = process.env.SHELL_HOST ?? DEFAULT_SHELL_HOST;
const routerUrl = process.env.ROUTER_URL ?? DEFAULT_ROUTER_URL;
const oidcIssuer = process.env.GEMENG_OIDC_ISSUER || undefined;

if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`SHELL_PORT must be a port number (0–65535), got "${process.env.SHELL_PORT}".`);
  process.exit(1);
}

try {
  if (oidcIssuer && !/^https?:\/\/[^/]/.test(oidcIssuer)) {
    console.error(`GEMENG_OIDC_ISSUER must be an http(s) URL, got "${oidcIssuer}".`);
    process.exit(1);
  }
  const shell = await startShell({ port, host, routerUrl, ...(oidcIssuer ? { oidcIssuer } : {}) });
  const stop = (signal: NodeJS.Signals) => {
    console.log(`Gemeng shell: ${signal} received, closing.`);
    shell.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (error) {
  if (error instanceof ShellStartError) {
    const hint =
      error.code === 'EADDRINUSE' || error.code === 'EACCES'
        ? ` Set SHELL_PORT (and SHELL_HOST) to use another address.`
        : '';
    console.error(`${error.message}${hint}`);
    process.exit(1);
  }
  throw error;
}
