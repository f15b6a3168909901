import type { Localized, VisibleField } from '@gemeng/forms';
import type { FormContext, Language } from '@gemeng/frontend-kit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { AttachmentInfo } from './form-data.ts';
import { tx } from './form-messages.ts';

/** An upload in progress or failed, by the file field's path. */
export interface UploadState {
  readonly fileName: string;
  /** 0 to 100 while sending; undefined once failed. */
  readonly percent?: number;
}

/** What the field renderers need from the element: language, errors, ids, and the actions of groups and files. */
export interface RenderContext {
  readonly lang: Language;
  /** The kit's form context: ids `answers-<name>`, errors by control name. */
  readonly form: FormContext;
  addItem(path: string): void;
  removeItem(path: string, index: number): void;
  /** The application's attachments, by id (file answers hold ids). */
  attachment(id: string): AttachmentInfo | undefined;
  upload(path: string, kind: string, file: File): void;
  removeAttachment(path: string, id: string): void;
  uploadOf(path: string): UploadState | undefined;
}

/** A definition's text in the reader's language (every definition carries all four). */
export function local(text: Localized | undefined, lang: Language): string {
  return text ? (text[lang] ?? text.fr) : '';
}

/** The field's label, with GOV.UK's "(optional)" when an answer is not needed. */
export function labelOf(node: VisibleField, lang: Language): string {
  const label = local(node.field.label, lang);
  const optional = !node.field.required && node.field.type !== 'checkbox' && node.field.type !== 'group';
  return optional ? `${label} ${tx(lang, 'optional')}` : label;
}

/** The field's hint (and a text's pattern hint), or undefined. */
export function hintOf(node: VisibleField, lang: Language): string | undefined {
  const parts = [local(node.field.hint, lang)];
  if (node.field.type === 'text') parts.push(local(node.field.patternHint, lang));
  const hint = parts.filter(Boolean).join(' ');
  return hint || undefined;
}

/** An answer as a control's text. */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

/** A heading of `level` (clamped to h1–h6): the page decides where the widget's headings sit in its outline. */
export function heading(
  level: number,
  content: unknown,
  options: { part?: string; id?: string; focusable?: boolean } = {},
): TemplateResult {
  const tag = unsafeStatic(`h${Math.min(Math.max(Math.round(level), 1), 6)}`);
  return staticHtml`<${tag} part=${options.part ?? 'section-heading'} id=${ifDefined(options.id)}
    tabindex=${ifDefined(options.focusable ? '-1' : undefined)}>${content}</${tag}>`;
}
