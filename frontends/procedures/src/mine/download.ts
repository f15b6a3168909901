import { assertTokenEndpoint } from '@gemeng/frontend-kit';

/**
 * Downloads a file the router serves only with the access token (an attachment, the receipt PDF): a link cannot
 * carry an `Authorization` header, so the file is fetched, kept as a blob and saved under its own name. `path` is
 * the router's (`/files/…`), resolved against the GraphQL endpoint's origin; the token goes nowhere else.
 */
export async function downloadFile(
  endpoint: string,
  path: string,
  fileName: string,
  accessToken: () => Promise<string | undefined>,
  lang: string,
): Promise<void> {
  const url = new URL(path, endpoint).href;
  assertTokenEndpoint(url);
  const token = await accessToken();
  const response = await fetch(url, {
    headers: { 'accept-language': lang, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    credentials: 'omit',
  });
  if (!response.ok) throw new Error(`Download of ${path} failed: HTTP ${response.status}`);
  const blob = await response.blob();
  const objectUrl = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = objectUrl;
    link.download = fileName;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the blob to the browser's download; keep it a moment for slow browsers.
    setTimeout(() => URL.revokeObjectURL(objectUrl), 30_000);
  }
}
