/**
 * Only same-origin paths are followed after sign-in or sign-out: a crafted returnTo must not send people
 * elsewhere. The URL parser resolves dot segments and drops tabs and newlines, so `/.//evil.com` or
 * `/\t/evil.com` come out as a path starting with `//`, which a browser would read as another host: leading
 * slashes (and backslashes) are collapsed into one.
 */
export function safeReturnPath(value: string | undefined, origin: string = location.origin): string {
  if (!value) return '/';
  try {
    const url = new URL(value, origin);
    if (url.origin !== origin) return '/';
    const path = `/${url.pathname.replace(/^[/\\]+/, '')}${url.search}${url.hash}`;
    // Checked again as the browser will read it: it must stay on this origin.
    return new URL(path, origin).origin === origin ? path : '/';
  } catch {
    return '/';
  }
}
