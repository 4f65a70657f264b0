import { NotFound } from '../../../domain/shared/errors';
import { versionWithin } from '../../../app/access/versionWithin';
import type { ApiContext } from '../context';
import { forbidden } from './accessRefusals';
import { targetWithin, type MutationTarget } from './mutationScope';

/**
 * For root queries of a caller scoped to a subtree (the loaders and lists behind nested fields
 * are scoped by the view itself):
 * - `subjects`: what a root field's answer is about (an award's recipient, a meeting's unit); an
 *   answer about something outside the subtree is answered as not existing (null);
 * - `wholeOrganization`: root fields that list across the organization, refused to scoped callers.
 */
export interface QueryScopeRules {
  readonly subjects?: Readonly<Record<string, (answer: never) => readonly MutationTarget[]>>;
  readonly wholeOrganization?: readonly string[];
}

/** A root field's `unitId` must name a unit of the subtree on the date asked about; omitted, it is the subtree's root. */
export async function scopedRootArgs(
  context: ApiContext,
  field: { name: string; args: readonly { name: string }[] },
  args: Record<string, unknown>,
  rules: QueryScopeRules,
): Promise<Record<string, unknown>> {
  const root = context.caller?.unitId ?? null;
  if (root === null) return args;
  if (rules.wholeOrganization?.includes(field.name)) {
    throw forbidden('ACCESS.WHOLE_ORGANIZATION', `${field.name} lists the whole organization: ask for a unit's or a member's instead`);
  }
  if (!field.args.some((arg) => arg.name === 'unitId')) return args;
  const unitId = args.unitId;
  if (typeof unitId !== 'string') return { ...args, unitId: root };
  const date = typeof args.asOf === 'string' ? args.asOf : context.today;
  // The tree as the answer will read it: as recorded at knownAt, when asked.
  const knownAt = args.knownAt instanceof Date ? args.knownAt.toISOString() : typeof args.knownAt === 'string' ? args.knownAt : null;
  const units = knownAt === null ? context.app.unitQueries : (await context.app.knownAt.at(knownAt)).unitQueries;
  const version = (await units.versionsOn([unitId], date)).get(unitId);
  if (version === undefined || !versionWithin(version, root)) throw new NotFound('UNIT.NOT_FOUND', `unitId: no unit "${unitId}" existed on ${date}`, 'unitId');
  // A report over months (from…, quarter) covers the unit on every day of them: it must have been
  // within the subtree all that time, not only on the day asked about.
  const start = startOfRange(args);
  if (start !== null && start < date) {
    const versions = (await units.history([unitId])).get(unitId) ?? [];
    const outside = versions.find((each) => each.validFrom <= date && (each.validTo === null || each.validTo > start) && !versionWithin(each, root));
    if (outside !== undefined) throw new NotFound('UNIT.NOT_FOUND', `unitId: no unit "${unitId}" existed from ${start} to ${date}`, 'unitId');
  }
  return args;
}

/** The first day a report's `from` (YYYY-MM) or `quarter` (YYYY-Qn) covers; null for other fields. */
function startOfRange(args: Record<string, unknown>): string | null {
  if (typeof args.from === 'string' && /^\d{4}-\d{2}$/.test(args.from)) return `${args.from}-01`;
  const quarter = typeof args.quarter === 'string' ? /^(\d{4})-?Q([1-4])$/i.exec(args.quarter) : null;
  return quarter === null ? null : `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** The answer of a root field, or null when it is about something outside the caller's subtree. */
export async function scopedAnswer(
  context: ApiContext,
  fieldName: string,
  args: Record<string, unknown>,
  answer: unknown,
  rules: QueryScopeRules,
): Promise<unknown> {
  const root = context.caller?.unitId ?? null;
  const subjects = rules.subjects?.[fieldName] as ((answer: unknown) => readonly MutationTarget[]) | undefined;
  if (root === null || subjects === undefined || answer === null || answer === undefined) return answer;
  const date = typeof args.asOf === 'string' ? args.asOf : context.today;
  for (const target of subjects(answer)) {
    if (!(await targetWithin(context.app, target, root, date, context.today))) return null;
  }
  return answer;
}
