/**
 * The portal client's redirect URIs follow the communes in the database (portal-client.ts): a commune added or
 * set inactive counts within a second, and a malformed stored origin is skipped rather than taking every
 * commune's sign-in down.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db.ts';
import { PORTAL_CLIENT_ID, portalClient } from '../src/oidc/portal-client.ts';
import { type IdentityTestDatabase, identityTestDatabase } from './database.ts';

let database: IdentityTestDatabase;
let db: Db;

beforeAll(async () => {
  database = await identityTestDatabase('identity_portal_client');
  db = database.db;
});
afterAll(() => database?.close());

const commune = (websiteOrigins: string[]) => {
  const slug = `test-${randomBytes(3).toString('hex')}`;
  return { slug, nameLb: slug, nameFr: slug, nameDe: slug, nameEn: slug, population: 1000, websiteOrigins };
};
const afterCache = () => new Promise((resolve) => setTimeout(resolve, 1100));

describe('the portal client', () => {
  it('has the portal origins and the active communes’ websites as redirect URIs, read anew', async () => {
    const find = portalClient(db, ['http://localhost:8080']);
    expect((await find())?.redirect_uris).toEqual(['http://localhost:8080/auth/callback']);

    const added = await db.commune.create({ data: commune(['https://www.mamer.lu', 'https://WWW.Mamer.lu/']) });
    await afterCache();
    const metadata = await find();
    expect(metadata).toMatchObject({ client_id: PORTAL_CLIENT_ID, token_endpoint_auth_method: 'none' });
    expect(metadata?.redirect_uris).toEqual([
      'http://localhost:8080/auth/callback',
      'https://www.mamer.lu/auth/callback',
    ]);
    expect(metadata?.post_logout_redirect_uris).toEqual(['http://localhost:8080/', 'https://www.mamer.lu/']);

    await db.commune.update({ where: { id: added.id }, data: { active: false } });
    await afterCache();
    expect((await find())?.redirect_uris).toEqual(['http://localhost:8080/auth/callback']);
  });

  it('skips stored values that are not origins, and exists only with at least one origin', async () => {
    const find = portalClient(db, []);
    expect(await find()).toBeUndefined();
    await db.commune.create({
      data: commune(['https://ok.example.lu', 'https://bad.example.lu/path', 'javascript:alert(1)', 'not a url']),
    });
    await afterCache();
    expect((await find())?.redirect_uris).toEqual(['https://ok.example.lu/auth/callback']);
  });
});
