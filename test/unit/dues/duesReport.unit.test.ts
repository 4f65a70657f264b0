import { DUES_HORIZON } from '../../../projections';
import { DuesQueries } from '../../../src/app/dues/duesQueries';
import { UnitQueries } from '../../../src/app/units/unitQueries';
import type { DuesEvent } from '../../../src/domain/dues/dues.events';
import { DEFAULT_DUES_POLICY } from '../../../src/domain/dues/duesPolicy';
import type { OrgEvent } from '../../../src/domain/events';
import { CountingReadStore } from '../../../src/readstore/countingReadStore';
import type { ReadStore } from '../../../src/readstore/readStore';
import { left, moved, transferAccepted, transferRequested } from '../support/eventLog';
import { freshStore, project } from '../support/projectionHarness';
import { logWithTree } from '../support/tree';

const fullMember = (memberId: string, branchId: string, joinedOn: string): OrgEvent => ({
  type: 'MemberRegistered',
  data: { memberId, name: `Name of ${memberId}`, branchId, groupId: null, status: 'FULL', joinedOn },
});
const baseSet = (memberId: string, monthlyIncomeMinor: number): DuesEvent => ({
  type: 'DuesBaseSet',
  data: { memberId, category: 'EMPLOYED', monthlyIncomeMinor, currency: 'CNY' },
});
const paid = (paymentId: string, memberId: string, period: string, amountMinor: number, creditedBranchId: string, extra = false): DuesEvent => ({
  type: 'DuesPaid',
  data: { paymentId, memberId, period, amountMinor, currency: 'CNY', extra, creditedBranchId },
});

/**
 * Three members of B1 and B2 with base changes, partial, extra and prepaid payments, a leaving, a
 * branch moved to another committee, and a transfer recorded after payments it re-credits.
 */
async function projected(): Promise<ReadStore> {
  const log = logWithTree();
  log.record('2020-01-01', fullMember('m1', 'B1', '2001-07-01'));
  log.record('2020-01-01', fullMember('m2', 'B1', '2010-05-01'));
  log.record('2023-06-10', fullMember('m3', 'B2', '2023-06-20'));
  log.record('2020-01-01', baseSet('m1', 850000));
  log.record('2020-01-01', baseSet('m2', 400000));
  log.record('2024-02-15', baseSet('m2', 1200000));
  log.record('2023-06-20', baseSet('m3', 250000));
  log.record('2024-01-20', paid('p1', 'm1', '2024-01', 12750, 'B1'));
  log.record('2024-01-20', paid('p2', 'm1', '2024-01', 1000, 'B1', true));
  log.record('2024-02-20', paid('p3', 'm1', '2024-02', 12750, 'B1'));
  log.record('2024-03-05', paid('p4', 'm1', '2024-03', 12750, 'B1'));
  log.record('2024-03-06', paid('p5', 'm1', '2024-06', 12750, 'B1'));
  log.record('2024-01-25', paid('p6', 'm2', '2024-01', 4000, 'B1'));
  log.record('2024-02-25', paid('p7', 'm2', '2024-02', 10000, 'B1'));
  log.record('2024-01-25', paid('p8', 'm3', '2024-01', 1250, 'B2'));
  log.record('2024-02-10', transferRequested('t1', 'm1', 'B1', 'B2', '2024-05-10'));
  log.record('2024-02-15', transferAccepted('t1', 'm1', 'B1', 'B2'));
  log.record('2024-04-01', moved('B2', 'C1', 'C2'));
  log.record('2024-03-10', left('m3', 'B2'));
  const store = await freshStore();
  await project(store, log.events, 4);
  return store;
}

const UNITS = ['D1', 'D2', 'C1', 'C2', 'B1', 'B2'];
const RANGES = [
  ['2023-01', '2024-12'],
  ['2024-01', '2024-03'],
  ['2024-05', '2025-02'],
  ['2019-06', '2020-02'],
] as const;

describe('duesReport', () => {
  it('reads the spans and credits in five read-store calls and answers as the facts do, for every unit and range', async () => {
    const store = await projected();
    const counting = new CountingReadStore(store);
    const queries = new DuesQueries(counting, new UnitQueries(counting), DEFAULT_DUES_POLICY);
    const asOf = '2024-12-31';
    const fromSpans: unknown[] = [];
    for (const unitId of UNITS) {
      for (const [from, to] of RANGES) {
        for (const includeDescendants of [true, false]) {
          counting.reset();
          fromSpans.push(await queries.report(unitId, { from, to, includeDescendants }, asOf));
          expect(counting.calls).toBeLessThanOrEqual(5);
        }
      }
    }
    // Without the horizon the report is computed from the bases, payments and memberships.
    await store.collection(DUES_HORIZON).deleteMany({});
    const fromFacts: unknown[] = [];
    for (const unitId of UNITS) {
      for (const [from, to] of RANGES) {
        for (const includeDescendants of [true, false]) fromFacts.push(await queries.report(unitId, { from, to, includeDescendants }, asOf));
      }
    }
    expect(fromSpans).toEqual(fromFacts);
  });

  it('credits each month to the branch the member was in on its first day, as the records now say', async () => {
    const store = await projected();
    const queries = new DuesQueries(store, new UnitQueries(store), DEFAULT_DUES_POLICY);
    const figures = async (unitId: string) =>
      (await queries.report(unitId, { from: '2024-01', to: '2024-03', includeDescendants: true }, '2024-12-31')).months.map((m) => [
        m.period,
        m.dueMinor,
        m.paidMinor,
        m.membersDue,
        m.membersInArrears,
      ]);
    // m1 moved to B2 on 2024-02-15: January and February stay with B1, March goes to B2.
    expect(await figures('B1')).toEqual([
      ['2024-01', 12750 + 4000, 12750 + 1000 + 4000, 2, 0],
      ['2024-02', 12750 + 24000, 12750 + 10000, 2, 1],
      ['2024-03', 24000, 0, 1, 1],
    ]);
    expect(await figures('B2')).toEqual([
      ['2024-01', 1250, 1250, 1, 0],
      ['2024-02', 1250, 0, 1, 1],
      ['2024-03', 1250 + 12750, 12750, 2, 1],
    ]);
  });
});
