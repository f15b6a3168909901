/**
 * Keeping the catalogue: the syndicate's operators write templates (`procedureTemplateUpsert`), a commune's
 * administrators enable and adapt them (`communeProcedureSet`). Rules in ../catalogue/{validation,admin}.ts.
 */
import { entityMutation, localized, NotFoundError } from '@gemeng/subgraph-kit';
import { builder, Language } from '../builder.ts';
import { setCommuneProcedure, upsertTemplate } from '../catalogue/admin.ts';
import { adaptationProblems, templateProblems } from '../catalogue/validation.ts';
import { AssuranceLevel, Procedure, ProcedureChannel } from './procedure.ts';

const ProcedureTemplate = builder.prismaObject('ProcedureTemplate', {
  description: 'A procedure the syndicate keeps for every commune; each commune enables and adapts it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    title: t.string({
      args: { lang: t.arg({ type: Language, required: false }) },
      resolve: (template, args, ctx) => localized(template, 'title', args.lang ?? ctx.lang),
    }),
    isDefault: t.exposeBoolean('isDefault', { description: 'Enabled for a commune that joins.' }),
    formVersion: t.exposeInt('currentFormVersion', { description: 'The form version new applications start with.' }),
  }),
});

const TextsInput = builder.inputType('ProcedureTextsInput', {
  description: 'A text in the four languages, all required.',
  fields: (t) => ({
    lb: t.string({ required: true }),
    fr: t.string({ required: true }),
    de: t.string({ required: true }),
    en: t.string({ required: true }),
  }),
});

const NoteInput = builder.inputType('ProcedureNoteInput', {
  description: 'The commune’s remark per language; an empty language falls back to another.',
  fields: (t) => ({
    lb: t.string({ required: false }),
    fr: t.string({ required: false }),
    de: t.string({ required: false }),
    en: t.string({ required: false }),
  }),
});

const AttachmentInput = builder.inputType('ProcedureAttachmentRequirementInput', {
  fields: (t) => ({
    key: t.string({ required: true, description: 'Lower-case letters, digits, hyphens; what file fields name.' }),
    required: t.boolean({ required: true }),
    label: t.field({ type: TextsInput, required: true }),
  }),
});

entityMutation(builder, 'procedureTemplateUpsert', {
  description:
    'Creates or changes a syndicate template by code (operators). A changed form definition becomes a new ' +
    'form version; applications already started keep theirs.',
  input: (t) => ({
    code: t.string({ required: true, description: 'e.g. "residence-certificate"; never changes.' }),
    category: t.string({ required: true, description: 'One of the ProcedureCategory codes.' }),
    title: t.field({ type: TextsInput, required: true }),
    summary: t.field({ type: TextsInput, required: true }),
    needs: t.field({ type: TextsInput, required: true }),
    next: t.field({ type: TextsInput, required: true }),
    assurance: t.field({ type: AssuranceLevel, required: true }),
    feeCents: t.int({ required: true }),
    processingDays: t.int({ required: true }),
    minutesSaved: t.int({ required: true }),
    channel: t.field({ type: ProcedureChannel, required: true }),
    isDefault: t.boolean({ required: true }),
    attachments: t.field({ type: [AttachmentInput], required: true }),
    form: t.field({ type: 'JSON', required: true, description: 'A @gemeng/forms FormDefinition.' }),
  }),
  payload: { template: ProcedureTemplate },
  authScopes: { operator: true },
  validate: (input, ctx) => templateProblems({ ...input, form: input.form }, ctx.lang),
  resolve: async (input, ctx) => ({ template: await upsertTemplate(ctx.db, { ...input, form: input.form }) }),
});

entityMutation(builder, 'communeProcedureSet', {
  description:
    'Enables or disables a procedure for a commune and sets its own fee, processing time and note (its ' +
    'administrators). Omitted fields stay; null puts back the template’s value.',
  input: (t) => ({
    communeId: t.id({ required: true }),
    code: t.string({ required: true }),
    enabled: t.boolean({ required: false }),
    feeCents: t.int({ required: false }),
    processingDays: t.int({ required: false }),
    note: t.field({ type: NoteInput, required: false }),
  }),
  payload: { procedure: Procedure },
  errors: [NotFoundError],
  authScopes: (input) => ({ administratorOf: String(input.communeId) }),
  validate: (input, ctx) => adaptationProblems(input, ctx.lang),
  resolve: async (input, ctx) => {
    const id = await setCommuneProcedure(ctx.db, { ...input, communeId: String(input.communeId) }, ctx.lang);
    const procedure = await ctx.services.catalogue.byId(id);
    if (!procedure) throw new NotFoundError('');
    return { procedure };
  },
});
