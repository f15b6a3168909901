import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';

/** The options messages are parsed with, here and at run time: `<` is text, not a tag. */
export const PARSER_OPTIONS = Object.freeze({ ignoreTag: true });

/** Parses one ICU message; throws a SyntaxError naming the message when it does not parse. */
export function parseMessage(message: string, where = 'message'): MessageFormatElement[] {
  try {
    return parse(message, PARSER_OPTIONS);
  } catch (error) {
    throw new SyntaxError(`${where} does not parse: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A catalog (`messages/<feature>/<language>.json`) with every message parsed; throws on a non-string value. */
export function compileCatalog(
  catalog: Readonly<Record<string, unknown>>,
  file = 'catalog',
): Record<string, MessageFormatElement[]> {
  const compiled: Record<string, MessageFormatElement[]> = {};
  for (const [key, message] of Object.entries(catalog)) {
    if (typeof message !== 'string') throw new TypeError(`${file}: "${key}" is not a string`);
    compiled[key] = parseMessage(message, `${file}: "${key}"`);
  }
  return compiled;
}

const KINDS: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: 'text',
  [TYPE.number]: 'number',
  [TYPE.date]: 'date',
  [TYPE.time]: 'time',
  [TYPE.select]: 'select',
  [TYPE.plural]: 'plural',
};

/**
 * The arguments a message takes, as `name:kind` (`count:plural`, `name:text`, `gender:select(female|male|other)`),
 * sorted: two translations of a message must take the same ones. Plural branches may differ between languages
 * (CLDR gives Luxembourgish and French different categories), select branches may not.
 */
export function messageArguments(elements: readonly MessageFormatElement[]): string[] {
  const found = new Set<string>();
  const visit = (nodes: readonly MessageFormatElement[]): void => {
    for (const node of nodes) {
      if (node.type === TYPE.tag) visit(node.children);
      if (!('value' in node) || node.type === TYPE.literal) continue;
      let kind = KINDS[node.type];
      if (!kind) continue;
      if (node.type === TYPE.plural) kind = node.pluralType === 'ordinal' ? 'selectordinal' : 'plural';
      if (node.type === TYPE.select) kind = `select(${Object.keys(node.options).sort().join('|')})`;
      found.add(`${node.value}:${kind}`);
      if (node.type === TYPE.plural || node.type === TYPE.select) {
        for (const option of Object.values(node.options)) visit(option.value);
      }
    }
  };
  visit(elements);
  return [...found].sort();
}

/**
 * What is wrong with one feature's catalogs (language → parsed JSON): a key some language lacks, a message that
 * does not parse or is empty, arguments that differ between languages. Empty when all is well.
 */
export function catalogProblems(catalogs: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  const languages = Object.keys(catalogs);
  const keys = new Set<string>();
  for (const language of languages) {
    const catalog = catalogs[language];
    if (typeof catalog !== 'object' || catalog === null || Array.isArray(catalog)) {
      problems.push(`${language}: not an object of messages`);
      continue;
    }
    for (const key of Object.keys(catalog)) keys.add(key);
  }
  for (const key of [...keys].sort()) {
    const signatures = new Map<string, string[]>();
    for (const language of languages) {
      const message = (catalogs[language] as Record<string, unknown> | null)?.[key];
      if (message === undefined) {
        problems.push(`${language}: "${key}" is missing`);
      } else if (typeof message !== 'string' || message.trim() === '') {
        problems.push(`${language}: "${key}" is not a non-empty string`);
      } else {
        try {
          const signature = messageArguments(parseMessage(message, `${language}: "${key}"`)).join(', ');
          signatures.set(signature, [...(signatures.get(signature) ?? []), language]);
        } catch (error) {
          problems.push((error as Error).message);
        }
      }
    }
    if (signatures.size > 1) {
      const described = [...signatures].map(([signature, langs]) => `${langs.join('/')}: {${signature}}`);
      problems.push(`"${key}" takes different arguments: ${described.join(' vs ')}`);
    }
  }
  return problems;
}
