import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RememberedResult } from '../../app/commands/idempotency';
import type { ApiContext } from '../shared/context';
import { writeResultOf } from '../shared/writeResult';
import { LeaveOfficeInput, RecordElectionInput } from './leadership.inputs';
import { LeadershipPayload } from './leadership.payload';
import { toOfficerTerm } from './officerTerm.type';
import { toUnit } from '../units/unit.type';
import { mutationOptions } from '../shared/mutationOptions';
import { leadershipLoaders } from './leadershipLoaders';
import { unitLoaders } from '../units/unitLoaders';

@Resolver()
export class LeadershipMutationResolver {
  @Mutation(() => LeadershipPayload, {
    description: "Records a unit's election (换届选举) on `heldOn`: its officers serve from that day, and the terms of its previous election end then.",
  })
  async recordElection(@Arg('input', () => RecordElectionInput) input: RecordElectionInput, @Ctx() context: ApiContext): Promise<LeadershipPayload> {
    const { unitId, heldOn, termYears, officers, votes } = input;
    const result = await context.app.leadership.recordElection(
      {
        unitId,
        heldOn,
        termYears,
        officers: officers.map(({ memberId, role, votes: received }) => ({ memberId, role, votes: received })),
        votes: votes ? { eligible: votes.eligible, cast: votes.cast } : null,
      },
      mutationOptions(input, context),
    );
    const date = heldOn ?? input.effectiveDate ?? context.today;
    const terms = await leadershipLoaders(context.live).officersOf.load({ id: unitId, date });
    return payload(
      context,
      result,
      date,
      terms.filter((term) => term.validFrom === date).map((term) => toOfficerTerm(term, date, context.live)),
    );
  }

  @Mutation(() => LeadershipPayload, { description: "An officer resigns from the effective date on (not before the last change of the unit's leadership)." })
  async resignOffice(@Arg('input', () => LeaveOfficeInput) input: LeaveOfficeInput, @Ctx() context: ApiContext): Promise<LeadershipPayload> {
    const { unitId, memberId, reason } = input;
    return endedPayload(context, input, await context.app.leadership.resign({ unitId, memberId, reason }, mutationOptions(input, context)));
  }

  @Mutation(() => LeadershipPayload, { description: 'Removes an officer from office from the effective date on; the reason is required.' })
  async removeFromOffice(@Arg('input', () => LeaveOfficeInput) input: LeaveOfficeInput, @Ctx() context: ApiContext): Promise<LeadershipPayload> {
    const { unitId, memberId, reason } = input;
    return endedPayload(context, input, await context.app.leadership.remove({ unitId, memberId, reason }, mutationOptions(input, context)));
  }
}

async function endedPayload(context: ApiContext, input: LeaveOfficeInput, result: RememberedResult): Promise<LeadershipPayload> {
  const date = input.effectiveDate ?? context.today;
  const offices = await leadershipLoaders(context.live).officesOf.load({ id: input.memberId, date });
  const ended = offices.filter((term) => term.unitId === input.unitId && term.validTo === date);
  return payload(
    context,
    result,
    date,
    ended.map((term) => toOfficerTerm(term, date, context.live)),
  );
}

async function payload(context: ApiContext, result: RememberedResult, date: string, terms: LeadershipPayload['terms']): Promise<LeadershipPayload> {
  const version = await unitLoaders(context.live).on.load({ id: result.subjectId, date });
  return { unit: version ? toUnit(version, date, context.live) : null, terms, ...writeResultOf(result) };
}
