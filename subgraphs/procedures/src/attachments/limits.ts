/**
 * How much a citizen may upload. The router refuses a declared length above MAX_FILE_BYTES before reading the
 * body (it keeps its own copy of the number: it does not depend on procedures); procedures enforces both limits
 * while the bytes stream, so a chunked body without a length is held to them too.
 */
export const MEBIBYTE = 1024 * 1024;

/** One file: 10 MB (a scanned multi-page document as a compressed PDF fits). */
export const MAX_FILE_BYTES = 10 * MEBIBYTE;

/** All the files of one application together: 30 MB. */
export const MAX_APPLICATION_BYTES = 30 * MEBIBYTE;

/** The types a commune can open safely everywhere: what the magic bytes must say, and the claim must match. */
export const ALLOWED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AllowedType = (typeof ALLOWED_TYPES)[number];

/** The claimed `content-type` as the detected one would name it (parameters dropped, `image/jpg` → `image/jpeg`). */
export function normaliseClaimedType(header: string | undefined): string {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'image/jpg' || type === 'image/pjpeg' ? 'image/jpeg' : type;
}
