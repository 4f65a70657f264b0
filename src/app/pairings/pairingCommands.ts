import { randomUUID } from 'node:crypto';
import { canonicalCounterpart, counterpartKey } from '../../domain/pairings/counterpartKey';
import type { PairingState } from '../../domain/pairings/pairing';
import type { AssignPairing, OverlappingPairing, PairingCommand } from '../../domain/pairings/pairing.commands';
import type { ScopeMembership } from '../access/scopeMembership';
import { isInternal, PAIRING_RULES, type CounterpartKind, type PairingKind } from '../../domain/pairings/pairingKind';
import type { CommandPath } from '../commands/commandPath';
import type { RememberedResult } from '../commands/idempotency';
import { effectiveOn, type MutationOptions, type MutationRunner } from '../commands/mutationRunner';
import type { PairingReadFacts } from './pairingReadFacts';
import type { PartyStreamFacts } from './partyStreamFacts';
import type { ReadModelCatchUp } from '../commands/readModelCatchUp';

export interface AssignPairingInput {
  kind: PairingKind;
  /** The member or unit that is paired (the adviser, the mentor, the cadre, the helper). */
  memberOrUnitId: string;
  counterpart: { kind: CounterpartKind; id?: string | null; name?: string | null };
  /** The first day of the pairing; it is the effective date of the command (default: the effective date, or today). */
  startOn?: string | null;
}

/** Commands on pairings: assign and end. Each returns the pairing's id as subject. */
export class PairingCommands {
  constructor(
    private readonly runner: MutationRunner,
    private readonly pairings: CommandPath<PairingCommand, PairingState>,
    private readonly partyStreamFacts: PartyStreamFacts,
    private readonly pairingReadFacts: PairingReadFacts,
    private readonly readModels: ReadModelCatchUp,
    private readonly scope: ScopeMembership,
  ) {}

  assign(input: AssignPairingInput, options: MutationOptions): Promise<RememberedResult> {
    const dated = effectiveOn(input.startOn, options, {
      code: 'PAIRING.START_NOT_EFFECTIVE_DATE',
      field: 'input.startOn',
      what: 'a pairing takes effect on its start',
    });
    const pairingId = randomUUID();
    return this.runner.run('assignPairing', input, dated, async ({ effectiveDate, today, commandOptions }) => {
      // One adviser per village is a rule across pairings: decide it on read models that include every pairing recorded so far.
      await this.readModels.upToDate();
      const counterpart = canonicalCounterpart(input.counterpart);
      const key = counterpartKey(counterpart);
      const result = await this.pairings.handle(
        pairingId,
        async (): Promise<AssignPairing> => ({
          type: 'AssignPairing',
          pairingId,
          kind: input.kind,
          partyId: input.memberOrUnitId,
          party: await this.partyStreamFacts.onDate(input.memberOrUnitId, effectiveDate),
          counterpart,
          counterpartOnDate: isInternal(counterpart.kind) ? await this.partyStreamFacts.onDate(counterpart.id, effectiveDate) : null,
          counterpartTakenBy: PAIRING_RULES[input.kind]?.oneAtATimePerCounterpart
            ? await this.asSeenBy(
                await this.pairingReadFacts.overlapping({ kind: input.kind, counterpartKey: key }, effectiveDate),
                dated.scopeRoot,
                effectiveDate,
                today,
              )
            : null,
          identical: await this.pairingReadFacts.overlapping({ kind: input.kind, counterpartKey: key, partyId: input.memberOrUnitId }, effectiveDate),
          partyHoldsOffice: PAIRING_RULES[input.kind]?.partyHoldsOffice ? await this.pairingReadFacts.holdsOffice(input.memberOrUnitId, effectiveDate) : false,
          effectiveDate,
          today,
        }),
        {
          ...commandOptions,
          createsStream: true,
          gates: PAIRING_RULES[input.kind]?.oneAtATimePerCounterpart ? [{ key: `pairing:${input.kind}:${key}`, mode: 'exclusive' }] : [],
        },
      );
      return { ...result, subjectId: pairingId };
    });
  }

  /** A pairing held outside the caller's subtree is told without its party or id. */
  private async asSeenBy(pairing: OverlappingPairing | null, scopeRoot: string | undefined, date: string, today: string): Promise<OverlappingPairing | null> {
    if (pairing === null || scopeRoot === undefined || (await this.scope.memberOrUnitWithin(pairing.partyId, scopeRoot, date, today))) return pairing;
    return { ...pairing, outsideCallerScope: true };
  }

  end(input: { pairingId: string; reason?: string | null }, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('endPairing', input, options, async ({ effectiveDate, today, commandOptions }) => {
      const result = await this.pairings.handle(
        input.pairingId,
        { type: 'EndPairing', pairingId: input.pairingId, reason: input.reason ?? null, effectiveDate, today },
        commandOptions,
      );
      return { ...result, subjectId: input.pairingId };
    });
  }
}
