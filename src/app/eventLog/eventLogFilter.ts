import type { Filter } from '../../readstore/readStore';

/** An integrator's choice of events (API `EventFilter`); all given criteria must hold. */
export interface EventLogFilter {
  types?: readonly string[];
  categories?: readonly string[];
  /** Events about this unit or anything in its subtree (as it stood on the event's date). */
  unitId?: string;
  memberId?: string;
  /** Only events about this unit's subtree, as it stood on each event's date (a caller's scope). */
  within?: string;
}

/** The fields of an `eventIndex` document that filters look at. */
export interface FilterableEvent {
  type: string;
  category: string;
  unitIds: readonly string[];
  memberIds: readonly string[];
}

export function eventLogQuery(filter: EventLogFilter | undefined): Filter {
  const query: Filter = {};
  if (!filter) return query;
  if (filter.types?.length) query.type = { $in: [...filter.types] };
  if (filter.categories?.length) query.category = { $in: [...filter.categories] };
  const units = [filter.unitId, filter.within].filter((unitId): unitId is string => typeof unitId === 'string' && unitId !== '');
  if (units.length === 1) query.unitIds = units[0];
  if (units.length === 2) query.unitIds = { $all: units };
  if (filter.memberId) query.memberIds = filter.memberId;
  return query;
}

/** The same test as `eventLogQuery`, for live events already in memory. */
export function matchesEventLogFilter(event: FilterableEvent, filter: EventLogFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.types?.length && !filter.types.includes(event.type)) return false;
  if (filter.categories?.length && !filter.categories.includes(event.category)) return false;
  if (filter.unitId && !event.unitIds.includes(filter.unitId)) return false;
  if (filter.within && !event.unitIds.includes(filter.within)) return false;
  if (filter.memberId && !event.memberIds.includes(filter.memberId)) return false;
  return true;
}
