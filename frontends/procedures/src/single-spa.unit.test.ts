import { describe, expect, it } from 'vitest';
import { applicationFromLocation, communeFromLocation } from './locations.ts';

const at = (pathname: string, search = '') => ({ pathname, search });

describe('portal routes of the procedure widgets', () => {
  it('takes the commune from /communes/<slug>/procedures, else ?commune=', () => {
    expect(communeFromLocation(at('/communes/esch-sur-alzette/procedures'))).toBe('esch-sur-alzette');
    expect(communeFromLocation(at('/communes/dudelange/procedures/'))).toBe('dudelange');
    expect(communeFromLocation(at('/procedures', '?commune=hesperange'))).toBe('hesperange');
    expect(communeFromLocation(at('/'))).toBeUndefined();
  });

  it('takes the application from /applications/<id>, else ?application=; the list otherwise', () => {
    expect(applicationFromLocation(at('/applications/0b7c'))).toBe('0b7c');
    expect(applicationFromLocation(at('/applications'))).toBeUndefined();
    expect(applicationFromLocation(at('/mine', '?application=x1'))).toBe('x1');
  });
});
