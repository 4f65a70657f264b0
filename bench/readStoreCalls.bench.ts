import type { GraphQLSchema } from 'graphql';
import { CountingReadStore } from '../src/readstore/countingReadStore';
import type { ReadStore } from '../src/readstore/readStore';
import { fmt, type Row } from './report';
import { serveApp } from './serveApp';

const QUERY = `query($id: ID!, $first: Int) {
  members(unitId: $id, includeDescendants: true, first: $first) {
    edges { node { name status branch { name parent { name } } group { name } } }
  }
}`;

/**
 * Figure 4: read-store calls made by one GraphQL request listing 50 and then 500 members of the
 * whole district with their branch, its parent and their group: DataLoaders should make it equal.
 */
export async function benchReadStoreCalls(eventsPath: string, readStore: ReadStore, schema: GraphQLSchema, districtId: string): Promise<Row[]> {
  const counting = new CountingReadStore(readStore);
  const served = await serveApp(eventsPath, counting, schema, 1);
  try {
    const callsFor = async (first: number): Promise<{ calls: number; returned: number }> => {
      counting.reset();
      const response = await served.client.post({ query: QUERY, variables: { id: districtId, first } });
      const calls = counting.calls;
      if (response.body.errors) throw new Error(`members(first: ${first}): ${response.body.errors[0]?.message}`);
      const data = response.body.data as { members: { edges: unknown[] } };
      return { calls, returned: data.members.edges.length };
    };
    await callsFor(50); // warm-up
    const small = await callsFor(50);
    const large = await callsFor(500);
    return [
      {
        name: `4  read-store calls, members first:500 (got ${large.returned})`,
        figure: fmt.int(large.calls),
        baseline: `${fmt.int(small.calls)} (first:50, got ${small.returned})`,
        ratio: fmt.ratio(large.calls / small.calls),
        target: 'equal',
        pass: large.calls === small.calls,
      },
    ];
  } finally {
    await served.close();
  }
}
