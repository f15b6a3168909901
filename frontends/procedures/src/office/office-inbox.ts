import { formatDateTime, renderDataTable, renderField } from '@gemeng/frontend-kit';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate } from './office-answers.ts';
import {
  DEFAULT_FILTER,
  filterFromParams,
  filterToParams,
  filterToVariables,
  type InboxFilter,
  isFiltered,
  PAGE_SIZE,
} from './office-filter.ts';
import type { OfficeHost } from './office-host.ts';
import { Load } from './office-load.ts';
import { APPLICATION_STATES, STATE_LABELS, to } from './office-messages.ts';
import { type CommuneEntry, type InboxPage, type InboxRow, OFFICE_INBOX } from './office-operations.ts';

/** The state tag: the same words and look in the inbox and on the application. */
export function stateTag(host: OfficeHost, state: InboxRow['state']): TemplateResult {
  return html`<strong part="tag state-tag" class="tag state-${state.toLowerCase()}">${to(host.language, STATE_LABELS[state])}</strong>`;
}

/**
 * The inbox of one commune: the filter form (a GET-like form whose values the page's address keeps), the
 * applications as a data table, and keyset pagination ("Next page" with the cursor the graph gave; "Previous
 * page" goes back through the cursors already seen).
 */
export class OfficeInbox {
  filter: InboxFilter = DEFAULT_FILTER;
  /** The `after` cursor of each page shown so far: the current page is the last. */
  cursors: (string | undefined)[] = [undefined];
  readonly load: Load<InboxPage>;
  #communeId: string | undefined;

  constructor(
    private readonly host: OfficeHost,
    /** After the agent changed the filter: the element keeps it in the page's address. */
    private readonly filterChanged: (filter: InboxFilter) => void,
  ) {
    this.load = new Load(host);
  }

  /** The first page of `communeId` with the current filter (again, after a change elsewhere). */
  async show(communeId: string, options: { keepPage?: boolean } = {}): Promise<void> {
    if (communeId !== this.#communeId || !options.keepPage) this.cursors = [undefined];
    this.#communeId = communeId;
    await this.#fetch();
  }

  async #fetch(): Promise<boolean> {
    const communeId = this.#communeId;
    const me = this.host.me;
    if (!communeId || !me) return false;
    const after = this.cursors.at(-1);
    const variables = {
      communeId,
      filter: filterToVariables(this.filter, me),
      first: PAGE_SIZE,
      ...(after ? { after } : {}),
    };
    const page = await this.load.run(async () => {
      const data: { officeApplications: InboxPage } = await this.host.request(OFFICE_INBOX, variables);
      return data.officeApplications;
    });
    return page !== undefined;
  }

  #apply = async (event: SubmitEvent) => {
    event.preventDefault();
    this.filter = filterFromParams(new FormData(event.currentTarget as HTMLFormElement));
    this.cursors = [undefined];
    this.filterChanged(this.filter);
    if (await this.#fetch()) this.#focusResults();
  };

  #clear = async (event: Event) => {
    event.preventDefault();
    this.filter = DEFAULT_FILTER;
    this.cursors = [undefined];
    this.filterChanged(this.filter);
    if (await this.#fetch()) this.#focusResults();
  };

  async #page(step: 1 | -1): Promise<void> {
    if (this.load.state.status === 'loading') return;
    if (step === 1) {
      const cursor = this.load.shown?.pageInfo.endCursor;
      if (!cursor) return;
      this.cursors = [...this.cursors, cursor];
    } else if (this.cursors.length > 1) {
      this.cursors = this.cursors.slice(0, -1);
    }
    if (await this.#fetch()) this.#focusResults();
  }

