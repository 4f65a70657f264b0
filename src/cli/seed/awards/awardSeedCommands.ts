import type { AwardTitle, RecipientKind } from '../../../domain/awards/awardTitle';
import type { LocalDate } from '../../../domain/shared/localDate';
import type { AwardKey, MemberKey, UnitKey } from '../planKeys';
import type { SeedCommands } from '../seedCommand';

export type PlannedAwardCommand =
  | {
      kind: 'grantAward';
      on: LocalDate;
      award: AwardKey;
      recipientKind: RecipientKind;
      recipient: MemberKey | UnitKey;
      title: AwardTitle;
      otherTitle: string | null;
      grantedBy: UnitKey;
      citation: string;
      /** Members and units whose earlier commands the award rules read (the recipient, its branch). */
      reads: (MemberKey | UnitKey)[];
    }
  | { kind: 'revokeAward'; on: LocalDate; award: AwardKey; reason: string };

export const awardSeedCommands: SeedCommands<PlannedAwardCommand> = {
  grantAward: {
    aggregateKey: (command) => command.award,
    unitsRead: (command) => (command.recipientKind === 'UNIT' ? [command.grantedBy, command.recipient] : [command.grantedBy]),
    aggregatesRead: (command) => command.reads,
    async run(app, command, ids, { mutation }) {
      const { recipient, title, otherTitle, grantedBy, citation } = command;
      const result = await app.awards.grant({ recipientId: ids.of(recipient), title, otherTitle, grantedById: ids.of(grantedBy), citation }, mutation);
      ids.set(command.award, result.subjectId);
      return result;
    },
  },
  revokeAward: {
    aggregateKey: (command) => command.award,
    run: (app, command, ids, { mutation }) => app.awards.revoke({ awardId: ids.of(command.award), reason: command.reason }, mutation),
  },
};
