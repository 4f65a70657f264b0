import { ArgsType, Field } from 'type-graphql';
import type { ReadView } from '../shared/readView';
import { Award, toAward } from './award.type';
import { awardLoaders } from './awardLoaders';

@ArgsType()
export class RecipientAwardsArgs {
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Also list awards revoked on or before the asOf date, with their revocation; default only those in force.',
  })
  includeRevoked?: boolean | null;
}

/** The awards of a member or unit on `asOf` in `view`'s records, oldest first. */
export async function awardsOf(view: ReadView, recipientId: string, asOf: string, includeRevoked: boolean | null | undefined): Promise<Award[]> {
  const found = await awardLoaders(view).awardsOf.load({ id: recipientId, date: asOf, includeRevoked: includeRevoked === true });
  return found.map((award) => toAward(award, asOf, view));
}
