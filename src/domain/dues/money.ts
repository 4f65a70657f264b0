import { InvalidInput } from '../shared/errors';

/** The currency dues are kept in; amounts are whole minor units (fen). */
export const DUES_CURRENCY = 'CNY';
export type DuesCurrency = typeof DUES_CURRENCY;

/** Largest amount accepted, in minor units (one billion yuan): keeps income × basis points exact in a double. */
export const MAX_MINOR = 100_000_000_000;

const DECIMAL = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/** A decimal amount typed by a person ("12.5", "3000") as whole minor units; the error names the field. */
export function parseMoney(value: string, field: string, options: { allowZero: boolean }): number {
  const match = DECIMAL.exec(value.trim());
  if (match === null) {
    throw new InvalidInput('MONEY.INVALID', `${field} must be a decimal amount with at most 2 places, like "12.50", got ${JSON.stringify(value)}`, field);
  }
  const minor = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (minor > MAX_MINOR) throw new InvalidInput('MONEY.TOO_LARGE', `${field} must be at most ${formatMinor(MAX_MINOR)}, got ${value}`, field);
  if (minor === 0 && !options.allowZero) throw new InvalidInput('MONEY.NOT_POSITIVE', `${field} must be more than 0, got ${JSON.stringify(value)}`, field);
  return minor;
}

/** Whole minor units as a decimal string with two places: 1250 → "12.50". */
export function formatMinor(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
