import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { pageSize } from '../../app/queries/page';
import type { MemberStatus } from '../../domain/members/memberStatus';
import type { UnitLevel } from '../../domain/units/unitLevel';
import type { ApiContext } from '../shared/context';
import { DateScalar } from '../shared/dateScalar';
import { toConnection, type Connection } from '../shared/connection';
import { MemberStatusEnum } from '../members/member.enums';
import { UnitLevelEnum, UnitStatusEnum } from './unit.enums';
import { Event, EventConnection, toEvent } from '../eventLog/event.type';
import { Member, MemberConnection } from '../members/member.type';
import { Unit, UnitConnection, toUnit } from './unit.type';
import { UnitVersion, toUnitVersion } from './unitVersion.type';
import { PageArgs } from '../shared/pageArgs';
import { DescribedViewArgs, ViewArgs } from '../shared/viewArgs';
import { membersOfUnit } from '../members/membersOfUnit';
import { memberLoaders } from '../members/memberLoaders';
import { unitLoaders } from './unitLoaders';

@Resolver(() => Unit)
export class UnitResolver {
  @Query(() => Unit, { nullable: true, description: 'A unit as it stood on `asOf` (default today); null if it did not exist then.' })
  async unit(@Arg('id', () => ID) id: string, @Args(() => DescribedViewArgs) viewArgs: DescribedViewArgs, @Ctx() context: ApiContext): Promise<Unit | null> {
    const { view, date } = await context.view(viewArgs);
    const version = await unitLoaders(view).on.load({ id, date });
    return version ? toUnit(version, date, view) : null;
  }

  @Query(() => UnitConnection, { description: 'Units active on `asOf`, by name; filter by level, parent or a part of the name.' })
  async units(
    @Arg('level', () => UnitLevelEnum, { nullable: true }) level: UnitLevel | undefined,
    @Arg('parentId', () => ID, { nullable: true }) parentId: string | undefined,
    @Arg('search', () => String, { nullable: true, description: 'Case-insensitive part of the name.' }) search: string | undefined,
    @Args(() => ViewArgs) viewArgs: ViewArgs,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: ApiContext,
  ): Promise<Connection<Unit>> {
    const { view, date } = await context.view(viewArgs);
    const page = await view.unitQueries.search({ level, parentId, search }, date, { first: pageSize(first), after });
    return toConnection(page, (version) => toUnit(version, date, view));
  }

  @FieldResolver(() => UnitStatusEnum, { description: 'ACTIVE, or DISSOLVED when the unit had been dissolved by the asOf date.' })
  status(@Root() unit: Unit): keyof typeof UnitStatusEnum {
    return unit.validTo !== null && unit.validTo <= unit.asOf ? 'DISSOLVED' : 'ACTIVE';
  }

  @FieldResolver(() => DateScalar, { description: 'Effective date of establishment.' })
  async establishedOn(@Root() unit: Unit): Promise<string | null> {
    return (await unitLoaders(unit.view).current.load(unit.id))?.establishedOn ?? null;
  }

  @FieldResolver(() => Int, {
    description: "The unit's version now (not as of the date; with `knownAt`, as recorded then): pass it as `expectedVersion` to a mutation.",
  })
  async version(@Root() unit: Unit): Promise<number> {
    return (await unitLoaders(unit.view).current.load(unit.id))?.version ?? 0;
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The parent on the asOf date; null for a district.' })
  async parent(@Root() unit: Unit): Promise<Unit | null> {
    if (!unit.parentId) return null;
    const version = await unitLoaders(unit.view).on.load({ id: unit.parentId, date: unit.asOf });
    return version ? toUnit(version, unit.asOf, unit.view) : null;
  }

  @FieldResolver(() => [Unit], { description: 'From the root down to the parent, on the asOf date.' })
  async ancestors(@Root() unit: Unit): Promise<Unit[]> {
    const versions = await unitLoaders(unit.view).on.loadMany(unit.ancestorIds.map((id) => ({ id, date: unit.asOf })));
    return versions.flatMap((version) => (version && !(version instanceof Error) ? [toUnit(version, unit.asOf, unit.view)] : []));
  }

  @FieldResolver(() => [Unit], { description: 'Child units active on the asOf date, by name.' })
  async children(@Root() unit: Unit, @Arg('level', () => UnitLevelEnum, { nullable: true }) level: UnitLevel | undefined): Promise<Unit[]> {
    const children = await unitLoaders(unit.view).childrenOn.load({ id: unit.id, date: unit.asOf });
    return children.filter((child) => !level || child.level === level).map((child) => toUnit(child, unit.asOf, unit.view));
  }

  @FieldResolver(() => MemberConnection, { description: 'Members on the asOf date, by name; with includeDescendants, those of the whole subtree.' })
  async members(
    @Root() unit: Unit,
    @Arg('includeDescendants', () => Boolean, { nullable: true, defaultValue: false }) includeDescendants: boolean | null,
    @Arg('status', () => [MemberStatusEnum], { nullable: true }) status: MemberStatus[] | undefined,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<Connection<Member>> {
    return membersOfUnit(unit, { includeDescendants, status, first, after });
  }

  @FieldResolver(() => Int, { description: 'How many members the unit had on the asOf date; by default with its whole subtree.' })
  async memberCount(
    @Root() unit: Unit,
    @Arg('includeDescendants', () => Boolean, { nullable: true, defaultValue: true }) includeDescendants: boolean | null,
  ): Promise<number> {
    // An explicit null means the default.
    return memberLoaders(unit.view).count.load({ id: unit.id, date: unit.asOf, level: unit.level, includeDescendants: includeDescendants !== false });
  }

  @FieldResolver(() => [UnitVersion], { description: 'Every interval of name, level and place in the tree, oldest first.' })
  async history(@Root() unit: Unit): Promise<UnitVersion[]> {
    return (await unitLoaders(unit.view).history.load(unit.id)).map((version) => toUnitVersion(version, unit.view));
  }

  @FieldResolver(() => EventConnection, { description: 'Events about this unit and its subtree, in log order.' })
  async events(@Root() unit: Unit, @Args(() => PageArgs) { first, after }: PageArgs): Promise<Connection<Event>> {
    const page = await unit.view.eventQueries.page({ unitId: unit.id }, { first: pageSize(first), after });
    return toConnection(page, (event) => toEvent(event, unit.view));
  }
}
