/**
 * The verified caller, from the access token the router forwards (checked again by each subgraph's server,
 * see `auth/verify.ts`); null for anonymous requests, which may read only the public graph.
 */
export interface Caller {
  /** Subject: the user or API client id. */
  sub: string;
  /** The OAuth client the token was issued to (`client_id`). */
  clientId: string;
  /** Level of assurance of the login (`acr`; anything but "substantial" counts as "low"). */
  acr: 'low' | 'substantial';
  /** Roles per commune id (`gemeng_roles`; malformed entries are dropped). */
  roles: { communeId: string; role: 'agent' | 'administrator' }[];
  /** Operates the platform for the syndicate (`gemeng_operator: true`). */
  operator: boolean;
  /** Granted OAuth scopes (`scope`, space-separated). */
  scopes: string[];
  /**
   * The sign-in session the token belongs to (`sid`: the provider's session uid, stable per browser session);
   * absent in API clients' tokens. Identity looks the session up to judge recent authentication.
   */
  sid?: string;
  /** When the person last authenticated in that session (`auth_time`), as the token says. */
  authTime?: Date;
  /** The person's name (`name`), for what a service records of who acted (an applicant, an agent); absent for API clients. */
  name?: string;
  /** The person's confirmed address (`email`), for the mails a service sends them; absent for API clients. */
  email?: string;
  /** The person's preferred language (`locale`: lb, fr, de or en), for those mails; absent for API clients. */
  locale?: string;
}
