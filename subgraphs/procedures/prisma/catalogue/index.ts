import { bulkyWaste, dogRegistration } from './animals-waste.ts';
import { householdComposition, lifeCertificate, residenceCertificate } from './certificates.ts';
import { civilStatusExtract, signatureLegalisation } from './civil-status.ts';
import { publicSpace, residentParking } from './mobility-space.ts';
import { arrivalDeclaration } from './moving.ts';
import type { SeedProcedure } from './shared.ts';

/** The syndicate's seeded templates: real communal procedures of Luxembourg, texts in the four languages. */
export const SEED_PROCEDURES: readonly SeedProcedure[] = [
  residenceCertificate,
  householdComposition,
  lifeCertificate,
  civilStatusExtract,
  arrivalDeclaration,
  dogRegistration,
  bulkyWaste,
  residentParking,
  publicSpace,
  signatureLegalisation,
];

export type { SeedProcedure };
