import type { GraphQLSchema } from 'graphql';
import type { ReadStore } from '../src/readstore/readStore';
import { analystTargets } from './analystTargets';
import { CONNECTIONS, latencyRows } from './floorLatency';
import type { GraphqlClient, GraphqlRequest } from './httpLoad';
import type { Row } from './report';
import { serveApp } from './serveApp';

const MONEY = '{ amount currency minor }';
const FIGURES = `due ${MONEY} paid ${MONEY} outstanding ${MONEY} membersDue membersInArrears`;

const DUES_REPORT = `query($id: ID!, $from: String!, $to: String!) {
  duesReport(unitId: $id, from: $from, to: $to, includeDescendants: true) {
    unitId from to includeDescendants
    months { period ${FIGURES} }
    totals { ${FIGURES} }
  }
}`;

const ATTENDANCE_FLAGS = `query($id: ID!, $asOf: Date) {
  attendanceFlags(unitId: $id, asOf: $asOf) {
    memberId reason absences longestRun partyDays absentOn lastAbsentOn member { id name }
  }
}`;

interface DuesReportData {
  duesReport: { months: unknown[]; totals: { membersDue: number } };
}

interface AttendanceFlagsData {
  attendanceFlags: unknown[];
}

/**
 * Figure 5: p50/p99 of two analyst queries over real HTTP, measured like figure 3 (10 keep-alive
 * connections, `{ __typename }` floor just before each): a committee's dues report over its
 * subtree for the last twelve months of dues, and the attendance flags of a committee whose
 * branches record their theme party days, as of the dataset's today. Informative, no target.
 */
export async function benchAnalystQueries(eventsPath: string, readStore: ReadStore, schema: GraphQLSchema, fallbackCommitteeId: string): Promise<Row[]> {
  const targets = await analystTargets(readStore, fallbackCommitteeId);
  const served = await serveApp(eventsPath, readStore, schema, CONNECTIONS);
  try {
    const dues: GraphqlRequest = { query: DUES_REPORT, variables: { id: targets.duesCommitteeId, from: targets.duesFrom, to: targets.duesTo } };
    const flags: GraphqlRequest = { query: ATTENDANCE_FLAGS, variables: { id: targets.meetingsCommitteeId, asOf: targets.today } };
    // One request each first: a query that fails is an error row, not a timed one.
    const report = (await answer<DuesReportData>(served.client, 'duesReport', dues)).duesReport;
    const flagged = (await answer<AttendanceFlagsData>(served.client, 'attendanceFlags', flags)).attendanceFlags.length;
    return await latencyRows(served, '5', [
      {
        name: `duesReport(committee subtree, ${targets.duesFrom}..${targets.duesTo}: ${report.months.length} months, ${report.totals.membersDue} members due)`,
        request: dues,
      },
      { name: `attendanceFlags(committee, asOf ${targets.today}: ${flagged} flagged)`, request: flags },
    ]);
  } finally {
    await served.close();
  }
}

async function answer<T>(client: GraphqlClient, name: string, request: GraphqlRequest): Promise<T> {
  const response = await client.post(request);
  if (response.status !== 200 || response.body.errors || response.body.data == null) {
    throw new Error(`${name}: HTTP ${response.status}: ${response.body.errors?.[0]?.message ?? 'no data'}`);
  }
  return response.body.data as T;
}
