import { graphql } from '@gemeng/frontend-kit';
import type { ApplicationState } from './office-messages.ts';

/** The member communes (public): names the agent's communes, and finds one by slug or id. */
export const OFFICE_COMMUNES = graphql(`query OfficeCommunes {
  communes { id slug name procedures { code title } }
}`);

/** One page of a commune's inbox (keyset pagination on submission time and id). */
export const OFFICE_INBOX =
  graphql(`query OfficeInbox($communeId: ID!, $filter: OfficeFilter, $first: Int, $after: String) {
  officeApplications(communeId: $communeId, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id reference state submittedAt expectedDecisionOn overdue applicantName
        procedure { code title }
        assignee { id name }
      }
    }
  }
}`);

/** One application as an agent sees it: answers with their form, documents, history, messages and notes. */
export const OFFICE_APPLICATION = graphql(`query OfficeApplication($id: ID!) {
  application(id: $id) {
    id reference state version formVersion form answers
    submittedAt decidedAt expectedDecisionOn overdue applicantName
    procedure { code title attachments { key label } }
    commune { id }
    assignee { id name }
    history { at actorName actorRole fromState toState reason }
    messages { id at authorName authorRole body internal }
    attachments { id kind fileName mediaType size url }
    receiptUrl
  }
}`);

/** The filter as the graph takes it (`OfficeFilter`). */
export interface OfficeFilterInput {
  states?: ApplicationState[];
  procedureCode?: string;
  assigneeId?: string;
  unassigned?: boolean;
  overdue?: boolean;
  search?: string;
}

export interface InboxRow {
  readonly id: string;
  readonly reference: string | null;
  readonly state: ApplicationState;
  readonly submittedAt: string | null;
  readonly expectedDecisionOn: unknown;
  readonly overdue: boolean;
  readonly applicantName: string;
  readonly procedure: { readonly code: string; readonly title: string };
  readonly assignee: { readonly id: string; readonly name: string } | null;
}

export interface InboxPage {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly edges: readonly { readonly node: InboxRow }[];
}

export interface HistoryEntry {
  readonly at: string;
  readonly actorName: string;
  readonly actorRole: string;
  readonly fromState: ApplicationState | null;
  readonly toState: ApplicationState;
  readonly reason: string | null;
}

export interface MessageEntry {
  readonly id: string;
  readonly at: string;
  readonly authorName: string;
  readonly authorRole: string;
  readonly body: string;
  readonly internal: boolean;
}

export interface AttachmentEntry {
  readonly id: string;
  readonly kind: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly url: string | null;
}

export interface OfficeApplicationDetail extends Omit<InboxRow, 'procedure'> {
  readonly version: number;
  readonly formVersion: number;
  readonly form: unknown;
  readonly answers: unknown;
  readonly decidedAt: string | null;
  readonly procedure: {
    readonly code: string;
    readonly title: string;
    readonly attachments: readonly { readonly key: string; readonly label: string }[];
  };
  readonly commune: { readonly id: string };
  readonly history: readonly HistoryEntry[];
  readonly messages: readonly MessageEntry[];
  readonly attachments: readonly AttachmentEntry[];
  readonly receiptUrl: string | null;
}

export interface CommuneEntry {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly procedures: readonly { readonly code: string; readonly title: string }[];
}
