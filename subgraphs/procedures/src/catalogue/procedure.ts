/**
 * One commune's procedure as the catalogue shows it: the syndicate's template with the commune's adaptation
 * (enabled, fee, processing days, note) applied, and the form definition of the template's current version.
 * Read in one SQL statement (see `selectProcedures`), so a catalogue of any size costs one round trip.
 */
import type { Language } from '@gemeng/subgraph-kit';
import type { Db } from '../db.ts';
import { Prisma } from '../generated/prisma/client.ts';

/** A text in the four languages. */
export type Texts = Record<Language, string>;

/** An attachment the procedure asks for (`key` is what a form's file field names). */
export interface AttachmentRequirement {
  key: string;
  required: boolean;
  label: Texts;
}

export type Assurance = 'low' | 'substantial';
export type Channel = 'online' | 'counter';

export interface CatalogueProcedure {
  /** The commune procedure's id (the `Procedure` entity key). */
  id: string;
  communeId: string;
  templateId: string;
  code: string;
  category: string;
  enabled: boolean;
  title: Texts;
  summary: Texts;
  needs: Texts;
  next: Texts;
  /** The commune's own remark, or null. */
  note: Texts | null;
  assurance: Assurance;
  feeCents: number;
  processingDays: number;
  minutesSaved: number;
  channel: Channel;
  attachments: AttachmentRequirement[];
  formVersion: number;
  formVersionId: string;
  /** The FormDefinition (@gemeng/forms) of `formVersion`. */
  form: unknown;
}

interface Row {
  id: string;
  commune_id: string;
  template_id: string;
  code: string;
  category: string;
  enabled: boolean;
  texts: Record<string, string | null>;
  assurance: string;
  fee_cents: number;
  processing_days: number;
  minutes_saved: number;
  channel: string;
  attachments: AttachmentRequirement[];
  form_version: number;
  form_version_id: string;
  form: unknown;
}

const texts = (row: Row, prefix: string): Texts => ({
  lb: row.texts[`${prefix}_lb`] ?? '',
  fr: row.texts[`${prefix}_fr`] ?? '',
  de: row.texts[`${prefix}_de`] ?? '',
  en: row.texts[`${prefix}_en`] ?? '',
});

function toProcedure(row: Row): CatalogueProcedure {
  const note = texts(row, 'note');
  return {
    id: row.id,
    communeId: row.commune_id,
    templateId: row.template_id,
    code: row.code,
    category: row.category,
    enabled: row.enabled,
    title: texts(row, 'title'),
    summary: texts(row, 'summary'),
    needs: texts(row, 'needs'),
    next: texts(row, 'next'),
    note: Object.values(note).some(Boolean) ? note : null,
    assurance: row.assurance === 'substantial' ? 'substantial' : 'low',
    feeCents: row.fee_cents,
    processingDays: row.processing_days,
    minutesSaved: row.minutes_saved,
    channel: row.channel === 'counter' ? 'counter' : 'online',
    attachments: row.attachments,
    formVersion: row.form_version,
    formVersionId: row.form_version_id,
    form: row.form,
  };
}

/**
 * The procedures matching `where` (a condition on `cp` = commune_procedure and `t` = procedure_template), in
 * one statement, ordered by commune then code.
 */
export async function selectProcedures(db: Pick<Db, '$queryRaw'>, where: Prisma.Sql): Promise<CatalogueProcedure[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT cp.id, cp.commune_id, cp.template_id, t.code, t.category, cp.enabled,
      jsonb_build_object(
        'title_lb', t.title_lb, 'title_fr', t.title_fr, 'title_de', t.title_de, 'title_en', t.title_en,
        'summary_lb', t.summary_lb, 'summary_fr', t.summary_fr, 'summary_de', t.summary_de, 'summary_en', t.summary_en,
        'needs_lb', t.needs_lb, 'needs_fr', t.needs_fr, 'needs_de', t.needs_de, 'needs_en', t.needs_en,
        'next_lb', t.next_lb, 'next_fr', t.next_fr, 'next_de', t.next_de, 'next_en', t.next_en,
        'note_lb', cp.note_lb, 'note_fr', cp.note_fr, 'note_de', cp.note_de, 'note_en', cp.note_en
      ) AS texts,
      t.assurance, COALESCE(cp.fee_cents, t.fee_cents) AS fee_cents,
      COALESCE(cp.processing_days, t.processing_days) AS processing_days, t.minutes_saved, t.channel, t.attachments,
      fv.version AS form_version, fv.id AS form_version_id, fv.definition AS form
    FROM commune_procedure cp
    JOIN procedure_template t ON t.id = cp.template_id
    JOIN form_version fv ON fv.template_id = t.id AND fv.version = t.current_form_version
    WHERE ${where}
    ORDER BY cp.commune_id, t.code`;
  return rows.map(toProcedure);
}

export { Prisma };
