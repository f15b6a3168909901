/**
 * Who works in a commune's back office: a person holding the agent or administrator role of that commune in their
 * token. Unlike the kit's `agentOf` scope, the operator flag alone does not count: operators run the platform for
 * the syndicate and see nothing personal of any commune's applicants (README, "Back office").
 */
import { type Caller, isPerson, type RequestContext } from '@gemeng/subgraph-kit';
import { officeText } from './messages.ts';

/** True when the caller holds a role in this commune (not as an operator). */
export function worksIn(caller: Caller | null, communeId: string): boolean {
  return isPerson(caller) && caller.roles.some((role) => role.communeId === communeId);
}

/** True when the caller holds a role in any commune: the only people the back office's mutations answer. */
export function worksInSomeCommune(caller: Caller | null): boolean {
  return isPerson(caller) && caller.roles.length > 0;
}

/** The acting agent as the history and messages record them: their id and the name in their token. */
export function agentActor(ctx: Pick<RequestContext, 'caller' | 'lang'>): { id: string; name: string } {
  const caller = ctx.caller;
  return { id: caller?.sub ?? '', name: caller?.name?.trim() || caller?.email || officeText('agent', ctx.lang) };
}
