import type { LocalDate } from '../shared/localDate';
import { isLocalDate } from '../shared/localDate';
import { DUES_CATEGORIES, type DuesCategory } from './duesCategory';
import { MAX_MINOR } from './money';
import { firstDayOf, type Period } from './period';

/** One bracket: monthly income up to `upToMinor` (inclusive; null = no limit) pays `basisPoints` of the whole income. */
export interface DuesBracket {
  upToMinor: number | null;
  basisPoints: number;
}

/** How a category's monthly amount is found: a share of income by bracket, or a fixed amount. */
export type DuesRule = { kind: 'BRACKETS'; brackets: DuesBracket[] } | { kind: 'FIXED'; amountMinor: number };

/** The rules that apply to periods starting on or after `effectiveFrom`, until the next version. */
export interface DuesPolicyVersion {
  effectiveFrom: LocalDate;
  rules: Record<DuesCategory, DuesRule>;
}

/** Every version of the dues policy, oldest first. */
export interface DuesPolicy {
  versions: DuesPolicyVersion[];
}

/** A member's dues base: the category and monthly income (minor units) in force. */
export interface DuesBase {
  category: DuesCategory;
  monthlyIncomeMinor: number;
}

/** The widely used brackets of DOMAIN.md, in force from the beginning. */
export const DEFAULT_DUES_POLICY: DuesPolicy = {
  versions: [
    {
      effectiveFrom: '1900-01-01',
      rules: {
        EMPLOYED: {
          kind: 'BRACKETS',
          brackets: [
            { upToMinor: 300_000, basisPoints: 50 },
            { upToMinor: 500_000, basisPoints: 100 },
            { upToMinor: 1_000_000, basisPoints: 150 },
            { upToMinor: null, basisPoints: 200 },
          ],
        },
        RETIRED: {
          kind: 'BRACKETS',
          brackets: [
            { upToMinor: 500_000, basisPoints: 50 },
            { upToMinor: null, basisPoints: 100 },
          ],
        },
        STUDENT: { kind: 'FIXED', amountMinor: 20 },
        UNEMPLOYED: { kind: 'FIXED', amountMinor: 20 },
        RURAL: { kind: 'FIXED', amountMinor: 50 },
        OTHER: { kind: 'FIXED', amountMinor: 100 },
      },
    },
  ],
};

/** The policy version in force on the period's first day: a later change never reaches back. */
export function policyVersionFor(policy: DuesPolicy, period: Period): DuesPolicyVersion | undefined {
  const start = firstDayOf(period);
  let found: DuesPolicyVersion | undefined;
  for (const version of policy.versions) if (version.effectiveFrom <= start) found = version;
  return found;
}

/** The monthly amount due for `period` on `base`, in minor units, rounded half up to the fen. */
export function monthlyDue(policy: DuesPolicy, base: DuesBase, period: Period): number {
  return dueUnder(policyVersionFor(policy, period), base);
}

/** The monthly amount due on `base` under one policy version (none: nothing is due), as `monthlyDue`. */
export function dueUnder(version: DuesPolicyVersion | undefined, base: DuesBase): number {
  if (version === undefined) return 0;
  const rule = version.rules[base.category];
  if (rule.kind === 'FIXED') return rule.amountMinor;
  const bracket = rule.brackets.find((candidate) => candidate.upToMinor === null || base.monthlyIncomeMinor <= candidate.upToMinor);
  return bracket === undefined ? 0 : Math.floor((base.monthlyIncomeMinor * bracket.basisPoints + 5_000) / 10_000);
}

export class DuesPolicyError extends Error {}

/**
 * A policy from JSON (the ORGTRACK_DUES_POLICY file): `{ "versions": [{ "effectiveFrom": "2024-01-01",
 * "rules": { "EMPLOYED": { "kind": "BRACKETS", "brackets": [{ "upToMinor": 300000, "basisPoints": 50 }, ...] }, ... } }] }`.
 * Every version names a rule for every category; brackets ascend and end with an unlimited one.
 * Throws `DuesPolicyError` naming the offending path.
 */
export function parseDuesPolicy(json: unknown): DuesPolicy {
  const root = record(json, 'policy');
  if (!Array.isArray(root.versions) || root.versions.length === 0) throw new DuesPolicyError('policy.versions must be a non-empty array');
  const versions = root.versions.map((raw: unknown, index: number) => parseVersion(raw, `policy.versions[${index}]`));
  versions.forEach((version, index) => {
    const previous = versions[index - 1];
    if (previous !== undefined && previous.effectiveFrom >= version.effectiveFrom) {
      throw new DuesPolicyError(`policy.versions[${index}].effectiveFrom must be after ${previous.effectiveFrom}: versions are listed oldest first`);
    }
  });
  return { versions };
}

function parseVersion(raw: unknown, path: string): DuesPolicyVersion {
  const version = record(raw, path);
  const effectiveFrom = version.effectiveFrom;
  if (typeof effectiveFrom !== 'string' || !isLocalDate(effectiveFrom)) throw new DuesPolicyError(`${path}.effectiveFrom must be a date YYYY-MM-DD`);
  const rules = record(version.rules, `${path}.rules`);
  const unknown = Object.keys(rules).filter((key) => !DUES_CATEGORIES.some((category) => category === key));
  if (unknown.length > 0) throw new DuesPolicyError(`${path}.rules has unknown categories ${unknown.join(', ')}; allowed: ${DUES_CATEGORIES.join(', ')}`);
  const parsed = Object.fromEntries(DUES_CATEGORIES.map((category) => [category, parseRule(rules[category], `${path}.rules.${category}`)]));
  return { effectiveFrom, rules: parsed as Record<DuesCategory, DuesRule> };
}

function parseRule(raw: unknown, path: string): DuesRule {
  const rule = record(raw, path);
  if (rule.kind === 'FIXED') return { kind: 'FIXED', amountMinor: wholeNumber(rule.amountMinor, `${path}.amountMinor`, MAX_MINOR) };
  if (rule.kind !== 'BRACKETS') throw new DuesPolicyError(`${path}.kind must be BRACKETS or FIXED`);
  if (!Array.isArray(rule.brackets) || rule.brackets.length === 0) throw new DuesPolicyError(`${path}.brackets must be a non-empty array`);
  const brackets = rule.brackets.map((rawBracket: unknown, index: number): DuesBracket => {
    const bracket = record(rawBracket, `${path}.brackets[${index}]`);
    const upToMinor = bracket.upToMinor === null ? null : wholeNumber(bracket.upToMinor, `${path}.brackets[${index}].upToMinor`, MAX_MINOR);
    return { upToMinor, basisPoints: wholeNumber(bracket.basisPoints, `${path}.brackets[${index}].basisPoints`, 10_000) };
  });
  brackets.forEach((bracket, index) => {
    const previous = brackets[index - 1];
    const isLast = index === brackets.length - 1;
    if (isLast !== (bracket.upToMinor === null))
      throw new DuesPolicyError(`${path}.brackets: only the last bracket, and it must, have upToMinor null (no limit)`);
    if (previous !== undefined && bracket.upToMinor !== null && previous.upToMinor !== null && bracket.upToMinor <= previous.upToMinor) {
      throw new DuesPolicyError(`${path}.brackets[${index}].upToMinor must be above the bracket before it`);
    }
  });
  return { kind: 'BRACKETS', brackets };
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new DuesPolicyError(`${path} must be an object`);
  return value as Record<string, unknown>;
}

function wholeNumber(value: unknown, path: string, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max)
    throw new DuesPolicyError(`${path} must be a whole number from 0 to ${max}`);
  return value;
}
