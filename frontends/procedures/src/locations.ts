/** `/communes/<slug>/procedures…` or `?commune=<slug>` selects the commune; props (from the layout) come next. */
export function communeFromLocation(location: Pick<Location, 'pathname' | 'search'>): string | undefined {
  const match = /^\/communes\/([^/]+)\/procedures(?:\/|$)/i.exec(location.pathname);
  if (match?.[1]) return decodeURIComponent(match[1]);
  return new URLSearchParams(location.search).get('commune') ?? undefined;
}

/** `/applications/<id>` or `?application=<id>` opens one application's detail; `/applications` the list. */
export function applicationFromLocation(location: Pick<Location, 'pathname' | 'search'>): string | undefined {
  const match = /^\/applications\/([^/]+)\/?$/i.exec(location.pathname);
  if (match?.[1]) return decodeURIComponent(match[1]);
  return new URLSearchParams(location.search).get('application') ?? undefined;
}
