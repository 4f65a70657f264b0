import { byDueOnThenKind, type Obligation } from '../../../src/app/obligations/obligation';
import { arrearsDueOn, meetingRule, probationEndsOn, probationStart, requireWindow, termRule } from '../../../src/app/obligations/obligationRules';
import { InvalidInput } from '../../../src/domain/shared/errors';

describe('obligation rules', () => {
  describe('probation lasts one year from admission as a probationary member', () => {
    it('starts on the day the member advanced to PROBATIONARY, whatever their political birthday says', () => {
      const intervals = [
        { validFrom: '2024-01-01', status: 'CANDIDATE' as const },
        { validFrom: '2025-07-01', status: 'PROBATIONARY' as const },
        // A transfer starts a new interval at the same stage.
        { validFrom: '2025-10-01', status: 'PROBATIONARY' as const },
      ];
      expect(probationStart(intervals, '2025-06-30')).toBe('2025-07-01');
      expect(probationEndsOn('2025-07-01')).toBe('2026-07-01');
    });

    it('starts on the political birthday of a member registered as PROBATIONARY (admitted before being entered)', () => {
      expect(probationStart([{ validFrom: '2025-05-10', status: 'PROBATIONARY' }], '2025-03-01')).toBe('2025-03-01');
      expect(probationStart([{ validFrom: '2025-05-10', status: 'PROBATIONARY' }], null)).toBe('2025-05-10');
    });

    it('has no start for a member never probationary, and ends on 28 February after a 29 February admission', () => {
      expect(probationStart([{ validFrom: '2025-05-10', status: 'FULL' }], '2001-07-01')).toBeUndefined();
      expect(probationEndsOn('2024-02-29')).toBe('2025-02-28');
    });
  });

  describe('dues arrears become an obligation when more than 3 months are unpaid', () => {
    it('is due the day after the fourth unpaid month ended', () => {
      expect(arrearsDueOn(['2026-02', '2026-03', '2026-04', '2026-05'])).toBe('2026-06-01');
      expect(arrearsDueOn(['2025-01', '2025-06', '2025-11', '2025-12', '2026-03'])).toBe('2026-01-01');
    });

    it('is not due for 3 months or fewer', () => {
      expect(arrearsDueOn(['2026-03', '2026-04', '2026-05'])).toBeUndefined();
      expect(arrearsDueOn([])).toBeUndefined();
    });
  });

  it('looks ahead 0 to 3660 whole days, refusing anything else by naming `within`', () => {
    expect(requireWindow(0)).toBe(0);
    expect(requireWindow(3660)).toBe(3660);
    for (const within of [-1, 3661, 1.5]) {
      expect(() => requireWindow(within)).toThrow(InvalidInput);
      expect(() => requireWindow(within)).toThrow(`within must be a whole number of days from 0 to 3660, got ${within}`);
    }
  });

  it('states each rule in plain language, with the term length of the election', () => {
    expect(termRule('BRANCH', 3, false)).toBe('A branch committee is elected for 3 years; a new election is due when the term ends.');
    expect(termRule('DISTRICT', 5, true)).toBe(
      "A district's committee is elected for 5 years; this term has ended and no new election has been held: the election is overdue.",
    );
    expect(termRule('GROUP', 1, false)).toBe('A group leader is elected for 1 year; a new election is due when the term ends.');
    expect(meetingRule('GROUP_MEETING', 'MONTHLY')).toBe(
      "A group holds a group meeting (党小组会) every month; none has been held yet this month, and it is due by the month's last day.",
    );
  });

  it('lists by due date, then kind, then id', () => {
    const common = { rule: '', unitId: 'u', memberId: null };
    const meeting = (id: string, dueOn: string): Obligation => ({
      ...common,
      id,
      dueOn,
      kind: 'MEETING_DUE',
      meetingKind: 'PARTY_LECTURE',
      frequency: 'QUARTERLY',
      period: '2026-Q2',
    });
    const probation = (id: string, dueOn: string): Obligation => ({
      ...common,
      id,
      dueOn,
      kind: 'PROBATION_ENDING',
      memberId: 'm',
      probationStartedOn: '2025-06-30',
    });
    const listed = [meeting('b', '2026-06-30'), meeting('a', '2026-06-30'), probation('z', '2026-06-30'), probation('y', '2026-06-01')].sort(byDueOnThenKind);
    expect(listed.map((o) => o.id)).toEqual(['y', 'z', 'a', 'b']);
  });
});
