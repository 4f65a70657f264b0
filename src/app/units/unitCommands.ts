import { randomUUID } from 'node:crypto';
import { unitDecider } from '../../domain/units/unit.decide';
import { unitStream } from '../../domain/units/unit.events';
import type { UnitLevel } from '../../domain/units/unitLevel';
import type { RememberedResult } from '../commands/idempotency';
import type { MutationOptions, MutationRunner } from '../commands/mutationRunner';
import type { ReadModelFacts } from '../commands/readModelFacts';
import type { UnitFacts } from './unitFacts';

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
    private readonly units: UnitFacts,
    private readonly readModels: ReadModelFacts,
  ) {}

  establish(input: EstablishUnitInput, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('establishUnit', input, options, async ({ handler, effectiveDate, today, command }) => {
      const unitId = randomUUID();
      await this.readModels.upToDate();
      const code = input.code?.trim() || null;
      const result = await handler.handle(
        unitStream(unitId),
        unitDecider,
        async () => ({
          type: 'EstablishUnit' as const,
          unitId,
          level: input.level,
          name: input.name,
          code,
          parentId: input.parentId ?? null,
          parent: await this.units.onDate(input.parentId, effectiveDate),
          codeUsedBy: await this.readModels.activeUnitWithCode(code),
          effectiveDate,
          today,
        }),
        { ...command, createsStream: true },
      );
      return { ...result, subjectId: unitId };
    });
  }

  rename(input: { unitId: string; name: string }, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('renameUnit', input, options, async ({ handler, effectiveDate, today, command }) => {
      const result = await handler.handle(
        unitStream(input.unitId),
        unitDecider,
        () => ({ type: 'RenameUnit' as const, unitId: input.unitId, name: input.name, effectiveDate, today }),
        command,
      );
      return { ...result, subjectId: input.unitId };
    });
  }

  move(input: { unitId: string; parentId: string }, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('moveUnit', input, options, async ({ handler, effectiveDate, today, command }) => {
      const result = await handler.handle(
        unitStream(input.unitId),
        unitDecider,
        async () => ({
          type: 'MoveUnit' as const,
          unitId: input.unitId,
          parentId: input.parentId,
          parent: await this.units.onDate(input.parentId, effectiveDate),
          effectiveDate,
          today,
        }),
        command,
      );
      return { ...result, subjectId: input.unitId };
    });
  }

  dissolve(input: { unitId: string; reason?: string | null }, options: MutationOptions): Promise<RememberedResult> {
    return this.runner.run('dissolveUnit', input, options, async ({ handler, effectiveDate, today, command }) => {
      await this.readModels.upToDate();
      const result = await handler.handle(
        unitStream(input.unitId),
        unitDecider,
        async () => ({
          type: 'DissolveUnit' as const,
          unitId: input.unitId,
          reason: input.reason ?? null,
          activeMemberCount: await this.readModels.activeMemberCount(input.unitId, effectiveDate),
          activeChildCount: await this.readModels.activeChildCount(input.unitId, effectiveDate),
          effectiveDate,
          today,
        }),
        command,
      );
      return { ...result, subjectId: input.unitId };
    });
  }
}
