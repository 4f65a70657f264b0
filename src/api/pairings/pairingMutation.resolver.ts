import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RememberedResult } from '../../app/commands/idempotency';
import type { ApiContext } from '../shared/context';
import { writeResultOf } from '../shared/writeResult';
import { AssignPairingInput, EndPairingInput } from './pairing.inputs';
import { PairingPayload } from './pairing.payload';
import { toPairing } from './pairing.type';
import { mutationOptions } from '../shared/mutationOptions';
import { pairingLoaders } from './pairingLoaders';

@Resolver()
export class PairingMutationResolver {
  @Mutation(() => PairingPayload, {
    description: 'Pairs a member (or unit) with a counterpart from `startOn`: a legal adviser of a village, a mentor, a contact point, help for a household.',
  })
  async assignPairing(@Arg('input', () => AssignPairingInput) input: AssignPairingInput, @Ctx() context: ApiContext): Promise<PairingPayload> {
    const { kind, memberOrUnitId, counterpart, startOn } = input;
    const result = await context.app.pairings.assign(
      { kind, memberOrUnitId, counterpart: { kind: counterpart.kind, id: counterpart.id, name: counterpart.name }, startOn },
      mutationOptions(input, context),
    );
    return pairingPayload(context, startOn ?? input.effectiveDate ?? context.today, result);
  }

  @Mutation(() => PairingPayload, { description: 'Ends a pairing that holds, from the effective date on (not before its start).' })
  async endPairing(@Arg('input', () => EndPairingInput) input: EndPairingInput, @Ctx() context: ApiContext): Promise<PairingPayload> {
    const { pairingId, reason } = input;
    const result = await context.app.pairings.end({ pairingId, reason }, mutationOptions(input, context));
    return pairingPayload(context, input.effectiveDate ?? context.today, result);
  }
}

async function pairingPayload(context: ApiContext, date: string, result: RememberedResult): Promise<PairingPayload> {
  const found = await pairingLoaders(context.live).pairingById.load(result.subjectId);
  return { ...writeResultOf(result), pairing: found ? toPairing(found, date, context.live) : null };
}
