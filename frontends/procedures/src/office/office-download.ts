import { assertTokenEndpoint, type Language } from '@gemeng/frontend-kit';
import { to } from './office-messages.ts';

/** Why a download failed, for the message the agent reads. */
export type DownloadFailure = 'gone' | 'forbidden' | 'failed';

export class DownloadError extends Error {
  override readonly name = 'DownloadError';
  constructor(readonly reason: DownloadFailure) {
    super(`download failed: ${reason}`);
  }
}

/**
 * Where a document is served: the router's `/files/…` path (the attachment's `url`, else
 * `/files/attachments/<id>`) on the origin of the GraphQL endpoint, i.e. the page's router.
 */
export function fileUrl(endpoint: string, path: string): string {
  return new URL(path, new URL(endpoint, globalThis.location?.href)).href;
}

export interface DownloadOptions {
  readonly url: string;
  readonly fileName: string;
  readonly accessToken: () => Promise<string | undefined>;
  /** Where the temporary link goes (the widget's shadow root). */
  readonly container: Node & ParentNode;
  readonly fetch?: typeof fetch;
}

/**
 * Downloads a document that needs the agent's token: a plain link cannot carry `Authorization: Bearer` (and a
 * token in the address would end up in logs and the history), so it is fetched, kept as a blob, and saved
 * through a temporary `download` link under its own name. The token goes only to the page's router.
 */
export async function downloadWithToken(options: DownloadOptions): Promise<void> {
  assertTokenEndpoint(options.url);
  const token = await options.accessToken();
  const response = await (options.fetch ?? fetch)(options.url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    credentials: 'omit',
  });
  if (!response.ok) {
    throw new DownloadError(response.status === 404 ? 'gone' : response.status === 403 ? 'forbidden' : 'failed');
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = options.fileName;
  link.hidden = true;
  options.container.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The browser has taken the file once the click's task is over.
    setTimeout(() => URL.revokeObjectURL(href), 1000);
  }
}

/**
 * {@link downloadWithToken} for the back office (`url` resolved late: a misconfigured endpoint is a failure
 * here too): resolves to nothing once saved, else to the message the agent reads.
 */
export async function saveDocument(
  lang: Language,
  options: Omit<DownloadOptions, 'url'> & { readonly url: () => string },
): Promise<string | undefined> {
  try {
    await downloadWithToken({ ...options, url: options.url() });
    return undefined;
  } catch (error) {
    const reason = error instanceof DownloadError ? error.reason : 'failed';
    if (reason === 'failed') console.error(error);
    return to(
      lang,
      reason === 'gone' ? 'downloadGone' : reason === 'forbidden' ? 'downloadForbidden' : 'downloadFailed',
    );
  }
}
