import { randomUUID } from 'node:crypto';
import type { LeadershipState } from '../../domain/leadership/leadership';
import type { LeadershipCommand, RecordElection } from '../../domain/leadership/leadership.commands';
import type { CommandPath } from '../commands/commandPath';
import type { RememberedResult } from '../commands/idempotency';
import { effectiveOn, type MutationOptions, type MutationRunner } from '../commands/mutationRunner';
import type { OfficerCandidateStreamFacts } from './officerCandidateStreamFacts';
import type { UnitStreamFacts } from '../units/unitStreamFacts';

export interface RecordElectionInput {
  unitId: string;
  /** The day of the election; it is the effective date of the command (default: the effective date, or today). */
  heldOn?: string | null;
  /** Default: 3 years for a branch or group, 5 for a committee or district. */
  termYears?: number | null;
  officers: readonly { memberId: string; role: string; votes?: number | null }[];
  votes?: { eligible?: number | null; cast?: number | null } | null;
}

export interface LeaveOfficeInput {
  unitId: string;
  memberId: string;
  reason?: string | null;
}

/** Commands on a unit's leadership: elections, resignations, removals. Each returns the unit's id as subject. */
export class LeadershipCommands {
  constructor(
    private readonly runner: MutationRunner,
    private readonly leadership: CommandPath<LeadershipCommand, LeadershipState>,
    private readonly unitStreamFacts: UnitStreamFacts,
    private readonly candidateStreamFacts: OfficerCandidateStreamFacts,
  ) {}

  recordElection(input: RecordElectionInput, options: MutationOptions): Promise<RememberedResult> {
    const dated = effectiveOn(input.heldOn, options, {
      code: 'ELECTION.HELD_ON_NOT_EFFECTIVE_DATE',
      field: 'input.heldOn',
      what: 'an election takes effect on the day it is held',
    });
    const electionId = randomUUID();
    return this.runner.run('recordElection', input, dated, async ({ effectiveDate, today, commandOptions }) => {
      const result = await this.leadership.handle(
        input.unitId,
        async (): Promise<RecordElection> => ({
          type: 'RecordElection',
          electionId,
          unitId: input.unitId,
          unit: await this.unitStreamFacts.onDate(input.unitId, effectiveDate),
          termYears: input.termYears ?? null,
          officers: input.officers.map(({ memberId, role, votes }) => ({ memberId, role, votes: votes ?? null })),
          candidates: await this.candidateStreamFacts.onDate(
            input.officers.map((officer) => officer.memberId),
            effectiveDate,
          ),
          votes: input.votes ? { eligible: input.votes.eligible ?? null, cast: input.votes.cast ?? null } : null,
          effectiveDate,
          today,
        }),
        commandOptions,
      );
      return { ...result, subjectId: input.unitId };
    });
  }

  resign(input: LeaveOfficeInput, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('resignOffice', input, options, async ({ effectiveDate, today, commandOptions }) => {
      const result = await this.leadership.handle(
        input.unitId,
        { type: 'ResignOffice', unitId: input.unitId, memberId: input.memberId, reason: input.reason ?? null, effectiveDate, today },
        commandOptions,
      );
      return { ...result, subjectId: input.unitId };
    });
  }

  remove(input: LeaveOfficeInput, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('removeFromOffice', input, options, async ({ effectiveDate, today, commandOptions }) => {
      const result = await this.leadership.handle(
        input.unitId,
        { type: 'RemoveFromOffice', unitId: input.unitId, memberId: input.memberId, reason: input.reason ?? null, effectiveDate, today },
        commandOptions,
      );
      return { ...result, subjectId: input.unitId };
    });
  }
}
