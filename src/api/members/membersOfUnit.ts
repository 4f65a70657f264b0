import type { MemberStatus } from '../../domain/members/memberStatus';
import { pageSize } from '../../app/queries/page';
import { toConnection, type Connection } from '../shared/connection';
import type { Member } from './member.type';
import type { Unit } from '../units/unit.type';

export interface MemberListArgs {
  includeDescendants: boolean | null;
  status?: MemberStatus[];
  first?: number;
  after?: string;
}

/** A unit's members on its asOf date, from its records, as a connection; shared by `Unit.members` and `Query.members`. */
export async function membersOfUnit(unit: Unit, args: MemberListArgs): Promise<Connection<Member>> {
  const page = await unit.view.memberQueries.list(
    { unitId: unit.id, unitLevel: unit.level, includeDescendants: args.includeDescendants === true, status: args.status },
    unit.asOf,
    { first: pageSize(args.first), after: args.after },
  );
  return toConnection(page, (membership) => ({
    asOf: unit.asOf,
    view: unit.view,
    id: membership.memberId,
    name: membership.name,
    status: membership.status,
    branchId: membership.branchId,
    groupId: membership.groupId,
    // Filled in by field resolvers from the member document when asked for.
    joinedOn: null,
    registeredOn: '',
    leftOn: null,
  }));
}
