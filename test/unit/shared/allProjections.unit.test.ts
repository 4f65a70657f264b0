import { allProjections } from '../../../projections';
import { aggregates, EVENT_TYPES } from '../../../src/domain/aggregates';

const names = allProjections.map((projection) => projection.name);

describe('the list of projections', () => {
  it('handles every event type the organization records', () => {
    const handled = new Set(allProjections.flatMap((projection) => projection.handles));
    expect(EVENT_TYPES.filter((type) => !handled.has(type))).toEqual([]);
  });

  it('gives every event type of every aggregate a read model besides the event index', () => {
    const handled = new Set(allProjections.filter((projection) => !projection.seesRetractedEvents).flatMap((projection) => projection.handles));
    expect(aggregates.flatMap((aggregate) => aggregate.eventTypes).filter((type) => !handled.has(type))).toEqual([]);
  });

  it('names only event types that exist', () => {
    const known = new Set<string>(EVENT_TYPES);
    expect(allProjections.flatMap((projection) => projection.handles).filter((type) => !known.has(type))).toEqual([]);
  });

  it('has one name per projection (its checkpoint id) and one owner per collection', () => {
    const collections = allProjections.flatMap((projection) => projection.collections);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(collections).size).toBe(collections.length);
  });

  it('applies a projection after those whose collections it reads in the same batch', () => {
    const owner = new Map(allProjections.flatMap((projection) => projection.collections.map((collection) => [collection, projection.name] as const)));
    const late = allProjections.flatMap((projection, at) =>
      (projection.reads ?? [])
        .filter((collection) => !names.slice(0, at).includes(owner.get(collection) ?? ''))
        .map((collection) => `${projection.name} reads ${collection}`),
    );
    expect(late).toEqual([]);
  });
});
