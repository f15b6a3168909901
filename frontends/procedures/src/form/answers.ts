import type { Answers, VisibleField } from '@gemeng/forms';

/**
 * Paths and control names. An answer's path is `dogs.1.chip` (as `@gemeng/forms` and the server name it); the
 * control's name (and so its id, `answers-dogs-1-chip`) uses `-` instead of `.`, because the kit's pieces build
 * `#id` selectors from it. Field keys are letters, digits and `_`, so the two convert both ways.
 */
export const nameOfPath = (path: string): string => path.replaceAll('.', '-');
export const pathOfName = (name: string): string => name.replaceAll('-', '.');

/** The answer at `path`, or undefined. */
export function getAt(answers: Answers, path: string): unknown {
  let current: unknown = answers;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * A copy of `answers` with `value` at `path` (undefined removes it); missing containers are created, an array
 * where the next segment is an item's index.
 */
export function setAt(answers: Answers, path: string, value: unknown): Answers {
  const [head, ...rest] = path.split('.');
  return setIn(answers, head ?? '', rest, value) as Answers;
}

function setIn(container: unknown, key: string, rest: string[], value: unknown): unknown {
  const index = /^\d+$/.test(key) ? Number(key) : undefined;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(container)
    ? [...container]
    : container && typeof container === 'object'
      ? { ...(container as Record<string, unknown>) }
      : index === undefined
        ? {}
        : [];
  const current = (copy as Record<string, unknown>)[key];
  const next = rest.length
    ? setIn(current ?? (/^\d+$/.test(rest[0] ?? '') ? [] : {}), rest[0] ?? '', rest.slice(1), value)
    : value;
  if (next === undefined && !Array.isArray(copy)) delete copy[key];
  else if (Array.isArray(copy) && index !== undefined) copy[index] = next;
  else (copy as Record<string, unknown>)[key] = next;
  return copy;
}

/** The shown field whose answer lives at `path` (a repeated item's fields included), or undefined. */
export function findVisible(nodes: readonly VisibleField[], path: string): VisibleField | undefined {
  for (const node of nodes) {
    if (node.path === path) return node;
    if (!path.startsWith(`${node.path}.`)) continue;
    const inner = node.fields ?? node.items?.flat() ?? [];
    const found = findVisible(inner, path);
    if (found) return found;
  }
  return undefined;
}

/** What the citizen typed in a number field: a number when it reads as one, else the text (validation says why). */
export function numberAnswer(raw: string): number | string | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  const normalized = text.replace(/\s/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : text;
}

/** A text answer: undefined when blank, so that "filled" conditions and `required` see it as unanswered. */
export function textAnswer(raw: string): string | undefined {
  return raw.trim() ? raw : undefined;
}
