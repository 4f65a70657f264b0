import type { GraphQLSchema } from 'graphql';
import type { ReadStore } from '../src/readstore/readStore';
import { runLoadInWorker, type GraphqlRequest, type LoadResult } from './httpLoad';
import { fmt, notes, type Row } from './report';
import { serveApp } from './serveApp';
import { summarize, yearsAgo } from './stats';

const CONNECTIONS = 10;
const LOAD = { concurrency: CONNECTIONS, maxRequests: 2000, maxMs: 12_000, warmup: 100 };
const P99_TARGET_MS = 25;

const FLOOR: GraphqlRequest = { query: '{ __typename }' };

/**
 * Figure 3: p50/p99 over real HTTP with 10 keep-alive connections (the client runs in a worker
 * thread), against `{ __typename }`
 * (the HTTP + GraphQL floor) measured the same way just before each query.
 */
export async function benchLatency(eventsPath: string, readStore: ReadStore, schema: GraphQLSchema, committeeId: string): Promise<Row[]> {
  const served = await serveApp(eventsPath, readStore, schema, CONNECTIONS);
  try {
    const asOf = yearsAgo(5);
    const queries: { name: string; request: GraphqlRequest }[] = [
      {
        name: 'unit.children.memberCount',
        request: { query: 'query($id: ID!) { unit(id: $id) { children { memberCount } } }', variables: { id: committeeId } },
      },
      {
        name: 'members(subtree, 50)',
        request: {
          query: 'query($id: ID!) { members(unitId: $id, includeDescendants: true, first: 50) { totalCount edges { node { id name } } } }',
          variables: { id: committeeId },
        },
      },
      {
        name: `members(subtree, 50, asOf ${asOf})`,
        request: {
          query:
            'query($id: ID!, $asOf: Date) { members(unitId: $id, includeDescendants: true, first: 50, asOf: $asOf) { totalCount edges { node { id name } } } }',
          variables: { id: committeeId, asOf },
        },
      },
    ];

    const rows: Row[] = [];
    for (const { name, request } of queries) {
      // The floor right before each query, so both see the same machine load.
      const floor = summarize(checked('{ __typename }', await runLoadInWorker(served.url, FLOOR, LOAD)).latenciesMs);
      const result = summarize(checked(name, await runLoadInWorker(served.url, request, LOAD)).latenciesMs);
      rows.push(
        {
          name: `3  ${name} p50 (n=${result.count})`,
          figure: fmt.ms(result.p50),
          baseline: `${fmt.ms(floor.p50)} ({ __typename })`,
          ratio: fmt.ratio(result.p50 / floor.p50),
          target: '',
          pass: undefined,
        },
        {
          name: `3  ${name} p99`,
          figure: fmt.ms(result.p99),
          baseline: `${fmt.ms(floor.p99)} ({ __typename })`,
          ratio: fmt.ratio(result.p99 / floor.p99),
          target: `p99 < ${P99_TARGET_MS} ms`,
          pass: result.p99 < P99_TARGET_MS,
        },
      );
    }
    return rows;
  } finally {
    await served.close();
  }
}

/** A load run that got errors is reported, not silently timed. */
function checked(name: string, result: LoadResult): LoadResult {
  if (result.errors > 0) {
    notes.push(`${name}: ${result.errors} of ${result.latenciesMs.length} requests failed, first: ${result.firstError}`);
  }
  return result;
}
