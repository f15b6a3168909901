import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp.ts';

describe('the portal’s CSP and the installable portal', () => {
  it('allows its own service worker and manifest, and nothing else of the kind', () => {
    const directives = contentSecurityPolicy('http://127.0.0.1:4000/graphql', 'http://127.0.0.1:4001/oidc').split('; ');
    expect(directives).toContain("worker-src 'self'");
    expect(directives).toContain("manifest-src 'self'");
  });
});
