import { DUES_MONTHS } from '../../../src/cli/seed/dues/planDues';
import { lastMonthEnd } from '../../../src/cli/seed/planDates';
import { planSeed } from '../../../src/cli/seed/planSeed';
import { aggregateOf, aggregatesReadBy, DEFAULT_SIZES, type PlannedCommand } from '../../../src/cli/seed/seedPlan';

const today = new Date().toISOString().slice(0, 10);
const plan = planSeed({ ...DEFAULT_SIZES, seed: 1, endDate: lastMonthEnd(today), transferExpiryDays: 90 });
const bases = plan.commands.filter((command): command is Extract<PlannedCommand, { kind: 'setDuesBase' }> => command.kind === 'setDuesBase');
const payments = plan.commands.filter((command): command is Extract<PlannedCommand, { kind: 'recordDuesPayment' }> => command.kind === 'recordDuesPayment');

describe('the dues of the seed plan', () => {
  it('pays most months of the last year for the first committee, with a few in arrears, keeping the seed small', () => {
    expect(new Set(payments.map((payment) => payment.period)).size).toBe(DUES_MONTHS);
    expect(bases.length).toBeGreaterThan(50);
    expect(payments.length).toBeGreaterThan(bases.length * 6);
    expect(payments.length).toBeLessThan(bases.length * DUES_MONTHS);
    expect(bases.length + payments.length).toBeLessThan(6_000);
  });

  it('sets a base before the first payment of each member, pays within (or right after) the month, and waits for the member', () => {
    const baseOn = new Map<string, string>();
    const seen = new Set<string>();
    for (const command of plan.commands) {
      if (command.kind === 'setDuesBase') baseOn.set(command.duesOf, command.on);
      if (command.kind === 'recordDuesPayment') {
        expect(baseOn.get(command.duesOf)! <= `${command.period}-01`).toBe(true);
        expect(command.on.slice(0, 7)).toBe(command.period);
        expect(aggregateOf(command)).toBe(`dues:${command.duesOf}`);
      }
      for (const other of aggregatesReadBy(command)) expect(seen.has(other)).toBe(true);
      seen.add(aggregateOf(command));
    }
  });
});
