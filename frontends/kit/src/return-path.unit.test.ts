import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path.ts';

const ORIGIN = 'https://www.gemeng.lu';
const follow = (value: string) => new URL(safeReturnPath(value, ORIGIN), ORIGIN);

describe('safeReturnPath', () => {
  it('keeps a path of the same site, with its query and fragment', () => {
    expect(safeReturnPath('/communes/dudelange?lang=fr#card', ORIGIN)).toBe('/communes/dudelange?lang=fr#card');
    expect(safeReturnPath(`${ORIGIN}/demarches`, ORIGIN)).toBe('/demarches');
    expect(safeReturnPath(undefined, ORIGIN)).toBe('/');
  });

  it.each([
    '/.//evil.com',
    '/./\\evil.com',
    '//evil.com',
    '/\\evil.com',
    '\\\\evil.com',
    '/\t/evil.com',
    '/\n/evil.com',
    '\t//evil.com/path',
    '/%2F%2Fevil.com',
    '/..//evil.com',
    'https://evil.com/',
    'javascript:alert(1)',
    '///evil.com',
  ])('never leaves the site for %j', (value) => {
    const path = safeReturnPath(value, ORIGIN);
    expect(path.startsWith('/')).toBe(true);
    expect(path.startsWith('//')).toBe(false);
    expect(path.startsWith('/\\')).toBe(false);
    expect(follow(value).origin).toBe(ORIGIN);
  });
});
