import type { DuesCategory } from '../../../domain/dues/duesCategory';
import type { LocalDate } from '../../../domain/shared/localDate';
import type { MemberKey } from '../planKeys';
import type { SeedCommands } from '../seedCommand';

export type PlannedDuesCommand =
  | {
      kind: 'setDuesBase';
      on: LocalDate;
      /** The member whose dues base this is (not `member`, which names a member's own command). */
      duesOf: MemberKey;
      category: DuesCategory;
      monthlyIncome: string;
      /** The member: their earlier commands decide whether they were registered by then. */
      reads: MemberKey[];
    }
  | { kind: 'recordDuesPayment'; on: LocalDate; duesOf: MemberKey; period: string; amount: string; reads: MemberKey[] };

const ofDues = (command: { duesOf: MemberKey }): string => `dues:${command.duesOf}`;

export const duesSeedCommands: SeedCommands<PlannedDuesCommand> = {
  setDuesBase: {
    aggregateKey: ofDues,
    aggregatesRead: (command) => command.reads,
    run: (app, command, ids, { mutation }) =>
      app.dues.setBase({ memberId: ids.of(command.duesOf), category: command.category, monthlyIncome: command.monthlyIncome }, mutation),
  },
  recordDuesPayment: {
    aggregateKey: ofDues,
    aggregatesRead: (command) => command.reads,
    run: (app, command, ids, { mutation }) =>
      app.dues.recordPayment({ memberId: ids.of(command.duesOf), period: command.period, amount: command.amount, extra: false }, mutation),
  },
};
