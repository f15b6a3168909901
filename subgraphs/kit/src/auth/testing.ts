/** The stand-in OpenID Connect issuer for tests lives in `@gemeng/service-kit`; subgraph tests import it here. */
export * from '@gemeng/service-kit/auth/testing';
