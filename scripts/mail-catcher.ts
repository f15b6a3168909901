/**
 * A local SMTP server that keeps what it receives in memory, for `npm start` and the tests: the citizens'
 * verification and reset mails land here instead of in real mailboxes. Read them at the HTTP inbox
 * (`GET /` for people, `GET /messages[?to=address]` for programs) or with `waitFor` in-process.
 *
 * Run alone: `tsx scripts/mail-catcher.ts` (MAIL_CATCHER_SMTP_PORT, default 1025; MAIL_CATCHER_HTTP_PORT,
 * default 1080).
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Server as NetServer } from 'node:net';
import { pathToFileURL } from 'node:url';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: string;
  /** ISO 8601 */
  receivedAt: string;
  /** the From header (or the envelope sender when there is none) */
  from: string;
  /** the envelope recipients (everyone the message was delivered to, Bcc included) */
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** header name (lower case) → value; repeated headers are joined with a newline */
  headers: Record<string, string>;
  /** the attached files (a receipt's PDF): name, type, size in bytes and the first bytes (to tell a real PDF) */
  attachments: { fileName: string | null; contentType: string; size: number; magic: string }[];
}

export interface MailCatcherOptions {
  /** 0 for any free port */
  smtpPort: number;
  /** 0 for any free port */
  httpPort: number;
  host?: string;
  /** the oldest messages are dropped beyond this many */
  maxMessages?: number;
}

export interface MailCatcher {
  /** smtp://host:port — give it to the services as SMTP_URL */
  smtpUrl: string;
  /** http://host:port/ — the inbox */
  inboxUrl: string;
  /** newest first */
  messages(): CaughtMail[];
  /**
   * The newest message to `to` (case-insensitive) that satisfies `predicate`, already received or the next one
   * to arrive; rejects after `timeoutMs`.
   */
  waitFor(to: string, predicate?: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  close(): Promise<void>;
}

const MAX_SIZE = 10 * 1024 * 1024;

export async function startMailCatcher({
  smtpPort,
  httpPort,
  host = '127.0.0.1',
  maxMessages = 500,
}: MailCatcherOptions): Promise<MailCatcher> {
  const store: CaughtMail[] = []; // oldest first
  const arrivals = new EventEmitter();
  arrivals.setMaxListeners(0);
  let sequence = 0;

  const smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    size: MAX_SIZE,
    logger: false,
    banner: 'Gemeng mail catcher',
    closeTimeout: 1000,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onData(stream, session, callback) {
      simpleParser(stream, { skipImageLinks: true, skipTextToHtml: true })
        .then((parsed) => {
          if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
            const error = new Error('Message exceeds the 10 MB limit') as Error & { responseCode: number };
            error.responseCode = 552;
            callback(error);
            return;
          }
          const headers: Record<string, string> = {};
          for (const { key, line } of parsed.headerLines) {
            const value = line.slice(line.indexOf(':') + 1).trim();
            headers[key] = headers[key] === undefined ? value : `${headers[key]}\n${value}`;
          }
          const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          const mail: CaughtMail = {
            id: String(++sequence),
            receivedAt: new Date().toISOString(),
            from: addressText(parsed.from) || envelopeFrom,
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            headers,
            attachments: parsed.attachments.map((file) => ({
              fileName: file.filename ?? null,
              contentType: file.contentType,
              size: file.size,
              magic: file.content.subarray(0, 5).toString('latin1'),
            })),
          };
          store.push(mail);
          while (store.length > maxMessages) store.shift();
          arrivals.emit('mail', mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  // errors of single client connections must not stop the catcher
  smtp.on('error', () => {});

  const http = createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
      else res.end();
    }
  });

  function newestFirst(to?: string | null): CaughtMail[] {
    const wanted = to?.trim().toLowerCase();
    const list = [...store].reverse();
    return wanted ? list.filter((mail) => mail.to.some((address) => address.toLowerCase() === wanted)) : list;
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://catcher');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const reading = req.method === 'GET' || req.method === 'HEAD';
    const one = /^\/messages\/([^/]+)$/.exec(path);
    if (path === '/messages') {
      if (reading) json(res, 200, newestFirst(url.searchParams.get('to')));
      else if (req.method === 'DELETE') {
        store.length = 0;
        res.writeHead(204).end();
      } else methodNotAllowed(res, 'GET, HEAD, DELETE');
    } else if (one) {
      const mail = store.find((candidate) => candidate.id === decodeURIComponent(one[1] ?? ''));
      if (!reading) methodNotAllowed(res, 'GET, HEAD');
      else if (mail) json(res, 200, mail);
      else json(res, 404, { error: `no message with id ${one[1]}` });
    } else if (path === '/') {
      if (!reading) methodNotAllowed(res, 'GET, HEAD');
      else {
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
          'x-content-type-options': 'nosniff',
        });
        res.end(inboxPage(newestFirst(url.searchParams.get('to')), url.searchParams.get('to')));
      }
    } else {
      json(res, 404, {
        error: 'not found: use GET /, GET /messages[?to=address], GET /messages/:id, DELETE /messages',
      });
    }
  }

  await listenOn(smtp.server, smtpPort, host, 'SMTP');
  try {
    await listenOn(http, httpPort, host, 'HTTP');
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const smtpAddress = smtp.server.address() as AddressInfo;
  const httpAddress = http.address() as AddressInfo;

  return {
    smtpUrl: `smtp://${urlHost}:${smtpAddress.port}`,
    inboxUrl: `http://${urlHost}:${httpAddress.port}/`,
    messages: () => newestFirst(),
    waitFor(to, predicate = () => true, timeoutMs = 10_000) {
      const wanted = to.trim().toLowerCase();
      const matches = (mail: CaughtMail) =>
        mail.to.some((address) => address.toLowerCase() === wanted) && predicate(mail);
      const already = newestFirst().find(matches);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const onMail = (mail: CaughtMail) => {
          if (!matches(mail)) return;
          clearTimeout(timer);
          arrivals.off('mail', onMail);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          arrivals.off('mail', onMail);
          reject(new Error(`no mail to ${to} arrived within ${timeoutMs} ms (the catcher holds ${store.length})`));
        }, timeoutMs);
        arrivals.on('mail', onMail);
      });
    },
    async close() {
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeAllConnections();
        }),
      ]);
    },
  };
}

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value])
    .flatMap((object) => object.value)
    .map(({ name, address }) => (name ? `${name} <${address ?? ''}>` : (address ?? '')))
    .join(', ');
}

