import { inflateSync } from 'node:zlib';

/**
 * The codes printed on a code card PDF (subgraphs/identity/src/factors/code-card-pdf.ts), read the way a person
 * reads the card: the page's text, in the order it is drawn (row by row), keeping the four-digit cells.
 */
export function codesOfCard(pdf: Buffer): string[] {
  const texts: string[] = [];
  const source = pdf.toString('latin1');
  for (const match of source.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = source.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not a compressed content stream (fonts, metadata)
    }
    for (const shown of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) {
      texts.push(Buffer.from(shown[1] ?? '', 'hex').toString('latin1'));
    }
  }
  return texts.filter((text) => /^\d{4}$/.test(text));
}
