import type { Address, Answers, Field, FormDefinition, PrefillSource } from './types.ts';
import { isFilled, isRecord } from './visibility.ts';

/**
 * What the widget knows of the signed-in person (`me` in the graph: `name` and `email` today; `phone` and
 * `address` once the profile holds them). Every part is optional: a missing one prefills nothing.
 */
export interface Profile {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: Address | null;
}

/**
 * Each prefill source, the profile part it reads and the field types it may prefill: `validateDefinition` refuses
 * `prefill: 'email'` on a date, and the widget asks `me` for `PREFILL[source].profile`.
 */
export const PREFILL = {
  name: { profile: 'name', types: ['text'] },
  email: { profile: 'email', types: ['email', 'text'] },
  phone: { profile: 'phone', types: ['phone', 'text'] },
  address: { profile: 'address', types: ['address'] },
} as const satisfies Record<PrefillSource, { profile: keyof Profile; types: readonly Field['type'][] }>;

function fill(fields: readonly Field[], answers: Answers, profile: Profile): Answers {
  const filled: Answers = { ...answers };
  for (const field of fields) {
    if (field.type === 'group' && !field.repeatable) {
      const inner = isRecord(answers[field.key]) ? (answers[field.key] as Answers) : {};
      const result = fill(field.fields, inner, profile);
      if (Object.keys(result).length > 0) filled[field.key] = result;
      continue;
    }
    if (!field.prefill || isFilled(answers[field.key])) continue;
    const value = profile[PREFILL[field.prefill].profile];
    if (isFilled(value)) filled[field.key] = isRecord(value) ? { ...value } : value;
  }
  return filled;
}

/**
 * The answers with every empty prefillable field (outside repeated groups) taken from the profile: what the widget
 * starts a new draft with. An answer the citizen gave is never overwritten.
 */
export function prefillAnswers(definition: FormDefinition, profile: Profile, answers: Answers = {}): Answers {
  return fill(definition.fields, answers, profile);
}
