import { InvalidInput } from './errors';
import { canonicalCode } from './identity';
import { parseLocalDate, type LocalDate } from './localDate';

/**
 * Validators for what people type. Each throws `InvalidInput` naming the field and the rule,
 * and returns the value in the form the domain stores (trimmed, `null` for "none").
 */

export const MAX_NAME_LENGTH = 200;
export const MAX_TEXT_LENGTH = 2_000;

const CODE = /^[A-Z0-9][A-Z0-9._-]{0,63}$/;
/** Any control character (Unicode category Cc): names are one line of visible text. */
const CONTROL = /\p{Cc}/u;
/** Control characters other than line breaks and tabs, which a reason or a note may contain. */
const CONTROL_IN_TEXT = /(?![\n\r\t])\p{Cc}/u;

/** Length as a person counts it: code points, so a CJK name is not counted twice. */
const lengthOf = (value: string): number => Array.from(value).length;

/** Echoes input in a message without repeating 10,000 characters back to the caller. */
function quote(value: string): string {
  const shown = lengthOf(value) > 40 ? `${Array.from(value).slice(0, 40).join('')}…` : value;
  return JSON.stringify(shown);
}

/** Characters that draw nothing: format characters (zero-width spaces and joiners, U+FEFF) and white space. */
const INVISIBLE = /[\p{Cf}\s]/gu;
/** Bidirectional embeddings, overrides and isolates, which make text display in another order than it is stored. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** Half of a UTF-16 surrogate pair without its other half: not a character at all (with `u`, a whole pair is one code point and does not match). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * A name: trimmed, 1 to 200 characters, with at least one visible character; no control
 * characters, bidirectional overrides or broken characters. Returns it trimmed.
 */
export function requireName(value: string | null | undefined, field: string): string {
  const name = (value ?? '').trim();
  if (name === '') throw new InvalidInput('INPUT.REQUIRED', `${field} must not be empty`, field);
  if (name.replace(INVISIBLE, '') === '') {
    throw new InvalidInput('INPUT.REQUIRED', `${field} must contain a visible character, not only invisible ones such as zero-width spaces`, field);
  }
  if (LONE_SURROGATE.test(name)) throw new InvalidInput('INPUT.BROKEN_CHARACTER', `${field} holds a broken character (a lone UTF-16 surrogate)`, field);
  if (BIDI_CONTROL.test(name)) {
    throw new InvalidInput(
      'INPUT.BIDI_CONTROL',
      `${field} must not contain bidirectional override or isolate characters (U+202A–U+202E, U+2066–U+2069)`,
      field,
    );
  }
  if (lengthOf(name) > MAX_NAME_LENGTH) {
    throw new InvalidInput('INPUT.TOO_LONG', `${field} must be at most ${MAX_NAME_LENGTH} characters, got ${lengthOf(name)}`, field);
  }
  if (CONTROL.test(name)) {
    throw new InvalidInput('INPUT.CONTROL_CHARACTER', `${field} must not contain control characters such as line breaks or tabs`, field);
  }
  return name;
}

/**
 * An optional short code (`HX-01`): null when absent; otherwise in canonical form (NFKC, no
 * invisible characters, upper case) and matching `^[A-Z0-9][A-Z0-9._-]{0,63}$`.
 */
export function optionalCode(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  const code = canonicalCode(value);
  if (!CODE.test(code)) {
    throw new InvalidInput(
      'INPUT.BAD_CODE',
      `${field} must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit, got ${quote(code)}`,
      field,
    );
  }
  return code;
}

/** An optional free text (a reason, a note): null when absent or blank; otherwise trimmed, at most `max` characters. */
export function optionalText(value: string | null | undefined, field: string, max: number = MAX_TEXT_LENGTH): string | null {
  const text = (value ?? '').trim();
  if (text === '') return null;
  if (lengthOf(text) > max) {
    throw new InvalidInput('INPUT.TOO_LONG', `${field} must be at most ${max} characters, got ${lengthOf(text)}`, field);
  }
  if (LONE_SURROGATE.test(text)) throw new InvalidInput('INPUT.BROKEN_CHARACTER', `${field} holds a broken character (a lone UTF-16 surrogate)`, field);
  if (CONTROL_IN_TEXT.test(text)) {
    throw new InvalidInput('INPUT.CONTROL_CHARACTER', `${field} must not contain control characters other than line breaks and tabs`, field);
  }
  return text;
}

/** One of a fixed set of values (an enum arriving as text). */
export function requireOneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) {
    throw new InvalidInput('INPUT.UNKNOWN_VALUE', `${field} must be one of ${allowed.join(', ')}, got ${quote(String(value))}`, field);
  }
  return found;
}

/** A whole number from 1 to `max`. */
export function requirePositiveInteger(value: number, field: string, max: number = 36_500): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new InvalidInput('INPUT.OUT_OF_RANGE', `${field} must be a whole number from 1 to ${max}, got ${value}`, field);
  }
  return value;
}

/** A real calendar date that is not after `today` (facts are recorded once they happened). */
export function requireDateUpToToday(value: string, field: string, today: LocalDate): LocalDate {
  const date = parseLocalDate(value, field);
  if (date > today) throw new InvalidInput('DATE.IN_FUTURE', `${field} ${date} is in the future (today is ${today})`, field);
  return date;
}

/** The effective date of a command: a real date, not after the caller's `today`. */
export function requireEffectiveDate(command: { effectiveDate: string; today: LocalDate }): LocalDate {
  return requireDateUpToToday(command.effectiveDate, 'input.effectiveDate', command.today);
}
