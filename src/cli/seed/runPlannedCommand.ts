import type { OrgtrackApp } from '../../app/orgtrackApp';
import type { RememberedResult } from '../../app/commands/idempotency';
import { assertNever } from '../../domain/shared/assertNever';
import type { PlanIds } from './planIds';
import type { PlannedCommand } from './seedPlan';

/** The part of the app a seed drives: the command layer, so every rule is checked. */
export type SeedTarget = Pick<OrgtrackApp, 'units' | 'members' | 'awards' | 'pairings' | 'meetings' | 'leadership' | 'groupScores' | 'appraisals' | 'dues'>;

export interface RunOptions {
  /** Recorded as the actor of every event. */
  actor: string;
  /** Establish units without their codes (codes must be unique among active units). */
  withoutCodes: boolean;
}

/** Runs one planned command through the app's command layer and remembers the ids it created. */
export async function runPlannedCommand(app: SeedTarget, command: PlannedCommand, ids: PlanIds, options: RunOptions): Promise<RememberedResult> {
  const mutation = { effectiveDate: command.on, actor: options.actor };
  switch (command.kind) {
    case 'establishUnit': {
      const { level, name, code, parent } = command;
      const result = await app.units.establish({ level, name, code: options.withoutCodes ? null : code, parentId: ids.optional(parent) }, mutation);
      ids.set(command.unit, result.subjectId);
      return result;
    }
    case 'renameUnit':
      return app.units.rename({ unitId: ids.of(command.unit), name: command.name }, mutation);
    case 'moveUnit':
      return app.units.move({ unitId: ids.of(command.unit), parentId: ids.of(command.parent) }, mutation);
    case 'registerMember': {
      const { name, branch, group, status, joinedOn } = command;
      const result = await app.members.register({ name, branchId: ids.of(branch), groupId: ids.optional(group), status, joinedOn }, mutation);
      ids.set(command.member, result.subjectId);
      return result;
    }
    case 'advanceStage':
      return app.members.advanceStage({ memberId: ids.of(command.member), to: command.to }, mutation);
    case 'assignGroup':
      return app.members.assignGroup({ memberId: ids.of(command.member), groupId: ids.of(command.group) }, mutation);
    case 'requestTransfer': {
      const result = await app.members.requestTransfer(
        { memberId: ids.of(command.member), toBranchId: ids.of(command.toBranch), reason: command.reason },
        mutation,
      );
      if (result.transferId === undefined) throw new Error(`requestTransfer returned no transferId for ${command.transfer}`);
      ids.set(command.transfer, result.transferId);
      return result;
    }
    case 'acceptTransfer':
      return app.members.acceptTransfer({ transferId: ids.of(command.transfer) }, mutation);
    case 'rejectTransfer':
      return app.members.rejectTransfer({ transferId: ids.of(command.transfer), reason: command.reason }, mutation);
    case 'expireTransfer':
      return app.members.expireTransfer({ transferId: ids.of(command.transfer) }, mutation);
    case 'memberLeft':
      return app.members.left({ memberId: ids.of(command.member), reason: command.reason, note: command.note }, mutation);
    case 'grantAward': {
      const { recipient, title, otherTitle, grantedBy, citation } = command;
      const result = await app.awards.grant({ recipientId: ids.of(recipient), title, otherTitle, grantedById: ids.of(grantedBy), citation }, mutation);
      ids.set(command.award, result.subjectId);
      return result;
    }
    case 'revokeAward':
      return app.awards.revoke({ awardId: ids.of(command.award), reason: command.reason }, mutation);
    case 'assignPairing': {
      const { counterpart } = command;
      const result = await app.pairings.assign(
        {
          kind: command.pairingKind,
          memberOrUnitId: ids.of(command.party),
          counterpart: counterpart.kind === 'MEMBER' ? { kind: 'MEMBER', id: ids.of(counterpart.member) } : { kind: counterpart.kind, name: counterpart.name },
        },
        mutation,
      );
      ids.set(command.pairing, result.subjectId);
      return result;
    }
    case 'endPairing':
      return app.pairings.end({ pairingId: ids.of(command.pairing), reason: command.reason }, mutation);
    case 'recordMeeting': {
      const { unit, meetingKind, topic, attendees, excused, absent } = command;
      const result = await app.meetings.record(
        {
          unitId: ids.of(unit),
          kind: meetingKind,
          topic,
          attendees: attendees.map((m) => ids.of(m)),
          excused: excused.map((m) => ids.of(m)),
          absent: absent.map((m) => ids.of(m)),
        },
        mutation,
      );
      ids.set(command.meeting, result.subjectId);
      return result;
    }
    case 'recordElection': {
      const officers = command.officers.map(({ officer, role, votes }) => ({ memberId: ids.of(officer), role, votes }));
      return app.leadership.recordElection({ unitId: ids.of(command.unit), termYears: command.termYears, officers, votes: command.votes }, mutation);
    }
    case 'leaveOffice': {
      const leave = { unitId: ids.of(command.unit), memberId: ids.of(command.officer), reason: command.reason };
      return command.removal ? app.leadership.remove(leave, mutation) : app.leadership.resign(leave, mutation);
    }
    case 'recordGroupScore': {
      const result = await app.groupScores.record({ groupId: ids.of(command.group), quarter: command.quarter, scores: command.scores }, mutation);
      ids.set(command.score, result.subjectId);
      return result;
    }
    case 'recordAppraisal': {
      const result = await app.appraisals.record({ memberId: ids.of(command.appraised), year: command.year, grade: command.grade }, mutation);
      ids.set(command.appraisal, result.subjectId);
      return result;
    }
    case 'setDuesBase':
      return app.dues.setBase({ memberId: ids.of(command.duesOf), category: command.category, monthlyIncome: command.monthlyIncome }, mutation);
    case 'recordDuesPayment':
      return app.dues.recordPayment({ memberId: ids.of(command.duesOf), period: command.period, amount: command.amount, extra: false }, mutation);
    default:
      return assertNever(command);
  }
}
