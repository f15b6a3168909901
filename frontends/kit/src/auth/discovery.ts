/** The provider's discovery document (OpenID Connect Discovery 1.0). */
import { AuthError, type ProviderMetadata } from './types.ts';

/** Fetches and checks `<issuer>/.well-known/openid-configuration`; the issuer it names must be `issuer`. */
export async function discover(issuer: string, fetchImpl: typeof fetch): Promise<ProviderMetadata> {
  const url = `${issuer}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetchImpl(url, { credentials: 'omit', headers: { accept: 'application/json' } });
  } catch (error) {
    throw new AuthError(`Could not reach the sign-in service at ${url}.`, 'network', { cause: error });
  }
  const body = (await response.json().catch(() => undefined)) as ProviderMetadata | undefined;
  if (!response.ok || !body?.authorization_endpoint || !body.token_endpoint) {
    throw new AuthError(`${url} is not an OpenID Connect discovery document.`, 'invalid-response');
  }
  if (body.issuer.replace(/\/+$/, '') !== issuer) {
    throw new AuthError(`The discovery document names issuer ${body.issuer}, not ${issuer}.`, 'invalid-response');
  }
  return body;
}
