import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { pageSize } from '../../app/queries/page';
import type { PairingKind } from '../../domain/pairings/pairingKind';
import type { ApiContext } from '../shared/context';
import { toConnection, type Connection } from '../shared/connection';
import { PairingKindEnum } from './pairing.enums';
import { Pairing, PairingConnection, toPairing } from './pairing.type';
import { PageArgs } from '../shared/pageArgs';
import { ViewArgs } from '../shared/viewArgs';
import { pairingLoaders } from './pairingLoaders';

@Resolver(() => Pairing)
export class PairingResolver {
  @Query(() => Pairing, { nullable: true, description: 'A pairing as it stood on `asOf` (default today); null if it had not started by then.' })
  async pairing(@Arg('id', () => ID) id: string, @Args(() => ViewArgs) viewArgs: ViewArgs, @Ctx() context: ApiContext): Promise<Pairing | null> {
    const { view, date } = await context.view(viewArgs);
    const found = await pairingLoaders(view).pairingById.load(id);
    return found && found.validFrom <= date ? toPairing(found, date, view) : null;
  }

  @Query(() => PairingConnection, {
    description: 'Pairings held on `asOf` (with includeEnded: every pairing started by then), by start date; filter by counterpart and kind.',
  })
  async pairings(
    @Arg('counterpartName', () => String, {
      nullable: true,
      description: 'The name of an outside counterpart (a village, a household); spacing and case do not matter.',
    })
    counterpartName: string | undefined,
    @Arg('counterpartId', () => ID, { nullable: true, description: 'A member or unit that is the counterpart.' }) counterpartId: string | undefined,
    @Arg('kind', () => PairingKindEnum, { nullable: true }) kind: PairingKind | undefined,
    @Arg('includeEnded', () => Boolean, { nullable: true, defaultValue: false }) includeEnded: boolean | null,
    @Args(() => ViewArgs) viewArgs: ViewArgs,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: ApiContext,
  ): Promise<Connection<Pairing>> {
    const { view, date } = await context.view(viewArgs);
    const page = await view.pairingQueries.list(
      { counterpartName: counterpartName ?? undefined, counterpartId: counterpartId ?? undefined, kind: kind ?? undefined },
      date,
      includeEnded === true,
      { first: pageSize(first), after },
    );
    return toConnection(page, (document) => toPairing(document, date, view));
  }
}
