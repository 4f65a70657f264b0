import type { RememberedResult } from '../../app/commands/idempotency';
import type { MutationOptions } from '../../app/commands/mutationRunner';
import type { OrgtrackApp } from '../../app/orgtrackApp';
import type { LocalDate } from '../../domain/shared/localDate';
import type { PlanIds } from './planIds';
import type { UnitKey } from './planKeys';

/** The part of the app a seed drives: the command layer, so every rule is checked. */
export type SeedTarget = OrgtrackApp;

/** What every planned command of a run shares. */
export interface SeedRun {
  /** The effective date is the planned command's `on`; the actor is the seed's. */
  mutation: MutationOptions;
  /** Establish units without their codes (codes must be unique among active units). */
  withoutCodes: boolean;
}

/** How the executor orders one kind of planned command, and how it runs it through the app. */
export interface SeedCommand<C extends { kind: string; on: LocalDate }> {
  /** The aggregate whose stream it writes: one aggregate's commands run one at a time, in plan order. */
  aggregateKey(command: C): string;
  /** Other units it reads: they must be established before it runs; default none. */
  unitsRead?(command: C): UnitKey[];
  /** Other aggregates (members, units, pairings) whose earlier commands must have run first; default none. */
  aggregatesRead?(command: C): string[];
  run(app: SeedTarget, command: C, ids: PlanIds, run: SeedRun): Promise<RememberedResult>;
}

/** One entry per kind of a feature's planned commands: a forgotten kind is a compile error. */
export type SeedCommands<C extends { kind: string; on: LocalDate }> = { [K in C['kind']]: SeedCommand<Extract<C, { kind: K }>> };
