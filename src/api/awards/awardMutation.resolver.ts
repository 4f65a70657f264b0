import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RememberedResult } from '../../app/commands/idempotency';
import type { ApiContext } from '../shared/context';
import { writeResultOf } from '../shared/writeResult';
import { GrantAwardInput, RevokeAwardInput } from './award.inputs';
import type { MutationInput } from '../shared/mutationInput';
import { AwardPayload } from './award.payload';
import { toAward } from './award.type';
import { mutationOptions } from '../shared/mutationOptions';
import { awardLoaders } from './awardLoaders';

@Resolver()
export class AwardMutationResolver {
  @Mutation(() => AwardPayload, {
    description: "Grants an award to a member or a unit, by the member's branch or a unit above the recipient, from the effective date on.",
  })
  async grantAward(@Arg('input', () => GrantAwardInput) input: GrantAwardInput, @Ctx() context: ApiContext): Promise<AwardPayload> {
    const { recipientId, title, otherTitle, grantedById, citation } = input;
    return awardPayload(
      context,
      input,
      await context.app.awards.grant({ recipientId, title, otherTitle, grantedById, citation }, mutationOptions(input, context)),
    );
  }

  @Mutation(() => AwardPayload, { description: 'Revokes an award from the effective date on (not before its grant); the reason is required.' })
  async revokeAward(@Arg('input', () => RevokeAwardInput) input: RevokeAwardInput, @Ctx() context: ApiContext): Promise<AwardPayload> {
    const { awardId, reason } = input;
    return awardPayload(context, input, await context.app.awards.revoke({ awardId, reason }, mutationOptions(input, context)));
  }
}

async function awardPayload(context: ApiContext, input: MutationInput, result: RememberedResult): Promise<AwardPayload> {
  const date = input.effectiveDate ?? context.today;
  const found = await awardLoaders(context.live).awardById.load(result.subjectId);
  return { ...writeResultOf(result), award: found ? toAward(found, date, context.live) : null };
}
