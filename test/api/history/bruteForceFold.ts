import type { RecordedEvent } from '../../../src/eventstore/eventStore';

/** A member as the raw log says they stood on a date. */
export interface FoldedMember {
  status: string;
  branchId: string | null;
  groupId: string | null;
}

/** A unit as the raw log says it stood on a date. */
export interface FoldedUnit {
  name: string;
  parentId: string | null;
  level: string;
  dissolved: boolean;
}

const text = (value: unknown): string => String(value);
const optional = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/**
 * The organization folded straight from the raw log, knowing nothing of projections: only the
 * events recorded by `knownAt` (null: all), without those retracted by a retraction recorded by
 * then, each stream folded in its own order up to the asked date. The reference the API's
 * answers are checked against.
 */
export class BruteForceFold {
  private readonly byStream = new Map<string, RecordedEvent[]>();

  constructor(log: readonly RecordedEvent[], knownAt: string | null) {
    const recorded = log.filter((event) => knownAt === null || event.metadata.recordedAt <= knownAt);
    const retracted = new Set(recorded.filter((event) => event.type === 'EventRetracted').map((event) => text(event.data.eventId)));
    for (const event of recorded) {
      if (event.type === 'EventRetracted' || retracted.has(event.id)) continue;
      const list = this.byStream.get(event.stream);
      if (list === undefined) this.byStream.set(event.stream, [event]);
      else list.push(event);
    }
  }

  member(memberId: string, asOf: string): FoldedMember | null {
    let state: FoldedMember | null = null;
    for (const event of this.dated(`member-${memberId}`, asOf)) {
      const data = event.data;
      if (event.type === 'MemberRegistered') state = { status: text(data.status), branchId: text(data.branchId), groupId: optional(data.groupId) };
      if (state === null) continue;
      if (event.type === 'MemberStageAdvanced') state = { ...state, status: text(data.to) };
      if (event.type === 'TransferAccepted') state = { ...state, branchId: text(data.toBranchId), groupId: null };
      if (event.type === 'MemberGroupAssigned') state = { ...state, groupId: optional(data.groupId) };
      if (event.type === 'MemberLeft') state = { status: 'LEFT', branchId: null, groupId: null };
    }
    return state;
  }

  unit(unitId: string, asOf: string): FoldedUnit | null {
    let state: FoldedUnit | null = null;
    for (const event of this.dated(`unit-${unitId}`, asOf)) {
      const data = event.data;
      if (event.type === 'UnitEstablished') state = { name: text(data.name), parentId: optional(data.parentId), level: text(data.level), dissolved: false };
      if (state === null) continue;
      if (event.type === 'UnitRenamed') state = { ...state, name: text(data.name) };
      if (event.type === 'UnitMoved') state = { ...state, parentId: text(data.parentId) };
      if (event.type === 'UnitDissolved') state = { ...state, dissolved: true };
    }
    return state;
  }

  /** Members in the unit's subtree on the date: by group, by branch, or by the branches below a committee or district. */
  memberCount(unitId: string, asOf: string, memberIds: readonly string[]): number {
    const unit = this.unit(unitId, asOf);
    if (unit === null) return 0;
    let count = 0;
    for (const memberId of memberIds) {
      const member = this.member(memberId, asOf);
      if (member === null || member.branchId === null) continue;
      if (unit.level === 'GROUP') count += member.groupId === unitId ? 1 : 0;
      else if (unit.level === 'BRANCH') count += member.branchId === unitId ? 1 : 0;
      else if (this.ancestorsOf(member.branchId, asOf).includes(unitId)) count++;
    }
    return count;
  }

  private ancestorsOf(unitId: string, asOf: string): string[] {
    const line: string[] = [];
    let parent = this.unit(unitId, asOf)?.parentId ?? null;
    while (parent !== null && !line.includes(parent)) {
      line.push(parent);
      parent = this.unit(parent, asOf)?.parentId ?? null;
    }
    return line;
  }

  private dated(stream: string, asOf: string): RecordedEvent[] {
    return (this.byStream.get(stream) ?? []).filter((event) => event.metadata.effectiveDate <= asOf);
  }
}
