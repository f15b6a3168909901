import { communeRef, pickLanguage } from '@gemeng/subgraph-kit';
import { builder, Language } from '../builder.ts';
import type { CategoryCode } from '../catalogue/categories.ts';
import type { AttachmentRequirement, CatalogueProcedure, Texts } from '../catalogue/procedure.ts';
import { expectedDecisionOn } from '../catalogue/working-days.ts';
import { ProcedureCategory } from './category.ts';

export const AssuranceLevel = builder.enumType('AssuranceLevel', {
  description: 'The level of assurance of the sign-in a procedure needs (eIDAS): LOW, or SUBSTANTIAL (two factors).',
  values: { LOW: { value: 'low' }, SUBSTANTIAL: { value: 'substantial' } } as const,
});

export const ProcedureChannel = builder.enumType('ProcedureChannel', {
  description: 'ONLINE: done entirely online; COUNTER: described here, done at the commune’s counter.',
  values: { ONLINE: { value: 'online' }, COUNTER: { value: 'counter' } } as const,
});

const ProcedureAttachmentRequirement = builder
  .objectRef<AttachmentRequirement>('ProcedureAttachmentRequirement')
  .implement({
    description: 'A document the applicant attaches (PDF, JPEG or PNG).',
    fields: (t) => ({
      key: t.exposeString('key', { description: 'What the form’s file field names, e.g. "identity-document".' }),
      label: t.string({
        args: { lang: t.arg({ type: Language, required: false }) },
        resolve: (requirement, args, ctx) => pickLanguage(requirement.label, args.lang ?? ctx.lang),
      }),
      required: t.exposeBoolean('required'),
    }),
  });

/** The procedure a key names, for the router (applications name their procedure by id). */
export const Procedure = builder.objectRef<CatalogueProcedure>('Procedure');

const text = (name: string, description: string, pick: (procedure: CatalogueProcedure) => Texts) =>
  ({ name, description, pick }) as const;
const TEXTS = [
  text('title', 'Its name, e.g. "Certificate of residence".', (p) => p.title),
  text('summary', 'One or two sentences: what it is for.', (p) => p.summary),
  text('needs', 'What you need (documents, information) before you start.', (p) => p.needs),
  text('next', 'What happens once you have submitted it.', (p) => p.next),
];

Procedure.implement({
  description: 'A procedure one commune offers: the syndicate’s template with the commune’s fee, time and note.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code', {
      description: 'The same code for the same procedure in every commune, for example "residence-certificate".',
    }),
    ...Object.fromEntries(
      TEXTS.map(({ name, description, pick }) => [
        name,
        t.string({
          description,
          args: { lang: t.arg({ type: Language, required: false }) },
          resolve: (procedure, args, ctx) => pickLanguage(pick(procedure), args.lang ?? ctx.lang),
        }),
      ]),
    ),
    note: t.string({
      nullable: true,
      description: 'The commune’s own remark, e.g. the opening hours of its counter.',
      args: { lang: t.arg({ type: Language, required: false }) },
      resolve: (procedure, args, ctx) => (procedure.note ? pickLanguage(procedure.note, args.lang ?? ctx.lang) : null),
    }),
    category: t.field({ type: ProcedureCategory, resolve: (procedure) => procedure.category as CategoryCode }),
    assurance: t.field({ type: AssuranceLevel, resolve: (procedure) => procedure.assurance }),
    feeCents: t.exposeInt('feeCents', { description: 'The fee in euro cents; 0 when it is free.' }),
    processingDays: t.exposeInt('processingDays', {
      description: 'Working days until the decision (Luxembourg’s public holidays do not count).',
    }),
    minutesSaved: t.exposeInt('minutesSaved', { description: 'Minutes saved against a visit to the counter.' }),
    channel: t.field({ type: ProcedureChannel, resolve: (procedure) => procedure.channel }),
    attachments: t.field({ type: [ProcedureAttachmentRequirement], resolve: (procedure) => procedure.attachments }),
    formVersion: t.exposeInt('formVersion', { description: 'The version of the form new applications start with.' }),
    form: t.field({
      type: 'JSON',
      description: 'The form definition (@gemeng/forms FormDefinition) of formVersion.',
      resolve: (procedure) => procedure.form,
    }),
    expectedDecisionOn: t.field({
      type: 'Date',
      description: 'The expected decision day if submitted today (Europe/Luxembourg), in working days.',
      resolve: (procedure) => expectedDecisionOn(procedure.processingDays),
    }),
    commune: t.field({ type: communeRef(builder), resolve: (procedure) => ({ id: procedure.communeId }) }),
  }),
});

builder.asEntity(Procedure, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => ctx.services.catalogue.byId(ref.id),
});
