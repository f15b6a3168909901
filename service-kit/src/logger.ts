import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout, one line per event, each carrying the service name (and the request id per request). */
export function createLogger(service: string): Logger {
  return pino({
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-gemeng-router-secret"]'],
  });
}
