/**
 * npm run api-client -w @gemeng/identity -- create "Name of the application"
 * npm run api-client -w @gemeng/identity -- revoke <client_id>
 * npm run api-client -w @gemeng/identity -- rotate-keys
 * (DATABASE_URL: the identity database.) Until the operators' back-office exists, the syndicate registers
 * third-party applications with this command.
 */
import { loadConfig, postgresUrl } from '@gemeng/subgraph-kit';
import { createDb } from '../db.ts';
import { createApiClient, revokeApiClient } from './api-clients.ts';
import { rotateKeys } from './keys.ts';

const [command, argument] = process.argv.slice(2);
const db = createDb(loadConfig({ url: postgresUrl('DATABASE_URL') }).url);
try {
  if (command === 'create' && argument) {
    const client = await createApiClient(db, argument);
    console.log(`client_id:     ${client.clientId}\nclient_secret: ${client.secret}\n(the secret is shown only now)`);
  } else if (command === 'revoke' && argument) {
    console.log(
      (await revokeApiClient(db, argument, { any: true })) ? `revoked ${argument}` : `no active client ${argument}`,
    );
  } else if (command === 'rotate-keys') {
    await rotateKeys(db);
    console.log('new signing and cookie keys: they sign from the next start of identity');
  } else {
    console.error('usage: api-client create "<name>" | revoke <client_id> | rotate-keys');
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`api-client: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
