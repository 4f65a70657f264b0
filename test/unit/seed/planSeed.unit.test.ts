import { MEMBER_STAGES, nextStage, type MemberStage } from '../../../src/domain/members/memberStatus';
import { planSeed } from '../../../src/cli/seed/planSeed';
import { lastMonthEnd } from '../../../src/cli/seed/planDates';
import { aggregateOf, DEFAULT_SIZES, unitsReadBy, type PlanInput, type PlannedCommand } from '../../../src/cli/seed/seedPlan';

const today = new Date().toISOString().slice(0, 10);
const input = (changes: Partial<PlanInput> = {}): PlanInput => ({
  ...DEFAULT_SIZES,
  seed: 1,
  endDate: lastMonthEnd(today),
  transferExpiryDays: 90,
  ...changes,
});
const defaultPlan = planSeed(input());

const ofKind = <K extends PlannedCommand['kind']>(commands: readonly PlannedCommand[], kind: K) =>
  commands.filter((command): command is Extract<PlannedCommand, { kind: K }> => command.kind === kind);

describe('the seed plan', () => {
  it('is the same for the same seed: same units, names and dates', () => {
    expect(planSeed(input())).toEqual(defaultPlan);
  });

  it('differs for another seed', () => {
    const other = planSeed(input({ seed: 2 }));
    const names = (commands: readonly PlannedCommand[]) => ofKind(commands, 'registerMember').map((command) => command.name);
    expect(names(other.commands)).not.toEqual(names(defaultPlan.commands));
    expect(other.commands).not.toEqual(defaultPlan.commands);
  });

  it('has one district, 21 committees, 300 branches, 900 groups and 6,000 members by default', () => {
    expect(defaultPlan.units).toEqual({ DISTRICT: 1, COMMITTEE: 21, BRANCH: 300, GROUP: 900 });
    const established = ofKind(defaultPlan.commands, 'establishUnit');
    expect(established).toHaveLength(1222);
    expect(ofKind(defaultPlan.commands, 'registerMember')).toHaveLength(6000);
    expect(defaultPlan.members).toHaveLength(6000);
  });

  it('takes its sizes as parameters', () => {
    const small = planSeed(input({ committees: 3, branches: 10, groups: 25, members: 200, years: 2 }));
    expect(small.units).toEqual({ DISTRICT: 1, COMMITTEE: 3, BRANCH: 10, GROUP: 25 });
    expect(ofKind(small.commands, 'registerMember')).toHaveLength(200);
    expect(small.startDate).toBe(`${Number(small.endDate.slice(0, 4)) - 2}${small.endDate.slice(4)}`);
  });

  it('keeps each aggregate in date order and starts it with its creation', () => {
    const lastDate = new Map<string, string>();
    for (const command of defaultPlan.commands) {
      const aggregate = aggregateOf(command);
      const previous = lastDate.get(aggregate);
      if (previous === undefined)
        expect([
          'establishUnit',
          'registerMember',
          'grantAward',
          'assignPairing',
          'recordMeeting',
          'recordElection',
          'recordGroupScore',
          'recordAppraisal',
          'setDuesBase',
        ]).toContain(command.kind);
      else expect(command.on >= previous).toBe(true);
      lastDate.set(aggregate, command.on);
    }
  });

  it('is in effective-date order overall, and refers only to units established before', () => {
    const established = new Set<string>();
    let previous = '';
    for (const command of defaultPlan.commands) {
      expect(command.on >= previous).toBe(true);
      previous = command.on;
      for (const unit of unitsReadBy(command)) expect(established.has(unit)).toBe(true);
      if (command.kind === 'establishUnit') established.add(command.unit);
    }
  });

  it('has no effective date or political birthday in the future, nor before the start', () => {
    expect(defaultPlan.endDate <= today).toBe(true);
    for (const command of defaultPlan.commands) {
      expect(command.on <= defaultPlan.endDate && command.on >= defaultPlan.startDate).toBe(true);
      if (command.kind === 'registerMember' && command.joinedOn !== null) expect(command.joinedOn <= command.on).toBe(true);
    }
  });

  it('gives a political birthday to every member registered as PROBATIONARY or FULL', () => {
    for (const command of ofKind(defaultPlan.commands, 'registerMember')) {
      const joined = command.status === 'PROBATIONARY' || command.status === 'FULL';
      expect(command.joinedOn !== null).toBe(joined);
    }
  });

  it('advances members one stage at a time, and stops a member after leaving', () => {
    const stage = new Map<string, MemberStage | 'LEFT'>();
    for (const command of defaultPlan.commands) {
      if (command.kind === 'registerMember') stage.set(command.member, command.status);
      else if ('member' in command) {
        const current = stage.get(command.member);
        expect(current).not.toBe('LEFT');
        if (command.kind === 'advanceStage') expect(command.to).toBe(nextStage(current as MemberStage));
        if (command.kind === 'advanceStage') stage.set(command.member, command.to);
        if (command.kind === 'memberLeft') stage.set(command.member, 'LEFT');
      }
    }
    expect(defaultPlan.members.map((member) => member.status)).toEqual(defaultPlan.members.map((member) => stage.get(member.member)));
  });

  it('answers each transfer at most once, on or after its request and before it expires', () => {
    const requested = new Map<string, string>();
    for (const command of defaultPlan.commands) {
      if (command.kind === 'requestTransfer') requested.set(command.transfer, command.on);
      if (command.kind === 'acceptTransfer' || command.kind === 'rejectTransfer') {
        const on = requested.get(command.transfer);
        expect(on).toBeDefined();
        expect(command.on >= on!).toBe(true);
        requested.delete(command.transfer);
      }
    }
  });

  it('looks like the organization the documents describe', () => {
    const { members, transfers } = defaultPlan;
    const full = members.filter((member) => member.status === 'FULL').length;
    expect(full / members.length).toBeGreaterThan(0.75);
    for (const stage of MEMBER_STAGES) expect(members.some((member) => member.status === stage)).toBe(true);
    expect(transfers.requested / members.length).toBeGreaterThan(0.1);
    expect(transfers.requested / members.length).toBeLessThan(0.2);
    expect(transfers.rejected).toBeGreaterThan(0);
    expect(transfers.open).toBeGreaterThan(0);
    expect(ofKind(defaultPlan.commands, 'moveUnit').length).toBeGreaterThan(0);
    expect(ofKind(defaultPlan.commands, 'renameUnit').length).toBeGreaterThan(0);
    expect(ofKind(defaultPlan.commands, 'memberLeft').length).toBeGreaterThan(0);
    expect(ofKind(defaultPlan.commands, 'establishUnit').some((command) => command.name.includes('离退休'))).toBe(true);
  });

  it('copes with no years and no members', () => {
    const empty = planSeed(input({ members: 0, years: 0 }));
    expect(empty.commands).toHaveLength(1222);
    const oneDay = planSeed(input({ members: 50, years: 0 }));
    expect(oneDay.commands.every((command) => command.on === oneDay.endDate)).toBe(true);
  });
});
