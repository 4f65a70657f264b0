import { runLoadInWorker, type Endpoint, type GraphqlRequest, type LoadResult } from './httpLoad';
import { fmt, notes, type Row } from './report';
import { summarize } from './stats';

/** Keep-alive connections the load client opens (and requests in flight at once). */
export const CONNECTIONS = 10;
const LOAD = { concurrency: CONNECTIONS, maxRequests: 2000, maxMs: 12_000, warmup: 100 };

const FLOOR: GraphqlRequest = { query: '{ __typename }' };
const FLOOR_LABEL = '({ __typename })';

export interface TimedQuery {
  /** What the rows are called, after the section number. */
  name: string;
  request: GraphqlRequest;
  /** A p99 target in ms, or none (informative rows). */
  p99TargetMs?: number;
}

/**
 * p50/p99 of each query over real HTTP with CONNECTIONS keep-alive connections (the client runs
 * in a worker thread), against `{ __typename }` (the HTTP + GraphQL floor) measured the same way
 * just before each query, so both see the same machine load. Two rows per query.
 */
export async function latencyRows(endpoint: Endpoint, section: string, queries: readonly TimedQuery[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const { name, request, p99TargetMs } of queries) {
    const floor = summarize(checked('{ __typename }', await runLoadInWorker(endpoint, FLOOR, LOAD)).latenciesMs);
    const result = summarize(checked(name, await runLoadInWorker(endpoint, request, LOAD)).latenciesMs);
    rows.push(
      {
        name: `${section}  ${name} p50 (n=${result.count})`,
        figure: fmt.ms(result.p50),
        baseline: `${fmt.ms(floor.p50)} ${FLOOR_LABEL}`,
        ratio: fmt.ratio(result.p50 / floor.p50),
        target: '',
        pass: undefined,
      },
      {
        name: `${section}  ${name} p99`,
        figure: fmt.ms(result.p99),
        baseline: `${fmt.ms(floor.p99)} ${FLOOR_LABEL}`,
        ratio: fmt.ratio(result.p99 / floor.p99),
        target: p99TargetMs === undefined ? '' : `p99 < ${p99TargetMs} ms`,
        pass: p99TargetMs === undefined ? undefined : result.p99 < p99TargetMs,
      },
    );
  }
  return rows;
}

/** A load run that got errors is reported, not silently timed. */
function checked(name: string, result: LoadResult): LoadResult {
  if (result.errors > 0) {
    notes.push(`${name}: ${result.errors} of ${result.latenciesMs.length} requests failed, first: ${result.firstError}`);
  }
  return result;
}
