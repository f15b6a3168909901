import type { Scenario } from '../lib/types.ts';
import * as auth from './auth.ts';
import * as gateways from './gateways.ts';
import * as login from './login.ts';
import * as procedures from './procedures.ts';
import * as slice from './slice.ts';

/** Every scenario, in the order they run; the opt-in ones (`auth`, `login`, `procedures`) only when named with --scenario. */
export const SCENARIOS: Scenario[] = [slice, gateways, auth, login, procedures];
