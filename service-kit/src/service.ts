import { ConfigError } from './config.ts';

/** A failure at start-up that the operator can fix (a port in use, a database that cannot be reached, …). */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** Turns the usual start-up failures into one line that says what to fix, instead of a stack trace. */
export function describeStartupFailure(error: unknown): string {
  if (error instanceof ConfigError || error instanceof StartupError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED') return `cannot reach the database (${message}): is PostgreSQL running?`;
  return message;
}

export interface Service {
  stop(): Promise<void>;
}

/**
 * Runs a long-lived service: prints one clear line and exits 1 when it cannot start, and stops it gracefully
 * on SIGINT/SIGTERM (a second signal exits at once).
 */
export function runService(name: string, start: () => Promise<Service>): void {
  start().then(
    (service) => {
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) process.exit(1);
        stopping = true;
        const timer = setTimeout(() => process.exit(1), 10_000);
        timer.unref();
        service.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(`gemeng ${name}: failed to stop on ${signal}: ${describeStartupFailure(error)}`);
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      // Started by `npm start` (with an IPC channel): stop with it, even when it is killed outright.
      if (process.send) process.once('disconnect', () => stop('SIGTERM'));
    },
    (error: unknown) => {
      console.error(`gemeng ${name}: ${describeStartupFailure(error)}`);
      process.exit(1);
    },
  );
}
