/** An absolute URL's origin for connect-src; a relative URL is same-origin ('self'). */
function connectSource(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "'self'";
  }
}

/**
 * The portal page's CSP. Scripts come only from the portal's own files (`script-src 'self'`): the page has no
 * inline script at all, so it needs neither hashes nor 'unsafe-inline'; its settings travel in `<meta>` tags.
 * With an issuer, `connect-src` also allows its origin: the page fetches discovery and calls the token and
 * revocation endpoints. Signing in and out are top-level navigations (not limited by CSP); the page posts no
 * form to the issuer, so `form-action` stays 'self'. The installable portal: its service worker (`/sw.js`) and
 * its web app manifest come from the portal itself (`worker-src`, `manifest-src`). Silent restore of the sign-in
 * (ADR 11): a hidden frame asks the issuer (`frame-src`: its origin) and is redirected back to the portal's
 * `/auth/callback` (`frame-src 'self'`), which must therefore let the portal frame it (`frame-ancestors 'self'`:
 * the portal only, no other site).
 */
export function contentSecurityPolicy(routerUrl: string, oidcIssuer?: string): string {
  const connect = [
    ...new Set(["'self'", connectSource(routerUrl), ...(oidcIssuer ? [connectSource(oidcIssuer)] : [])]),
  ];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    `frame-src ${oidcIssuer ? `'self' ${connectSource(oidcIssuer)}` : "'none'"}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
    "object-src 'none'",
  ].join('; ');
}
