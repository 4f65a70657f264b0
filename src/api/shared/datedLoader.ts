import DataLoader from 'dataloader';
import { groupBy } from '../../app/queries/groupBy';

export interface DatedKey {
  id: string;
  date: string;
}

/**
 * A per-request DataLoader for "entity X as it stood on date D": keys of one date are fetched
 * in one call, so a page of 500 items costs the same round-trips as a page of 50.
 */
export function datedLoader<V, K extends DatedKey = DatedKey>(
  fetch: (keys: readonly K[], date: string) => Promise<Map<string, V>>,
  missing: V,
  variantOf: (key: K) => string = () => '',
): DataLoader<K, V, string> {
  const cacheKey = (key: K): string => `${key.date}|${variantOf(key)}|${key.id}`;
  return new DataLoader<K, V, string>(
    async (keys) => {
      const results = new Map<string, V>();
      const batches = groupBy(keys, (key) => `${key.date}|${variantOf(key)}`);
      await Promise.all(
        [...batches.values()].map(async (batch) => {
          const unique = [...new Map(batch.map((key) => [key.id, key])).values()];
          const found = await fetch(unique, batch[0].date);
          for (const key of batch) results.set(cacheKey(key), found.get(key.id) ?? missing);
        }),
      );
      return keys.map((key) => results.get(cacheKey(key)) ?? missing);
    },
    { cacheKeyFn: cacheKey },
  );
}

/** The ids of a batch of dated keys (all of one date). */
export const idsOf = (keys: readonly DatedKey[]): string[] => keys.map((key) => key.id);

/** A per-request DataLoader by id alone. */
export function idLoader<V>(fetch: (ids: readonly string[]) => Promise<Map<string, V>>, missing: V): DataLoader<string, V> {
  return new DataLoader<string, V>(async (ids) => {
    const found = await fetch(ids);
    return ids.map((id) => found.get(id) ?? missing);
  });
}
