import type { OfficerRole } from '../../../domain/leadership/officerRole';
import type { LocalDate } from '../../../domain/shared/localDate';
import type { MemberKey, UnitKey } from '../planKeys';
import type { SeedCommands } from '../seedCommand';

export type PlannedLeadershipCommand =
  | {
      kind: 'recordElection';
      on: LocalDate;
      unit: UnitKey;
      termYears: number;
      /** `officer`, not `member`, which names a member's own command. */
      officers: { officer: MemberKey; role: OfficerRole; votes: number | null }[];
      votes: { eligible: number; cast: number } | null;
      /** The officers: their earlier commands decide whether they belong to the unit that day. */
      reads: MemberKey[];
    }
  | { kind: 'leaveOffice'; on: LocalDate; unit: UnitKey; officer: MemberKey; removal: boolean; reason: string };

/** A unit's leadership is its own stream, apart from the unit's. */
const ofLeadership = (command: { unit: UnitKey }): string => `leadership:${command.unit}`;

export const leadershipSeedCommands: SeedCommands<PlannedLeadershipCommand> = {
  recordElection: {
    aggregateKey: ofLeadership,
    unitsRead: (command) => [command.unit],
    aggregatesRead: (command) => command.reads,
    run(app, command, ids, { mutation }) {
      const officers = command.officers.map(({ officer, role, votes }) => ({ memberId: ids.of(officer), role, votes }));
      return app.leadership.recordElection({ unitId: ids.of(command.unit), termYears: command.termYears, officers, votes: command.votes }, mutation);
    },
  },
  leaveOffice: {
    aggregateKey: ofLeadership,
    run(app, command, ids, { mutation }) {
      const leave = { unitId: ids.of(command.unit), memberId: ids.of(command.officer), reason: command.reason };
      return command.removal ? app.leadership.remove(leave, mutation) : app.leadership.resign(leave, mutation);
    },
  },
};
