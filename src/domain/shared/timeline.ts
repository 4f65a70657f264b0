import { RuleViolation } from './errors';
import type { LocalDate } from './localDate';

/**
 * Refuses a command whose effective date lies before `bound` (`what` names the bound, e.g.
 * "the unit's establishment").
 *
 * Each aggregate keeps its timeline in effective-date order: `evolve` appends every change as
 * the newest fact, and later decisions were taken against that order. A change dated before the
 * aggregate's last recorded change would silently rewrite history those decisions relied on, so
 * it is refused here; a late correction has to be recorded as its own, explicit event.
 */
export function requireNotBefore(effectiveDate: LocalDate, bound: LocalDate, code: string, what: string): void {
  if (effectiveDate < bound) {
    throw new RuleViolation(code, `input.effectiveDate ${effectiveDate} is before ${what} (${bound})`, 'input.effectiveDate');
  }
}
