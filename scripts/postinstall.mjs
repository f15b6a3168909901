// Generates the Prisma clients after install, so that `npm install && npm start` needs nothing else.
import { execSync } from 'node:child_process';

if (!process.env.GEMENG_SKIP_GENERATE) {
  execSync('npx turbo run generate --output-logs=errors-only', {
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
}
