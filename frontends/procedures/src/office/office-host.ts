import type { Language, MutationHost, Operation } from '@gemeng/frontend-kit';
import type { TemplateResult } from 'lit';

/** What the back office's parts (inbox, detail, actions) need from `<gemeng-office>`. */
export interface OfficeHost extends MutationHost {
  readonly language: Language;
  /** The signed-in agent's id (`sub`): "assigned to me". */
  readonly me: string | undefined;
  /** A heading `depth` levels below the element's `heading-level`, focusable by script. */
  heading(depth: number, content: string, id: string, part?: string): TemplateResult;
  /** One operation as the signed-in agent, to the page's router only. */
  request<TData, TVariables extends Record<string, unknown>>(
    operation: Operation<TData, TVariables>,
    variables?: TVariables,
  ): Promise<TData>;
  /** The address of an application's page (`/office/applications/<id>` on the portal). */
  applicationHref(id: string): string;
  /** The address of the inbox with its current filter. */
  inboxHref(): string;
  /** A link's click handler: on the portal the shell routes it; elsewhere the element changes page in place. */
  follow(event: Event, application: string | undefined): void;
  /** Loads the application shown again (after a change, or a conflict). */
  reloadApplication(): Promise<void>;
  /** Saves a document served by the router with the agent's token; resolves to a failure message, if any. */
  download(path: string, fileName: string): Promise<string | undefined>;
}
