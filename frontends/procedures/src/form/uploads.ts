import { assertTokenEndpoint } from '@gemeng/frontend-kit';
import type { AttachmentInfo } from './form-data.ts';

/** The router's refusal of a file, in the reader's language (`{ error: { code, message } }`). */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/** The router's address of an application's attachments (its files endpoint, next to `/graphql`). */
export function attachmentsUrl(endpoint: string, applicationId: string, kind: string, fileName: string): string {
  const url = new URL(`/files/applications/${encodeURIComponent(applicationId)}/attachments`, endpoint);
  url.searchParams.set('kind', kind);
  url.searchParams.set('name', fileName);
  return url.href;
}

/** What an upload needs: the page's router, the token, the language of refusals, progress in percent. */
export interface UploadOptions {
  readonly endpoint: string;
  readonly token: string;
  readonly lang: string;
  readonly onProgress?: (percent: number) => void;
}

/**
 * Sends one file as the raw request body (the router refuses multipart GraphQL against CSRF; the bearer token makes
 * this request one no other site can forge), with progress (XMLHttpRequest: fetch has no upload progress). The
 * token goes only to the page's router (`assertTokenEndpoint`).
 */
export function uploadAttachment(
  applicationId: string,
  kind: string,
  file: File,
  options: UploadOptions,
): Promise<AttachmentInfo> {
  assertTokenEndpoint(options.endpoint);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', attachmentsUrl(options.endpoint, applicationId, kind, file.name));
    request.setRequestHeader('authorization', `Bearer ${options.token}`);
    request.setRequestHeader('content-type', file.type || 'application/octet-stream');
    request.setRequestHeader('accept-language', options.lang);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) options.onProgress?.(Math.round((event.loaded / event.total) * 100));
    });
    request.addEventListener('load', () => {
      const body = parse(request.responseText);
      if (request.status === 201 && body?.attachment) return resolve(body.attachment as AttachmentInfo);
      const error = body?.error as { code?: string; message?: string } | undefined;
      reject(new UploadError(error?.message ?? `HTTP ${request.status}`, error?.code ?? 'http'));
    });
    request.addEventListener('error', () => reject(new UploadError('network', 'network')));
    request.addEventListener('abort', () => reject(new UploadError('aborted', 'aborted')));
    request.send(file);
  });
}

/** Removes an attachment (the applicant's, while the application is a draft or waits for information). */
export async function deleteAttachment(id: string, options: Omit<UploadOptions, 'onProgress'>): Promise<void> {
  assertTokenEndpoint(options.endpoint);
  const response = await fetch(new URL(`/files/attachments/${encodeURIComponent(id)}`, options.endpoint), {
    method: 'DELETE',
    headers: { authorization: `Bearer ${options.token}`, 'accept-language': options.lang },
  });
  if (response.ok || response.status === 404) return;
  const body = parse(await response.text());
  const error = body?.error as { code?: string; message?: string } | undefined;
  throw new UploadError(error?.message ?? `HTTP ${response.status}`, error?.code ?? 'http');
}

/**
 * The receipt PDF, downloaded with the token (a plain link would carry none) and handed to the browser as a file.
 */
export async function downloadReceipt(url: string, fileName: string, options: Omit<UploadOptions, 'onProgress'>) {
  assertTokenEndpoint(options.endpoint);
  const response = await fetch(new URL(url, options.endpoint), {
    headers: { authorization: `Bearer ${options.token}`, 'accept-language': options.lang },
  });
  if (!response.ok) throw new UploadError(`HTTP ${response.status}`, 'http');
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
