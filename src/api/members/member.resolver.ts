import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { pageSize } from '../../app/queries/page';
import type { MemberStatus } from '../../domain/members/memberStatus';
import { NotFound } from '../../domain/shared/errors';
import type { ApiContext } from '../shared/context';
import type { ReadView } from '../shared/readView';
import { DateScalar } from '../shared/dateScalar';
import { toConnection, type Connection } from '../shared/connection';
import { MemberStatusEnum } from './member.enums';
import { Event, EventConnection, toEvent } from '../eventLog/event.type';
import { Member, MemberConnection, toMember } from './member.type';
import { Membership, toMembership } from './membership.type';
import { Transfer, toTransfer } from './transfer.type';
import { Unit, toUnit } from '../units/unit.type';
import { PageArgs } from '../shared/pageArgs';
import { ViewArgs } from '../shared/viewArgs';
import { membersOfUnit } from './membersOfUnit';
import { memberLoaders } from './memberLoaders';
import { unitLoaders } from '../units/unitLoaders';

@Resolver(() => Member)
export class MemberResolver {
  @Query(() => Member, { nullable: true, description: 'A member as they stood on `asOf` (default today); null if not registered by then.' })
  async member(@Arg('id', () => ID) id: string, @Args(() => ViewArgs) viewArgs: ViewArgs, @Ctx() context: ApiContext): Promise<Member | null> {
    const { view, date } = await context.view(viewArgs);
    const found = await memberLoaders(view).on.load({ id, date });
    return found ? toMember(found, date, view) : null;
  }

  @Query(() => MemberConnection, { description: 'Members of a unit on `asOf`, by name; with includeDescendants, of its whole subtree.' })
  async members(
    @Arg('unitId', () => ID) unitId: string,
    @Arg('includeDescendants', () => Boolean, { nullable: true, defaultValue: false }) includeDescendants: boolean | null,
    @Arg('status', () => [MemberStatusEnum], { nullable: true }) status: MemberStatus[] | undefined,
    @Args(() => ViewArgs) viewArgs: ViewArgs,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: ApiContext,
  ): Promise<Connection<Member>> {
    const { view, date } = await context.view(viewArgs);
    const version = await unitLoaders(view).on.load({ id: unitId, date });
    if (!version) throw new NotFound('UNIT.NOT_FOUND', `unitId: no unit "${unitId}" existed on ${date}`, 'unitId');
    return membersOfUnit(toUnit(version, date, view), { includeDescendants, status, first, after });
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The branch on the asOf date; null once the member has left.' })
  async branch(@Root() member: Member): Promise<Unit | null> {
    return unitOn(member.view, member.branchId, member.asOf);
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The group on the asOf date, if any.' })
  async group(@Root() member: Member): Promise<Unit | null> {
    return unitOn(member.view, member.groupId, member.asOf);
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'The political birthday: the day of admission as a probationary member.' })
  async joinedOn(@Root() member: Member): Promise<string | null> {
    return (await this.onDate(member))?.joinedOn ?? null;
  }

  @FieldResolver(() => DateScalar, { description: 'Effective date of registration in the organization.' })
  async registeredOn(@Root() member: Member): Promise<string> {
    return (await this.onDate(member))?.registeredOn ?? member.registeredOn;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: 'The day the member left, if they had left by the asOf date.' })
  async leftOn(@Root() member: Member): Promise<string | null> {
    return (await this.onDate(member))?.leftOn ?? null;
  }

  @FieldResolver(() => Int, {
    description: "The member's version now (not as of the date; with `knownAt`, as recorded then): pass it as `expectedVersion` to a mutation.",
  })
  async version(@Root() member: Member): Promise<number> {
    return (await memberLoaders(member.view).on.load({ id: member.id, date: member.asOf }))?.member.version ?? 0;
  }

  @FieldResolver(() => [Membership], { description: 'Every interval of branch, group and stage, oldest first.' })
  async memberships(@Root() member: Member): Promise<Membership[]> {
    return (await memberLoaders(member.view).history.load(member.id)).map((membership) => toMembership(membership, member.view));
  }

  @FieldResolver(() => Transfer, { nullable: true, description: 'The transfer waiting for an answer, if any (as of now).' })
  async openTransfer(@Root() member: Member): Promise<Transfer | null> {
    const found = await memberLoaders(member.view).on.load({ id: member.id, date: member.asOf });
    const open = found?.member.openTransfer;
    if (!open) return null;
    const transfer = await memberLoaders(member.view).transfer.load(open.transferId);
    return transfer ? toTransfer(transfer, member.view) : null;
  }

  @FieldResolver(() => EventConnection, { description: 'Events about this member, in log order.' })
  async events(@Root() member: Member, @Args(() => PageArgs) { first, after }: PageArgs): Promise<Connection<Event>> {
    const page = await member.view.eventQueries.page({ memberId: member.id }, { first: pageSize(first), after });
    return toConnection(page, (event) => toEvent(event, member.view));
  }

  /** The member's own document as of the root's date (list rows carry only the membership). */
  private async onDate(member: Member): Promise<Member | undefined> {
    const found = await memberLoaders(member.view).on.load({ id: member.id, date: member.asOf });
    return found ? toMember(found, member.asOf, member.view) : undefined;
  }
}

async function unitOn(view: ReadView, unitId: string | null, date: string): Promise<Unit | null> {
  if (!unitId) return null;
  const version = await unitLoaders(view).on.load({ id: unitId, date });
  return version ? toUnit(version, date, view) : null;
}
