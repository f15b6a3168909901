import { describe, expect, it } from 'vitest';
import { officeApplicationFromLocation } from '../office-single-spa.ts';
import { agentCommuneIds, chooseCommune } from './office-commune.ts';
import { DEFAULT_FILTER, filterFromParams, filterToParams, filterToVariables } from './office-filter.ts';

const jwt = (claims: unknown) => `x.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.y`;

describe('the inbox filter in the address', () => {
  it('reads what a bookmark or a colleague’s link says, and takes an unknown value as the default', () => {
    const filter = filterFromParams(
      new URLSearchParams('state=IN_REVIEW&procedure=dog&assignee=me&overdue=yes&q=%20Muller%20'),
    );
    expect(filter).toEqual({ state: 'IN_REVIEW', procedure: 'dog', assignee: 'me', overdue: true, search: 'Muller' });
    expect(filterToParams(filter).toString()).toBe('state=IN_REVIEW&procedure=dog&assignee=me&overdue=yes&q=Muller');
    expect(filterFromParams(new URLSearchParams('state=DELETED&assignee=boss&procedure=a%20b'))).toEqual(
      DEFAULT_FILTER,
    );
    expect(filterToParams(DEFAULT_FILTER).toString()).toBe('');
  });

  it('becomes the graph’s filter: open states by default, "me" as the agent’s id, "unassigned" as a flag', () => {
    expect(filterToVariables(DEFAULT_FILTER, 'u1')).toEqual({ states: ['SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO'] });
    expect(filterToVariables({ ...DEFAULT_FILTER, state: 'all', assignee: 'unassigned' }, 'u1')).toEqual({
      unassigned: true,
    });
    expect(
      filterToVariables({ ...DEFAULT_FILTER, state: 'REJECTED', assignee: 'me', search: 'DUD-2026' }, 'u1'),
    ).toEqual({
      states: ['REJECTED'],
      assigneeId: 'u1',
      search: 'DUD-2026',
    });
  });
});

describe('the commune of the back office', () => {
  const communes = [
    { id: 'c1', slug: 'dudelange', name: 'Dudelange', procedures: [] },
    { id: 'c2', slug: 'esch', name: 'Esch-sur-Alzette', procedures: [] },
  ];

  it('comes from the attribute (slug or id), else the agent’s roles in the token', () => {
    const roles = agentCommuneIds(
      jwt({ gemeng_roles: [{ communeId: 'c2', role: 'agent' }, { communeId: 'c9', role: 'x' }, 'junk'] }),
    );
    expect(roles).toEqual(['c2']);
    expect(agentCommuneIds('not a token')).toEqual([]);
    expect(chooseCommune(communes, 'dudelange', roles)).toMatchObject({ kind: 'one', commune: { id: 'c1' } });
    expect(chooseCommune(communes, 'c1', [])).toMatchObject({ kind: 'one', commune: { slug: 'dudelange' } });
    expect(chooseCommune(communes, 'atlantis', roles)).toEqual({ kind: 'unknown', value: 'atlantis' });
    expect(chooseCommune(communes, undefined, roles)).toMatchObject({ kind: 'one', commune: { id: 'c2' } });
    expect(chooseCommune(communes, undefined, ['c1', 'c2'])).toMatchObject({ kind: 'several' });
    expect(chooseCommune(communes, undefined, ['c1', 'c2'], 'c1')).toMatchObject({
      kind: 'one',
      commune: { id: 'c1' },
    });
    expect(chooseCommune(communes, undefined, [])).toEqual({ kind: 'none' });
  });

  it('opens the application the portal’s address names', () => {
    expect(officeApplicationFromLocation({ pathname: '/office/applications/a%201', search: '' })).toBe('a 1');
    expect(officeApplicationFromLocation({ pathname: '/office', search: '?application=a2' })).toBe('a2');
    expect(officeApplicationFromLocation({ pathname: '/office', search: '?state=all' })).toBeUndefined();
  });
});
