import { InvalidInput } from '../shared/errors';

/**
 * The six categories a group is scored on each quarter (DOMAIN.md item 7, 积分管理) with their
 * maximum in hundredths of a point: 1.5 + 1.5 + 1 + 3 + 1.5 + 1.5 = 10 points.
 */
export const SCORE_CATEGORY_MAXIMA = {
  memberEducation: 150,
  memberManagement: 150,
  memberDevelopment: 100,
  servingTheCentre: 300,
  contactWithPublic: 150,
  distinctiveWork: 150,
} as const;

export type ScoreCategory = keyof typeof SCORE_CATEGORY_MAXIMA;
export const SCORE_CATEGORIES = Object.keys(SCORE_CATEGORY_MAXIMA) as ScoreCategory[];

/** Points per category in hundredths (150 = 1.50): events carry whole numbers, never floats. */
export type CategoryScores = Record<ScoreCategory, number>;

/** The same scores as people type them: decimal strings with at most two places ("1.25"). */
export type TypedScores = Record<ScoreCategory, string>;

const DECIMAL = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/** "1.5" → 150; refuses anything but a plain decimal with at most two places. */
export function parseHundredths(value: string, field: string): number {
  const match = DECIMAL.exec(value.trim());
  if (match === null) {
    throw new InvalidInput(
      'GROUP_SCORE.BAD_NUMBER',
      `${field} must be a decimal number with at most 2 places, like "1.25", got ${JSON.stringify(value)}`,
      field,
    );
  }
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 150 → "1.50". */
export function formatHundredths(hundredths: number): string {
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** Every category present, each from 0 to its maximum; returns them in hundredths. */
export function requireScores(typed: Partial<TypedScores> | null | undefined, field: string): CategoryScores {
  const scores = {} as CategoryScores;
  for (const category of SCORE_CATEGORIES) {
    const at = `${field}.${category}`;
    const value = typed?.[category];
    if (value === undefined || value === null || value.trim() === '') throw new InvalidInput('INPUT.REQUIRED', `${at} is required`, at);
    const hundredths = parseHundredths(value, at);
    const max = SCORE_CATEGORY_MAXIMA[category];
    if (hundredths > max) {
      throw new InvalidInput('GROUP_SCORE.OUT_OF_RANGE', `${at} must be from 0 to ${formatHundredths(max)}, got ${value.trim()}`, at);
    }
    scores[category] = hundredths;
  }
  return scores;
}

export function totalOf(scores: CategoryScores): number {
  return SCORE_CATEGORIES.reduce((sum, category) => sum + scores[category], 0);
}
