import type { Scenario } from '../lib/types.ts';
import * as gateways from './gateways.ts';
import * as slice from './slice.ts';

/** Every scenario, in the order they run by default. */
export const SCENARIOS: Scenario[] = [slice, gateways];
