import { describe, expect, it } from 'vitest';
import { acceptedEncodings, isCompressible } from './encoding.ts';

describe('acceptedEncodings', () => {
  it('prefers brotli when both are accepted alike', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('br;q=1.0, gzip;q=1.0')).toEqual(['br', 'gzip']);
  });

  it('follows q-values, and q=0 refuses a coding', () => {
    expect(acceptedEncodings('br;q=0.5, gzip;q=0.9')).toEqual(['gzip', 'br']);
    expect(acceptedEncodings('gzip, br;q=0')).toEqual(['gzip']);
    expect(acceptedEncodings('BR;Q=0, GZIP')).toEqual(['gzip']);
  });

  it('reads * as any coding not named, and x-gzip as gzip', () => {
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip;q=0, *;q=0.5')).toEqual(['br']);
    expect(acceptedEncodings('x-gzip')).toEqual(['gzip']);
  });

  it('accepts none without the header, with identity only, or with nonsense', () => {
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(acceptedEncodings('')).toEqual([]);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings('br;q=abc, ,;')).toEqual([]);
  });
});

it('compresses text, not images and fonts that are compressed already', () => {
  expect(isCompressible('text/javascript; charset=utf-8')).toBe(true);
  expect(isCompressible('application/json; charset=utf-8')).toBe(true);
  expect(isCompressible('image/svg+xml')).toBe(true);
  expect(isCompressible('image/png')).toBe(false);
  expect(isCompressible('font/woff2')).toBe(false);
});
