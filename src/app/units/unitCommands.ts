import { randomUUID } from 'node:crypto';
import { canonicalCode } from '../../domain/shared/identity';
import type { UnitState } from '../../domain/units/unit';
import type { UnitCommand } from '../../domain/units/unit.commands';
import type { UnitLevel } from '../../domain/units/unitLevel';
import type { CommandPath } from '../commands/commandPath';
import type { RememberedResult } from '../commands/idempotency';
import type { MutationOptions, MutationRunner } from '../commands/mutationRunner';
import type { UnitReadFacts } from './unitReadFacts';
import { unitGates } from './unitGates';
import type { UnitStreamFacts } from './unitStreamFacts';

export interface EstablishUnitInput {
  level: UnitLevel;
  name: string;
  code?: string | null;
  parentId?: string | null;
}

/** Commands on units: establish, rename, move, dissolve. Each returns the unit's id as subject. */
export class UnitCommands {
  constructor(
    private readonly runner: MutationRunner,
    private readonly units: CommandPath<UnitCommand, UnitState>,
    private readonly unitStreamFacts: UnitStreamFacts,
    private readonly unitReadFacts: UnitReadFacts,
  ) {}

  establish(input: EstablishUnitInput, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('establishUnit', input, options, async ({ effectiveDate, today, commandOptions }) => {
      const unitId = randomUUID();
      // A code is decided on the read models: its exclusive gate waits until they include every earlier claim.
      const code = input.code === null || input.code === undefined ? null : canonicalCode(input.code) || null;
      const result = await this.units.handle(
        unitId,
        async () => ({
          type: 'EstablishUnit' as const,
          unitId,
          level: input.level,
          name: input.name,
          code,
          parentId: input.parentId ?? null,
          parent: await this.unitStreamFacts.onDate(input.parentId, effectiveDate),
          codeUsedBy: await this.unitReadFacts.activeUnitWithCode(code),
          effectiveDate,
          today,
        }),
        { ...commandOptions, createsStream: true, gates: [...unitGates.code(code), ...unitGates.placementIn(input.parentId)] },
      );
      return { ...result, subjectId: unitId };
    });
  }

  rename(input: { unitId: string; name: string }, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('renameUnit', input, options, async ({ effectiveDate, today, commandOptions }) => {
      const result = await this.units.handle(
        input.unitId,
        { type: 'RenameUnit', unitId: input.unitId, name: input.name, effectiveDate, today },
        commandOptions,
      );
      return { ...result, subjectId: input.unitId };
    });
  }

  move(input: { unitId: string; parentId: string }, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('moveUnit', input, options, async ({ effectiveDate, today, commandOptions }) => {
      const result = await this.units.handle(
        input.unitId,
        async () => ({
          type: 'MoveUnit' as const,
          unitId: input.unitId,
          parentId: input.parentId,
          parent: await this.unitStreamFacts.onDate(input.parentId, effectiveDate),
          effectiveDate,
          today,
        }),
        { ...commandOptions, gates: unitGates.placementIn(input.parentId) },
      );
      return { ...result, subjectId: input.unitId };
    });
  }

  dissolve(input: { unitId: string; reason?: string | null }, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('dissolveUnit', input, options, async ({ effectiveDate, today, commandOptions }) => {
      // Members and children are counted on the read models: the exclusive gate waits until they include every placement.
      const result = await this.units.handle(
        input.unitId,
        async () => ({
          type: 'DissolveUnit' as const,
          unitId: input.unitId,
          reason: input.reason ?? null,
          activeMemberCount: await this.unitReadFacts.activeMemberCount(input.unitId, effectiveDate, today),
          activeChildCount: await this.unitReadFacts.activeChildCount(input.unitId, effectiveDate),
          effectiveDate,
          today,
        }),
        { ...commandOptions, gates: unitGates.dissolutionOf(input.unitId) },
      );
      return { ...result, subjectId: input.unitId };
    });
  }
}
