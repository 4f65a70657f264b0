import { loadConfig } from '../../../src/app/config';
import { createApp, type OrgtrackApp } from '../../../src/app/orgtrackApp';
import { executePlan, SeedCommandFailed } from '../../../src/cli/seed/executePlan';
import { lastMonthEnd } from '../../../src/cli/seed/planDates';
import { planSeed } from '../../../src/cli/seed/planSeed';
import type { SeedPlan } from '../../../src/cli/seed/seedPlan';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';

const today = new Date().toISOString().slice(0, 10);
const smallPlan = (seed: number): SeedPlan =>
  planSeed({ seed, committees: 3, branches: 12, groups: 30, members: 200, years: 3, endDate: lastMonthEnd(today), transferExpiryDays: 90 });

async function inMemoryApp(): Promise<OrgtrackApp> {
  return createApp(loadConfig({}), { eventStore: SqliteEventStore.open({ path: ':memory:' }), readStore: new EmbeddedReadStore() });
}

describe('executing a seed plan through the command layer', () => {
  let app: OrgtrackApp;
  beforeEach(async () => {
    app = await inMemoryApp();
  });
  afterEach(async () => {
    await app.close();
  });

  it('records every planned command, and the read models add up to the plan', async () => {
    const plan = smallPlan(5);
    const report = await executePlan(app, plan.commands, { concurrency: 16 });
    await app.projector.catchUp();
    expect(report.commands).toBe(plan.commands.length);
    expect(report.events).toBeGreaterThanOrEqual(plan.commands.length);

    const end = plan.endDate;
    const active = plan.members.filter((member) => member.status !== 'LEFT');
    const branchKeys = [...new Set(plan.commands.flatMap((command) => (command.kind === 'establishUnit' && command.level === 'BRANCH' ? [command.unit] : [])))];
    const groupKeys = [...new Set(plan.commands.flatMap((command) => (command.kind === 'establishUnit' && command.level === 'GROUP' ? [command.unit] : [])))];
    const committeeKeys = plan.commands.flatMap((command) => (command.kind === 'establishUnit' && command.level === 'COMMITTEE' ? [command.unit] : []));
    const id = (key: string) => report.ids.of(key);

    const branchCounts = await app.memberQueries.countsOn(
      branchKeys.map((key) => ({ unitId: id(key), level: 'BRANCH' as const })),
      end,
      false,
    );
    for (const key of branchKeys) expect(branchCounts.get(id(key))).toBe(active.filter((member) => member.branch === key).length);

    const groupCounts = await app.memberQueries.countsOn(
      groupKeys.map((key) => ({ unitId: id(key), level: 'GROUP' as const })),
      end,
      false,
    );
    for (const key of groupKeys) expect(groupCounts.get(id(key))).toBe(active.filter((member) => member.group === key).length);

    const district = id('u0');
    const higher = await app.memberQueries.countsOn(
      [{ unitId: district, level: 'DISTRICT' }, ...committeeKeys.map((key) => ({ unitId: id(key), level: 'COMMITTEE' as const }))],
      end,
      true,
    );
    expect(higher.get(district)).toBe(active.length);
    expect(committeeKeys.reduce((sum, key) => sum + higher.get(id(key))!, 0)).toBe(active.length);

    const full = await app.memberQueries.list({ unitId: district, unitLevel: 'DISTRICT', includeDescendants: true, status: ['FULL'] }, end, { first: 1 });
    expect(full.totalCount).toBe(active.filter((member) => member.status === 'FULL').length);

    const branches = await app.unitQueries.search({ level: 'BRANCH' }, end, { first: 1 });
    expect(branches.totalCount).toBe(plan.units.BRANCH);
    // A real seed of 2,400 commands: about 2 s on a quiet machine, 5 s and more on a loaded one.
  }, 30_000);

  it('stops at the first refused command and names it', async () => {
    const plan = smallPlan(6);
    const broken = [...plan.commands];
    const firstRegistration = broken.findIndex((command) => command.kind === 'registerMember');
    const registration = broken[firstRegistration];
    if (registration.kind !== 'registerMember') throw new Error('expected a registration');
    broken[firstRegistration] = { ...registration, status: 'FULL', joinedOn: null };

    await expect(executePlan(app, broken, { concurrency: 8 })).rejects.toThrow(SeedCommandFailed);
  });
});
