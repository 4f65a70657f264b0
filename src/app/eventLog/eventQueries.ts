import { InvalidInput } from '../../domain/shared/errors';
import { isPosition } from '../../eventstore/position';
import type { ReadStore } from '../../readstore/readStore';
import { EVENT_INDEX, type EventIndexDocument } from '../../../projections';
import { eventLogQuery, type EventLogFilter } from './eventLogFilter';
import type { Page, PageRequest } from '../queries/page';

/** The event log as the API pages it: cursors are log positions, so a page can resume a subscription. */
export class EventQueries {
  constructor(private readonly store: ReadStore) {}

  async page(filter: EventLogFilter | undefined, page: PageRequest): Promise<Page<EventIndexDocument>> {
    const events = this.store.collection<EventIndexDocument>(EVENT_INDEX);
    const query = eventLogQuery(filter);
    const after = page.after === undefined || page.after === null ? undefined : requirePosition(page.after, 'after');
    const { documents: found, totalCount } = await events.findPage(query, {
      sort: { _id: 1 },
      limit: page.first + 1,
      after: after === undefined ? undefined : { _id: { $gt: after } },
    });
    const items = found.slice(0, page.first);
    return { items, cursors: items.map((event) => event._id), hasNextPage: found.length > page.first, totalCount };
  }
}

export function requirePosition(value: string, field: string): string {
  if (!isPosition(value)) throw new InvalidInput('POSITION.INVALID', `${field} must be a position this API gave out, got "${value}"`, field);
  return value;
}