  #focusResults(): void {
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLElement>('#office-results')?.focus(),
    );
  }

  /** The filter form: state, procedure, assignee, overdue, and the search by reference or name. */
  #renderFilters(commune: CommuneEntry): TemplateResult {
    const lang = this.host.language;
    const f = this.filter;
    const form = { lang, prefix: 'filter' };
    const states = [
      { value: 'open', label: to(lang, 'filterStateOpen') },
      { value: 'all', label: to(lang, 'filterStateAll') },
      ...APPLICATION_STATES.filter((s) => s !== 'DRAFT').map((s) => ({ value: s, label: to(lang, STATE_LABELS[s]) })),
    ];
    const procedures = [
      { value: '', label: to(lang, 'filterProcedureAll') },
      ...commune.procedures.map((p) => ({ value: p.code, label: p.title })),
    ];
    const assignees = ['anyone', 'me', 'unassigned'] as const;
    const assigneeLabel = {
      anyone: 'filterAssigneeAnyone',
      me: 'filterAssigneeMe',
      unassigned: 'filterAssigneeNone',
    } as const;
    return html`<form part="filters" class="filters" role="search" aria-labelledby="office-filters-heading"
      method="get" @submit=${(e: SubmitEvent) => void this.#apply(e)}>
      ${this.host.heading(1, to(lang, 'filtersHeading'), 'office-filters-heading')}
      ${renderField(form, { name: 'q', label: to(lang, 'searchLabel'), hint: to(lang, 'searchHint'), type: 'search', value: f.search, autocomplete: 'off', spellcheck: false })}
      ${renderField(form, { name: 'state', label: to(lang, 'filterState'), control: 'select', options: states, value: f.state })}
      ${renderField(form, { name: 'procedure', label: to(lang, 'filterProcedure'), control: 'select', options: procedures, value: f.procedure })}
      <fieldset part="choices" class="field">
        <legend part="label">${to(lang, 'filterAssignee')}</legend>
        <ul class="choices">
          ${assignees.map(
            (value) => html`<li>
              <input type="radio" id="filter-assignee-${value}" name="assignee" value=${value} .checked=${f.assignee === value} />
              <label for="filter-assignee-${value}">${to(lang, assigneeLabel[value])}</label>
            </li>`,
          )}
        </ul>
      </fieldset>
      <div class="check">
        <input type="checkbox" id="filter-overdue" name="overdue" value="yes" .checked=${f.overdue} />
        <label part="label" for="filter-overdue">${to(lang, 'filterOverdue')}</label>
      </div>
      <div class="actions">
        <button part="button" type="submit">${to(lang, 'filterApply')}</button>
        ${isFiltered(f) ? html`<a part="link" href=${this.host.inboxHref().split('?')[0] ?? ''} @click=${(e: Event) => void this.#clear(e)}>${to(lang, 'filterClear')}</a>` : nothing}
      </div>
    </form>`;
  }

  #columns() {
    const host = this.host;
    const lang = host.language;
    return [
      {
        header: to(lang, 'colReference'),
        rowHeader: true,
        cell: (row: InboxRow) =>
          html`<a part="link" href=${host.applicationHref(row.id)} @click=${(e: Event) => host.follow(e, row.id)}>${row.reference ?? to(lang, 'noReference')}</a>`,
      },
      { header: to(lang, 'colProcedure'), cell: (row: InboxRow) => row.procedure.title },
      { header: to(lang, 'colApplicant'), cell: (row: InboxRow) => row.applicantName },
      {
        header: to(lang, 'colSubmitted'),
        cell: (row: InboxRow) =>
          row.submittedAt ? formatDateTime(lang, row.submittedAt, { dateStyle: 'medium' }) : '–',
      },
      {
        header: to(lang, 'colDue'),
        cell: (row: InboxRow) =>
          html`${formatDate(lang, row.expectedDecisionOn) || '–'}${row.overdue ? html` <strong part="tag overdue" class="tag overdue">${to(lang, 'overdue')}</strong>` : nothing}`,
      },
      { header: to(lang, 'colState'), cell: (row: InboxRow) => stateTag(host, row.state) },
      {
        header: to(lang, 'colAssignee'),
        cell: (row: InboxRow) =>
          row.assignee
            ? row.assignee.id === host.me
              ? to(lang, 'assigneeYou', { name: row.assignee.name })
              : row.assignee.name
            : html`<span class="muted">${to(lang, 'unassigned')}</span>`,
      },
    ];
  }

  render(commune: CommuneEntry): TemplateResult {
    const lang = this.host.language;
    const page = this.load.shown;
    const state = this.load.state;
    const index = this.cursors.length - 1;
    const from = index * PAGE_SIZE + 1;
    const count = page?.edges.length ?? 0;
    const summary = page
      ? page.totalCount === 0
        ? to(lang, 'resultsNone')
        : to(lang, 'resultsRange', { from, to: from + count - 1, total: page.totalCount })
      : '';
    const busy = state.status === 'loading';
    return html`${this.#renderFilters(commune)}
      <section part="results" aria-labelledby="office-results" aria-busy=${busy ? 'true' : 'false'}>
        ${this.host.heading(1, to(lang, 'resultsHeading'), 'office-results')}
        <p part="count" role="status">${busy ? to(lang, 'loading') : summary}</p>
        ${
          page
            ? renderDataTable({
                part: 'inbox',
                caption: to(lang, 'tableCaption', { commune: commune.name }),
                captionHidden: true,
                columns: this.#columns(),
                rows: page.edges.map((edge) => edge.node),
                empty: to(lang, isFiltered(this.filter) ? 'emptyFiltered' : 'emptyInbox'),
                rowClass: (row) => (row.overdue ? 'overdue' : undefined),
              })
            : nothing
        }
        ${
          page && (index > 0 || page.pageInfo.hasNextPage)
            ? html`<nav part="pagination" class="actions" aria-label=${to(lang, 'paginationLabel')}>
                ${index > 0 ? html`<button part="button secondary" class="secondary" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => void this.#page(-1)}>${to(lang, 'previousPage')}</button>` : nothing}
                ${page.pageInfo.hasNextPage ? html`<button part="button" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => void this.#page(1)}>${to(lang, 'nextPage')}</button>` : nothing}
              </nav>`
            : nothing
        }
      </section>`;
  }

  /** The query string of the current filter (for the page's address and the links back to the inbox). */
  get query(): string {
    const params = filterToParams(this.filter).toString();
    return params ? `?${params}` : '';
  }
}
