/**
 * Identities people type: the same text typed twice (full-width or half-width forms, a
 * zero-width space, doubled or stray spaces, another letter case) names the same thing.
 * Normalised once, here, for the rules and for what is stored.
 */

/** Format characters that draw nothing: zero-width spaces and joiners, U+FEFF, soft hyphens. */
const FORMAT = /\p{Cf}/gu;
const WHITE_SPACE = /\s+/gu;

/** Text as it is stored: NFKC, without invisible format characters, runs of white space as one space, trimmed. */
export function canonicalText(text: string): string {
  return text.normalize('NFKC').replace(FORMAT, '').replace(WHITE_SPACE, ' ').trim();
}

/**
 * The key two names are compared by: canonical text without any white space, in lower case.
 * `李 家村`, `李家村\u200b` and `李家村` are one village; `Li Jia` and `lijia` one name.
 */
export function identityKey(text: string): string {
  return canonicalText(text).replace(WHITE_SPACE, '').toLowerCase();
}

/** A code as stored and compared: canonical text in upper case (`seq-1` and `SEQ-1` are one code). */
export function canonicalCode(code: string): string {
  return canonicalText(code).toUpperCase();
}

/** An id as given: an empty or blank id is no id. */
export function optionalId(id: string | null | undefined): string | null {
  const trimmed = id?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
