import type { PairingKind } from '../../../domain/pairings/pairingKind';
import type { LocalDate } from '../../../domain/shared/localDate';
import type { MemberKey, PairingKey } from '../planKeys';
import type { SeedCommands } from '../seedCommand';

export type PlannedPairingCommand =
  | {
      kind: 'assignPairing';
      on: LocalDate;
      pairing: PairingKey;
      pairingKind: PairingKind;
      /** The member paired (the adviser, the mentor, the helper); not `member`, which names a member's own command. */
      party: MemberKey;
      counterpart: { kind: 'MEMBER'; member: MemberKey } | { kind: 'VILLAGE' | 'COMMUNITY' | 'HOUSEHOLD'; name: string };
      /** Members whose earlier commands the pairing rules read, and the place's previous pairing (its end must be recorded first). */
      reads: (MemberKey | PairingKey)[];
    }
  | { kind: 'endPairing'; on: LocalDate; pairing: PairingKey; reason: string | null };

export const pairingSeedCommands: SeedCommands<PlannedPairingCommand> = {
  assignPairing: {
    aggregateKey: (command) => command.pairing,
    aggregatesRead: (command) => command.reads,
    async run(app, command, ids, { mutation }) {
      const { counterpart } = command;
      const result = await app.pairings.assign(
        {
          kind: command.pairingKind,
          memberOrUnitId: ids.of(command.party),
          counterpart: counterpart.kind === 'MEMBER' ? { kind: 'MEMBER', id: ids.of(counterpart.member) } : { kind: counterpart.kind, name: counterpart.name },
        },
        mutation,
      );
      ids.set(command.pairing, result.subjectId);
      return result;
    },
  },
  endPairing: {
    aggregateKey: (command) => command.pairing,
    run: (app, command, ids, { mutation }) => app.pairings.end({ pairingId: ids.of(command.pairing), reason: command.reason }, mutation),
  },
};
