import { graphql, type OperationResult } from '@gemeng/frontend-kit';

/**
 * A commune's enabled procedures, searched and filtered by the graph (it searches the four languages, ignoring
 * accents), with the categories that hold at least one: a public query, sent as a cacheable GET.
 */
export const CATALOGUE_QUERY = graphql(`query ProcedureCatalogue($slug: String!, $search: String, $category: String) {
  commune(slug: $slug) {
    slug
    name
    procedureCategories { code title }
    procedures(search: $search, category: $category) {
      id
      code
      title
      summary
      feeCents
      processingDays
      channel
      category { code title }
    }
  }
}`);

export type CatalogueData = OperationResult<typeof CATALOGUE_QUERY>;
export type CatalogueCommune = NonNullable<CatalogueData['commune']>;
export type CatalogueProcedure = CatalogueCommune['procedures'][number];

/** The portal's form route; a commune website sets its own, e.g. `?procedure={procedure}`. */
export const DEFAULT_FORM_HREF = '/communes/{commune}/procedures/{procedure}';

/** Fills a `form-href` template: `{commune}` and `{procedure}` become the slug and the code, URL-encoded. */
export function formHref(template: string | undefined, commune: string, procedure: string): string {
  return (template || DEFAULT_FORM_HREF)
    .replaceAll('{commune}', encodeURIComponent(commune))
    .replaceAll('{procedure}', encodeURIComponent(procedure));
}

/** What the reader asked for: the trimmed search text (none when empty) and the category (none for all). */
export function catalogueVariables(slug: string, search: string, category: string) {
  const text = search.trim();
  return { slug, ...(text ? { search: text } : {}), ...(category ? { category } : {}) };
}
