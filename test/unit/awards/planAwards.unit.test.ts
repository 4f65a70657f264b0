import { lastMonthEnd } from '../../../src/cli/seed/planDates';
import { planSeed } from '../../../src/cli/seed/planSeed';
import { aggregatesReadBy, DEFAULT_SIZES, type PlannedCommand } from '../../../src/cli/seed/seedPlan';

const today = new Date().toISOString().slice(0, 10);
const plan = planSeed({ ...DEFAULT_SIZES, seed: 1, endDate: lastMonthEnd(today), transferExpiryDays: 90 });
const grants = plan.commands.filter((command): command is Extract<PlannedCommand, { kind: 'grantAward' }> => command.kind === 'grantAward');
const revocations = plan.commands.filter((command): command is Extract<PlannedCommand, { kind: 'revokeAward' }> => command.kind === 'revokeAward');

describe('the awards of the seed plan', () => {
  it('names about 3% of the party members outstanding members each year, and gives every title', () => {
    const years = new Set(grants.filter((grant) => grant.title === 'OUTSTANDING_MEMBER').map((grant) => grant.on.slice(0, 4)));
    const perYear = grants.filter((grant) => grant.title === 'OUTSTANDING_MEMBER').length / years.size;
    expect(perYear).toBeGreaterThan(DEFAULT_SIZES.members * 0.015);
    expect(perYear).toBeLessThan(DEFAULT_SIZES.members * 0.05);
    expect(new Set(grants.map((grant) => grant.title))).toEqual(
      new Set(['OUTSTANDING_MEMBER', 'OUTSTANDING_PARTY_WORKER', 'ADVANCED_GRASSROOTS_ORGANIZATION', 'RED_FLAG_GROUP', 'OTHER']),
    );
    expect(grants.every((grant) => (grant.title === 'OTHER') === (grant.otherTitle !== null))).toBe(true);
  });

  it('revokes a few awards, each after its grant', () => {
    const grantedOn = new Map(grants.map((grant) => [grant.award, grant.on]));
    expect(revocations.length).toBeGreaterThan(0);
    expect(revocations.length).toBeLessThan(grants.length * 0.05);
    for (const revocation of revocations) expect(revocation.on > grantedOn.get(revocation.award)!).toBe(true);
  });

  it('makes each grant wait for the commands of its recipient planned before it', () => {
    const seen = new Set<string>();
    for (const command of plan.commands) {
      for (const other of aggregatesReadBy(command)) expect(seen.has(other)).toBe(true);
      if ('member' in command) seen.add(command.member);
      if ('unit' in command) seen.add(command.unit);
      if ('pairing' in command) seen.add(command.pairing);
    }
  });
});
