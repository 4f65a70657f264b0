import { memberLoaders } from './memberLoaders';
import type { Member } from './member.type';

/**
 * The days a member's records are the caller's to see: every day for a caller of the whole
 * organization; for one scoped to a subtree, the days of the member's memberships as its scoped
 * view cuts them (the intervals their branch was in the subtree). A member's awards, dues,
 * appraisals, offices and pairings are cut to these days, as their memberships are.
 */
export async function daysInScope(member: Member): Promise<(from: string, to?: string) => boolean> {
  if (member.view.scopeRoot === null) return () => true;
  const intervals = await memberLoaders(member.view).history.load(member.id);
  // [from, to] overlaps an interval [validFrom, validTo).
  return (from, to = from) => intervals.some((interval) => interval.validFrom <= to && (interval.validTo === null || interval.validTo > from));
}
