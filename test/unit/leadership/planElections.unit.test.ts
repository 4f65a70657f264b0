import { loadConfig } from '../../../src/app/config';
import { createApp, type OrgtrackApp } from '../../../src/app/orgtrackApp';
import { executePlan } from '../../../src/cli/seed/executePlan';
import { lastMonthEnd } from '../../../src/cli/seed/planDates';
import { planSeed } from '../../../src/cli/seed/planSeed';
import type { PlannedCommand } from '../../../src/cli/seed/seedPlan';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';
import { OFFICER_TERMS, type OfficerTermDocument } from '../../../projections';

type Election = Extract<PlannedCommand, { kind: 'recordElection' }>;

const today = new Date().toISOString().slice(0, 10);
const plan = planSeed({ seed: 5, committees: 3, branches: 12, groups: 30, members: 300, years: 7, endDate: lastMonthEnd(today), transferExpiryDays: 90 });
const elections = plan.commands.filter((command): command is Election => command.kind === 'recordElection');
const leaves = plan.commands.filter((command) => command.kind === 'leaveOffice');
const levelOf = new Map(plan.commands.flatMap((command) => (command.kind === 'establishUnit' ? [[command.unit, command.level] as const] : [])));

describe('the elections of the seed plan', () => {
  it('every unit elects on its cycle: branches and groups every 3 years, committees and the district every 5', () => {
    for (const level of ['DISTRICT', 'COMMITTEE', 'BRANCH'] as const) expect(elections.some((election) => levelOf.get(election.unit) === level)).toBe(true);
    for (const election of elections)
      expect(election.termYears).toBe(levelOf.get(election.unit) === 'BRANCH' || levelOf.get(election.unit) === 'GROUP' ? 3 : 5);
    const branchElections = elections.filter((election) => levelOf.get(election.unit) === 'BRANCH');
    expect(branchElections.length).toBeGreaterThanOrEqual(12 * 2);
    expect(
      elections.every((election) => election.officers.filter((officer) => officer.role === 'SECRETARY' || officer.role === 'GROUP_LEADER').length === 1),
    ).toBe(true);
  });

  it('records every election and departure through the command layer, and the read model holds one term per officer', async () => {
    const app: OrgtrackApp = await createApp(loadConfig({}), { eventStore: SqliteEventStore.open({ path: ':memory:' }), readStore: new EmbeddedReadStore() });
    try {
      // Only what elections depend on: the organization, its members and the elections themselves.
      const relevant = plan.commands.filter((command) => !['grantAward', 'revokeAward', 'assignPairing', 'endPairing', 'recordMeeting'].includes(command.kind));
      await executePlan(app, relevant, { concurrency: 16 });
      await app.projector.catchUp(30_000);
      const terms = await app.readStore.collection<OfficerTermDocument>(OFFICER_TERMS).find({});
      expect(terms).toHaveLength(elections.reduce((sum, election) => sum + election.officers.length, 0));
      expect(terms.filter((term) => term.endReason === 'RESIGNED' || term.endReason === 'REMOVED')).toHaveLength(leaves.length);
    } finally {
      await app.close();
    }
  }, 120_000);
});
