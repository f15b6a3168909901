/**
 * Authenticator-app codes for tests that use one app several times in a row. Identity accepts each 30-second
 * step once and the steps next to the current one; so a test enrols with the previous step's code and later uses
 * the current one. The previous step's code is accepted only while the server is still in the step it was
 * computed in: on a busy machine a step may end between computing and checking, so the code is computed when at
 * least 20 seconds of the step remain (waiting up to 10 s).
 */
import type { TOTP } from 'otpauth';

const STEP_MS = 30_000;
const ROOM_MS = 20_000;

/** The previous step's code, computed when the current step has at least 20 s left. */
export async function enrolmentCode(totp: TOTP): Promise<string> {
  const left = STEP_MS - (Date.now() % STEP_MS);
  if (left < ROOM_MS) await new Promise((resolve) => setTimeout(resolve, left + 50));
  return totp.generate({ timestamp: Date.now() - STEP_MS });
}
