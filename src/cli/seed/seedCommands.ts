import type { PlannedAssessmentCommand } from './assessments/assessmentSeedCommands';
import { assessmentSeedCommands } from './assessments/assessmentSeedCommands';
import { awardSeedCommands, type PlannedAwardCommand } from './awards/awardSeedCommands';
import { duesSeedCommands, type PlannedDuesCommand } from './dues/duesSeedCommands';
import { leadershipSeedCommands, type PlannedLeadershipCommand } from './leadership/leadershipSeedCommands';
import { meetingSeedCommands, type PlannedMeetingCommand } from './meetings/meetingSeedCommands';
import { memberSeedCommands, type PlannedMemberCommand } from './members/memberSeedCommands';
import { pairingSeedCommands, type PlannedPairingCommand } from './pairings/pairingSeedCommands';
import type { UnitKey } from './planKeys';
import type { SeedCommand, SeedCommands } from './seedCommand';
import { unitSeedCommands, type PlannedUnitCommand } from './units/unitSeedCommands';

/**
 * Every command a seed plan can hold, by feature (each feature's planned commands and how they
 * run live in `seed/<feature>/`). A feature is one entry in the union and one in the table.
 */
export type PlannedCommand =
  | PlannedUnitCommand
  | PlannedMemberCommand
  | PlannedAwardCommand
  | PlannedPairingCommand
  | PlannedMeetingCommand
  | PlannedLeadershipCommand
  | PlannedAssessmentCommand
  | PlannedDuesCommand;

export type CommandKind = PlannedCommand['kind'];

const seedCommands: SeedCommands<PlannedCommand> = {
  ...unitSeedCommands,
  ...memberSeedCommands,
  ...awardSeedCommands,
  ...pairingSeedCommands,
  ...meetingSeedCommands,
  ...leadershipSeedCommands,
  ...assessmentSeedCommands,
  ...duesSeedCommands,
};

/** The entry of a planned command's kind. */
export function seedCommandOf<C extends PlannedCommand>(command: C): SeedCommand<C> {
  // The table has one entry per kind, typed for exactly that kind.
  return seedCommands[command.kind] as unknown as SeedCommand<C>;
}

/** The unit or member (or other aggregate) whose stream a command writes to. */
export function aggregateOf(command: PlannedCommand): string {
  return seedCommandOf(command).aggregateKey(command);
}

/** Other units a command reads: they must be established before it runs. */
export function unitsReadBy(command: PlannedCommand): UnitKey[] {
  return seedCommandOf(command).unitsRead?.(command) ?? [];
}

/**
 * Other members and units whose earlier commands must have run before this one: an award reads
 * where its recipient stood on the day, which their own (possibly concurrent) commands decide.
 */
export function aggregatesReadBy(command: PlannedCommand): string[] {
  return seedCommandOf(command).aggregatesRead?.(command) ?? [];
}
