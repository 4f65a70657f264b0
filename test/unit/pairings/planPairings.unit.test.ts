import { PlanTimelines } from '../../../src/cli/seed/awards/awardTimelines';
import { lastMonthEnd } from '../../../src/cli/seed/planDates';
import { planSeed } from '../../../src/cli/seed/planSeed';
import { aggregatesReadBy, DEFAULT_SIZES, type PlannedCommand } from '../../../src/cli/seed/seedPlan';
import type { MemberStatus } from '../../../src/domain/members/memberStatus';

type Assign = Extract<PlannedCommand, { kind: 'assignPairing' }>;
type End = Extract<PlannedCommand, { kind: 'endPairing' }>;

const today = new Date().toISOString().slice(0, 10);
const input = { ...DEFAULT_SIZES, seed: 1, endDate: lastMonthEnd(today), transferExpiryDays: 90 };
const plan = planSeed(input);
const assigns = plan.commands.filter((command): command is Assign => command.kind === 'assignPairing');
const ends = new Map(plan.commands.filter((command): command is End => command.kind === 'endPairing').map((end) => [end.pairing, end]));
const timelines = new PlanTimelines({ district: 'u0', committees: [], branches: [], establishments: [] }, plan.commands);
const ofKind = (kind: Assign['pairingKind']): Assign[] => assigns.filter((assign) => assign.pairingKind === kind);
const party: readonly MemberStatus[] = ['PROBATIONARY', 'FULL'];

/** Every day from `from` to `to` (both included) on which some command of `member` takes effect. */
function changeDays(member: string, from: string, to: string): string[] {
  return plan.commands
    .filter((command) => 'member' in command && command.member === member && command.on > from && command.on <= to)
    .map((command) => command.on);
}

/** The member is in `branch` and has not left, from `from` through `to` (the end of the history when open). */
function staysInBranch(member: string, branch: string, from: string, to: string | undefined): boolean {
  return [from, ...changeDays(member, from, to ?? plan.endDate)].every((day) => {
    const state = timelines.memberOn(member, day);
    return state !== undefined && state.status !== 'LEFT' && state.branch === branch;
  });
}

describe('the pairings of the seed plan', () => {
  it('is the same plan for the same seed', () => {
    expect(planSeed(input).commands.filter((command) => command.kind === 'assignPairing' || command.kind === 'endPairing')).toEqual(
      plan.commands.filter((command) => command.kind === 'assignPairing' || command.kind === 'endPairing'),
    );
  });

  it('plans legal advisers, mentors and assistance, some of each ended after their start', () => {
    for (const kind of ['LEGAL_ADVISER', 'MENTOR', 'ASSISTANCE'] as const) {
      expect(ofKind(kind).length).toBeGreaterThan(0);
      expect(ofKind(kind).some((assign) => ends.has(assign.pairing))).toBe(true);
    }
    for (const assign of assigns) if (ends.has(assign.pairing)) expect(ends.get(assign.pairing)!.on > assign.on).toBe(true);
    expect(ofKind('MENTOR').every((assign) => !ends.has(assign.pairing) || ends.get(assign.pairing)!.on <= addYearsOf(assign.on, 2))).toBe(true);
  });

  it('pairs members only while they are in their branch: lawyers and helpers party members, mentors full members of the mentee`s branch', () => {
    for (const assign of assigns) {
      const until = ends.get(assign.pairing)?.on;
      const state = timelines.memberOn(assign.party, assign.on)!;
      expect(state).toBeDefined();
      expect(staysInBranch(assign.party, state.branch, assign.on, until)).toBe(true);
      if (assign.pairingKind === 'MENTOR') {
        expect(state.status).toBe('FULL');
        expect(assign.counterpart.kind).toBe('MEMBER');
        const mentee = assign.counterpart.kind === 'MEMBER' ? assign.counterpart.member : '';
        expect(timelines.memberOn(mentee, assign.on)).toEqual({ status: 'PROBATIONARY', branch: state.branch });
        expect(staysInBranch(mentee, state.branch, assign.on, until)).toBe(true);
      } else {
        expect(party).toContain(state.status);
      }
    }
  });

  it('has at most one active adviser per village or community on every date, some handed over', () => {
    const byPlace = new Map<string, Assign[]>();
    for (const assign of ofKind('LEGAL_ADVISER')) {
      expect(['VILLAGE', 'COMMUNITY']).toContain(assign.counterpart.kind);
      const name = assign.counterpart.kind === 'MEMBER' ? '' : assign.counterpart.name;
      byPlace.set(name, [...(byPlace.get(name) ?? []), assign]);
    }
    for (const advisers of byPlace.values()) {
      advisers.forEach((assign, index) => {
        const next = advisers[index + 1];
        if (next === undefined) return;
        const end = ends.get(assign.pairing);
        expect(end).toBeDefined();
        expect(end!.on < next.on).toBe(true);
        expect(next.party).not.toBe(assign.party);
        expect(next.reads).toContain(assign.pairing);
      });
    }
    expect([...byPlace.values()].some((advisers) => advisers.length > 1)).toBe(true);
  });

  it('makes each pairing wait for the commands it reads that are planned before it', () => {
    const seen = new Set<string>();
    for (const command of plan.commands) {
      if (command.kind === 'assignPairing') for (const other of aggregatesReadBy(command)) expect(seen.has(other)).toBe(true);
      if ('member' in command) seen.add(command.member);
      if ('pairing' in command) seen.add(command.pairing);
    }
  });
});

function addYearsOf(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}
