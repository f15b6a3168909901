import type { LifeCycles } from 'single-spa';
import { APPLICATIONS_META_NAME } from './server/page.ts';

/** A single-spa application's module URL and the export holding its lifecycles (the module itself without one). */
export interface ApplicationModule {
  readonly module: string;
  readonly lifecycles?: string;
}

export type ImportModule = (url: string) => Promise<Record<string, unknown>>;

/** A variable URL keeps Vite from bundling the module: the browser fetches it from /widgets/ when asked. */
export const importModule: ImportModule = (url) => import(/* @vite-ignore */ url);

/**
 * The applications the server found in the frontend builds (`<meta name="gemeng:applications">`, JSON): the page
 * has no import map, since an inline script would need an exception in its CSP.
 */
export function pageApplications(root: Pick<Document, 'querySelector'> = document): Record<string, ApplicationModule> {
  const content = root.querySelector<HTMLMetaElement>(`meta[name="${APPLICATIONS_META_NAME}"]`)?.content;
  if (!content) return {};
  try {
    const parsed: unknown = JSON.parse(content);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, ApplicationModule>) : {};
  } catch {
    return {};
  }
}

/** Imports an application's module and returns its lifecycles; rejects (single-spa shows the error) without one. */
export async function importApplication(
  name: string,
  applications: Readonly<Record<string, ApplicationModule>>,
  load: ImportModule = importModule,
): Promise<LifeCycles> {
  const application = applications[name];
  if (!application) throw new Error(`No module for the application ${name}: its frontend package is not built.`);
  const module = await load(application.module);
  const lifecycles = application.lifecycles ? module[application.lifecycles] : module;
  if (!lifecycles || typeof (lifecycles as LifeCycles).mount === 'undefined') {
    throw new Error(
      `${application.module} has no single-spa lifecycles in ${application.lifecycles ?? 'its exports'}.`,
    );
  }
  return lifecycles as LifeCycles;
}
