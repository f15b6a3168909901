/**
 * The one platform of a vitest data project (embedded, postgres): its global setup starts it
 * (./global-embedded.ts, ./global-postgres.ts) and provides what the test files need; a file reads it with
 * `sharedStack()`. Files share it, so each isolates itself by its own data: fresh people and unique addresses
 * (./oidc.ts `createPerson`), fresh communes where it counts them (./communes.ts), and requests from a client
 * address of its own (./client-address.ts). Only a test that must restart or reconfigure a platform starts one
 * of its own (./stack.ts `startStack`, or identity's pages alone: ./identity-web.ts).
 */
import 'vitest';
import { inject } from 'vitest';
import type { RunningStack } from '../../scripts/stack.ts';
import { type Inbox, remoteInbox } from './inbox.ts';
import type { TestTarget } from './stack.ts';

/** A browser origin the shared router and identity allow besides the portal (a commune's website). */
export const TEST_CORS_ORIGIN = 'https://www.dudelange.lu';

/** What a test file gets of its project's platform (plain data: it crosses from the setup to the workers). */
export interface SharedStackInfo
  extends Pick<
    RunningStack,
    'routerUrl' | 'oidcIssuer' | 'subgraphUrls' | 'databaseUrls' | 'ports' | 'routerSecret' | 'logDir' | 'pids'
  > {
  target: TestTarget;
  /** The local mail catcher's inbox (GET /messages?to=…). */
  mailInboxUrl: string;
  /** How the subgraphs pass domain events: the local bus (embedded) or NATS JetStream (postgres). */
  eventBus: 'local' | 'nats';
  /** With NATS JetStream: the broker and the run's GEMENG_EVENT_STREAM_PREFIX. */
  nats?: { url: string; streamPrefix: string };
}

export interface SharedStack extends SharedStackInfo {
  mail: Inbox;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: SharedStackInfo;
  }
}

/** The platform of this vitest project, started once by its global setup. */
export function sharedStack(): SharedStack {
  const info = inject('stack');
  if (!info) throw new Error('no shared platform: run this file in the embedded or postgres vitest project');
  return { ...info, mail: remoteInbox(info.mailInboxUrl) };
}

/** The plain data of a running stack, for `project.provide('stack', …)`. */
export function describeStack(
  stack: RunningStack,
  target: TestTarget,
  eventBus: SharedStackInfo['eventBus'],
  nats?: SharedStackInfo['nats'],
): SharedStackInfo {
  if (!stack.mail) throw new Error('the shared platform reads mail from the local catcher: unset SMTP_URL');
  return {
    target,
    eventBus,
    ...(nats ? { nats } : {}),
    routerUrl: stack.routerUrl,
    oidcIssuer: stack.oidcIssuer,
    subgraphUrls: stack.subgraphUrls,
    databaseUrls: stack.databaseUrls,
    ports: stack.ports,
    routerSecret: stack.routerSecret,
    logDir: stack.logDir,
    pids: stack.pids,
    mailInboxUrl: stack.mail.inboxUrl,
  };
}
