import type { OrgtrackApp } from '../../../src/app/orgtrackApp';
import type { RememberedResult } from '../../../src/app/commands/idempotency';
import { addDays } from '../../../src/domain/shared/localDate';
import { DomainError } from '../../../src/domain/shared/errors';
import type { SeededRandom } from './random';
import type { SteppingClock } from '../support/steppingClock';

export interface GeneratedHistory {
  unitIds: string[];
  memberIds: string[];
  /** Every command tried, and how many the rules refused (they write nothing). */
  tried: number;
  refused: number;
}

const by = { actor: 'history-property' };
const DAY = 86_400_000;
const STAGES = ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'] as const;

/**
 * A few years of a small organization, written through the command layer as a clerk would:
 * most facts entered on the day, many entered late (effective weeks before they are recorded,
 * so other records were made in between), transfers answered later or not at all, units
 * renamed and moved, and some facts retracted, recent and old. Commands the rules refuse are skipped.
 */
export async function generateHistory(app: OrgtrackApp, clock: SteppingClock, random: SeededRandom, steps: number): Promise<GeneratedHistory> {
  const history: GeneratedHistory = { unitIds: [], memberIds: [], tried: 0, refused: 0 };
  const committees: string[] = [];
  const branches: string[] = [];
  const groupsOf = new Map<string, string[]>();
  const openTransfers: string[] = [];
  const recentEvents: string[] = [];

  const run = async (command: (effectiveDate: string) => Promise<RememberedResult>, lateness = 0): Promise<RememberedResult | undefined> => {
    history.tried++;
    clock.advance(random.int(1, 600) * 1000);
    try {
      const result = await command(addDays(clock.today(), -lateness));
      recentEvents.push(...result.eventIds);
      return result;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      history.refused++;
      return undefined;
    }
  };
  const establish = async (level: 'DISTRICT' | 'COMMITTEE' | 'BRANCH' | 'GROUP', name: string, parentId: string | null): Promise<string> => {
    const result = await run((effectiveDate) => app.units.establish({ level, name, parentId }, { ...by, effectiveDate }));
    if (result === undefined) throw new Error(`could not establish ${name}`);
    history.unitIds.push(result.subjectId);
    return result.subjectId;
  };

  const district = await establish('DISTRICT', '区委', null);
  for (let c = 0; c < 2; c++) committees.push(await establish('COMMITTEE', `委员会${c}`, district));
  for (let b = 0; b < 4; b++) {
    const branch = await establish('BRANCH', `支部${b}`, committees[b % 2]);
    branches.push(branch);
    const groups: string[] = [];
    for (let g = 0; g < 1 + (b % 2); g++) groups.push(await establish('GROUP', `小组${b}-${g}`, branch));
    groupsOf.set(branch, groups);
  }

  for (let step = 0; step < steps; step++) {
    clock.advance(random.int(0, 4) * DAY);
    const late = random.chance(0.3) ? random.int(1, 60) : 0;
    const member = history.memberIds.length > 0 ? random.pick(history.memberIds) : undefined;
    const roll = random.next();
    if (member === undefined || (roll < 0.25 && history.memberIds.length < 40)) {
      const branchId = random.pick(branches);
      const groupId = random.chance(0.5) ? random.pick(groupsOf.get(branchId) ?? []) : null;
      const status = random.pick(STAGES);
      const result = await run(
        (effectiveDate) => app.members.register({ name: `成员${step}`, branchId, groupId, status, joinedOn: null }, { ...by, effectiveDate }),
        late,
      );
      if (result !== undefined) history.memberIds.push(result.subjectId);
    } else if (roll < 0.4) {
      await run((effectiveDate) => app.members.advanceStage({ memberId: member }, { ...by, effectiveDate }), late);
    } else if (roll < 0.5) {
      const branchId = random.pick(branches);
      await run(
        (effectiveDate) => app.members.assignGroup({ memberId: member, groupId: random.pick(groupsOf.get(branchId) ?? []) }, { ...by, effectiveDate }),
        late,
      );
    } else if (roll < 0.62) {
      const result = await run(
        (effectiveDate) => app.members.requestTransfer({ memberId: member, toBranchId: random.pick(branches) }, { ...by, effectiveDate }),
        late,
      );
      if (result?.transferId !== undefined) openTransfers.push(result.transferId);
    } else if (roll < 0.75 && openTransfers.length > 0) {
      const transferId = openTransfers.splice(random.int(0, openTransfers.length - 1), 1)[0];
      const answer = random.chance(0.75) ? app.members.acceptTransfer.bind(app.members) : app.members.rejectTransfer.bind(app.members);
      await run((effectiveDate) => answer({ transferId }, { ...by, effectiveDate }), random.chance(0.5) ? random.int(0, 20) : 0);
    } else if (roll < 0.8) {
      await run((effectiveDate) => app.members.left({ memberId: member, reason: 'OTHER' }, { ...by, effectiveDate }), late);
    } else if (roll < 0.85) {
      const unitId = random.pick(history.unitIds);
      await run((effectiveDate) => app.units.rename({ unitId, name: `改名${step}` }, { ...by, effectiveDate }), late);
    } else if (roll < 0.9) {
      await run((effectiveDate) => app.units.move({ unitId: random.pick(branches), parentId: random.pick(committees) }, { ...by, effectiveDate }), late);
    } else if (recentEvents.length > 0) {
      // Half of them a recent fact, half any fact of the years before (a targeted correction of an old event).
      const eventId = random.chance(0.5)
        ? recentEvents[recentEvents.length - 1 - random.int(0, Math.min(10, recentEvents.length - 1))]
        : random.pick(recentEvents);
      await run(() => app.retractions.retract({ eventId, reason: `correction ${step}` }, by));
    }
  }
  return history;
}
