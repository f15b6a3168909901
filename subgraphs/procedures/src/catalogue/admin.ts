/**
 * The catalogue's writes: the syndicate's templates (operators) and each commune's adaptation (its
 * administrators). A template's form definition is never changed in place: applications keep the version they
 * were started with, so a changed definition becomes a new FormVersion and the template's current one.
 */
import { isDeepStrictEqual } from 'node:util';
import { type Language, NotFoundError } from '@gemeng/subgraph-kit';
import type { Db } from '../db.ts';
import type { Prisma, ProcedureTemplate } from '../generated/prisma/client.ts';
import { type CategoryCode, categoryTitles } from './categories.ts';
import { text } from './messages.ts';
import type { Texts } from './procedure.ts';
import { searchTextOf } from './search.ts';
import type { AdaptationInput, TemplateInput } from './validation.ts';

type Tx = Prisma.TransactionClient;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const columns = (prefix: string, texts: Texts) => ({
  [`${prefix}Lb`]: texts.lb.trim(),
  [`${prefix}Fr`]: texts.fr.trim(),
  [`${prefix}De`]: texts.de.trim(),
  [`${prefix}En`]: texts.en.trim(),
});

/** The template's columns (without its form), search text included. */
export function templateColumns(input: TemplateInput) {
  return {
    category: input.category,
    ...(columns('title', input.title) as Record<`title${'Lb' | 'Fr' | 'De' | 'En'}`, string>),
    ...(columns('summary', input.summary) as Record<`summary${'Lb' | 'Fr' | 'De' | 'En'}`, string>),
    ...(columns('needs', input.needs) as Record<`needs${'Lb' | 'Fr' | 'De' | 'En'}`, string>),
    ...(columns('next', input.next) as Record<`next${'Lb' | 'Fr' | 'De' | 'En'}`, string>),
    assurance: input.assurance,
    feeCents: input.feeCents,
    processingDays: input.processingDays,
    minutesSaved: input.minutesSaved,
    channel: input.channel,
    isDefault: input.isDefault,
    attachments: input.attachments as unknown as Prisma.InputJsonValue,
    searchText: searchTextOf([
      input.code.replace(/-/g, ' '),
      ...Object.values(input.title),
      ...Object.values(input.summary),
      ...categoryTitles(input.category as CategoryCode),
    ]),
  };
}

/**
 * Creates or updates a template by code, in a transaction: a first or changed form definition is written as the
 * next FormVersion (its `version` set to that number) and becomes the current one; an unchanged one stays.
 */
export async function upsertTemplate(
  db: Db | Tx,
  input: TemplateInput,
  ids: { template?: string; form?: (v: number) => string } = {},
) {
  const write = async (tx: Tx): Promise<ProcedureTemplate> => {
    const data = templateColumns(input);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`procedure-template:${input.code}`}))`;
    const existing = await tx.procedureTemplate.findUnique({
      where: { code: input.code },
      include: { formVersions: { orderBy: { version: 'desc' }, take: 1 } },
    });
    const latest = existing?.formVersions[0];
    const form = input.form as { version?: number };
    const unchanged =
      latest !== undefined &&
      isDeepStrictEqual({ ...(latest.definition as object), version: 0 }, { ...form, version: 0 });
    const version = unchanged ? latest.version : (latest?.version ?? 0) + 1;
    const template = existing
      ? await tx.procedureTemplate.update({
          where: { id: existing.id },
          data: { ...data, currentFormVersion: version },
        })
      : await tx.procedureTemplate.create({
          data: {
            ...(ids.template ? { id: ids.template } : {}),
            code: input.code,
            ...data,
            currentFormVersion: version,
          },
        });
    if (!unchanged) {
      await tx.formVersion.create({
        data: {
          ...(ids.form ? { id: ids.form(version) } : {}),
          templateId: template.id,
          version,
          definition: { ...form, version } as Prisma.InputJsonValue,
        },
      });
    }
    return template;
  };
  return '$transaction' in db ? db.$transaction(write) : write(db);
}

/**
 * A commune's adaptation of a template (created on first use, enabled unless said otherwise): only the fields
 * given change; null puts back the template's fee or processing time, or removes the note. Returns its id.
 */
export async function setCommuneProcedure(
  db: Db,
  input: AdaptationInput & { communeId: string; code: string; enabled?: boolean | null },
  lang: Language,
): Promise<string> {
  const commune = UUID.test(input.communeId)
    ? await db.procedureCommune.findUnique({ where: { communeId: input.communeId } })
    : null;
  if (!commune) throw new NotFoundError(text('communeUnknown', lang));
  const template = await db.procedureTemplate.findUnique({ where: { code: input.code }, select: { id: true } });
  if (!template) throw new NotFoundError(text('procedureUnknown', lang, { code: input.code }));
  const blank = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
  const changes = {
    ...(input.enabled == null ? {} : { enabled: input.enabled }),
    ...(input.feeCents === undefined ? {} : { feeCents: input.feeCents }),
    ...(input.processingDays === undefined ? {} : { processingDays: input.processingDays }),
    ...(input.note === undefined
      ? {}
      : {
          noteLb: blank(input.note?.lb),
          noteFr: blank(input.note?.fr),
          noteDe: blank(input.note?.de),
          noteEn: blank(input.note?.en),
        }),
  };
  const row = await db.communeProcedure.upsert({
    where: { communeId_templateId: { communeId: input.communeId, templateId: template.id } },
    create: { communeId: input.communeId, templateId: template.id, ...changes },
    update: changes,
    select: { id: true },
  });
  return row.id;
}
