import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import { Member } from '../members/member.type';
import { daysInScope } from '../members/memberScope';
import { Pairing, toPairing } from './pairing.type';
import { pairingLoaders } from './pairingLoaders';

@Resolver(() => Member)
export class MemberPairingsResolver {
  @FieldResolver(() => [Pairing], {
    description: 'Pairings the member held on the asOf date, as party or as counterpart (a mentee), oldest first; with includeEnded, also those ended by then.',
  })
  async pairings(
    @Root() member: Member,
    @Arg('includeEnded', () => Boolean, { nullable: true, defaultValue: false }) includeEnded: boolean | null,
  ): Promise<Pairing[]> {
    const [found, inScope] = await Promise.all([
      pairingLoaders(member.view).pairingsOf.load({ id: member.id, date: member.asOf, includeEnded: includeEnded === true }),
      daysInScope(member),
    ]);
    return found.filter((document) => inScope(document.validFrom)).map((document) => toPairing(document, member.asOf, member.view));
  }
}