function listenOn(server: NetServer, port: number, host: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(
          new Error(
            `mail catcher: ${what} port ${port} on ${host} is already in use: stop what holds it or choose another port`,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(new Error(`mail catcher: not allowed to listen on ${host}:${port} (${what}): choose a port above 1024`));
      } else reject(new Error(`mail catcher: cannot listen on ${host}:${port} (${what}): ${error.message}`));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('allow', allow);
  json(res, 405, { error: `method not allowed: use ${allow}` });
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The inbox for people: every part of a message is shown as escaped text, mail HTML is never rendered. */
function inboxPage(mails: CaughtMail[], to: string | null): string {
  const items = mails
    .map(
      (mail) => `<li>
<article aria-labelledby="m${escapeHtml(mail.id)}">
<h2 id="m${escapeHtml(mail.id)}">${escapeHtml(mail.subject || '(no subject)')}</h2>
<dl>
<dt>To</dt><dd>${escapeHtml(mail.to.join(', '))}</dd>
<dt>From</dt><dd>${escapeHtml(mail.from)}</dd>
<dt>Received</dt><dd><time datetime="${escapeHtml(mail.receivedAt)}">${escapeHtml(mail.receivedAt.replace('T', ' ').slice(0, 19))} UTC</time></dd>
</dl>
<pre>${escapeHtml(mail.text)}</pre>
<p><a href="/messages/${encodeURIComponent(mail.id)}">JSON</a></p>
</article>
</li>`,
    )
    .join('\n');
  const heading = to ? `Mail to ${escapeHtml(to)}` : 'Mail catcher';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${heading} — Gemeng</title>
<style>
body{font-family:system-ui,sans-serif;line-height:1.5;margin:0 auto;padding:1rem;max-width:60rem;color:#1a1a1a;background:#fff}
ol{list-style:none;padding:0}li{border-top:1px solid #767676;padding:0.5rem 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:0 1rem;margin:0}dt{font-weight:bold}dd{margin:0}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f3f3f3;padding:0.75rem}
a{color:#00529b}
</style>
</head>
<body>
<main>
<h1>${heading}</h1>
<p>${mails.length === 0 ? 'No messages yet.' : `${mails.length} message${mails.length === 1 ? '' : 's'}, newest first.`} Reload the page to see new ones; <code>DELETE /messages</code> empties the inbox.</p>
<ol>
${items}
</ol>
</main>
</body>
</html>
`;
}

// Run as a script (tsx scripts/mail-catcher.ts); not when bundled into the launcher, whose entry is another file.
if (
  process.argv[1] &&
  /mail-catcher\.[jt]s$/.test(process.argv[1]) &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  const catcher = await startMailCatcher({
    smtpPort: Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025),
    httpPort: Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 1080),
  });
  console.log(`  SMTP   ${catcher.smtpUrl}\n  inbox  ${catcher.inboxUrl}`);
  const stop = () => void catcher.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
