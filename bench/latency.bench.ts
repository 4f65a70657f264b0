import type { GraphQLSchema } from 'graphql';
import type { ReadStore } from '../src/readstore/readStore';
import { CONNECTIONS, latencyRows, type TimedQuery } from './floorLatency';
import type { Row } from './report';
import { serveApp } from './serveApp';
import { yearsAgo } from './stats';

const P99_TARGET_MS = 25;

/**
 * Figure 3: p50/p99 of member-list queries over real HTTP with 10 keep-alive connections (the
 * client runs in a worker thread), against `{ __typename }` (the HTTP + GraphQL floor) measured
 * the same way just before each query.
 */
export async function benchLatency(eventsPath: string, readStore: ReadStore, schema: GraphQLSchema, committeeId: string): Promise<Row[]> {
  const served = await serveApp(eventsPath, readStore, schema, CONNECTIONS);
  try {
    const asOf = yearsAgo(5);
    const queries: TimedQuery[] = [
      {
        name: 'unit.children.memberCount',
        request: { query: 'query($id: ID!) { unit(id: $id) { children { memberCount } } }', variables: { id: committeeId } },
        p99TargetMs: P99_TARGET_MS,
      },
      {
        name: 'members(subtree, 50)',
        request: {
          query: 'query($id: ID!) { members(unitId: $id, includeDescendants: true, first: 50) { totalCount edges { node { id name } } } }',
          variables: { id: committeeId },
        },
        p99TargetMs: P99_TARGET_MS,
      },
      {
        name: `members(subtree, 50, asOf ${asOf})`,
        request: {
          query:
            'query($id: ID!, $asOf: Date) { members(unitId: $id, includeDescendants: true, first: 50, asOf: $asOf) { totalCount edges { node { id name } } } }',
          variables: { id: committeeId, asOf },
        },
        p99TargetMs: P99_TARGET_MS,
      },
    ];
    return await latencyRows(served, '3', queries);
  } finally {
    await served.close();
  }
}
