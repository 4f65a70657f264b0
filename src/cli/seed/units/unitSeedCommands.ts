import type { LocalDate } from '../../../domain/shared/localDate';
import type { UnitLevel } from '../../../domain/units/unitLevel';
import type { UnitKey } from '../planKeys';
import type { SeedCommands } from '../seedCommand';

export type PlannedUnitCommand =
  | { kind: 'establishUnit'; on: LocalDate; unit: UnitKey; level: UnitLevel; name: string; code: string | null; parent: UnitKey | null }
  | { kind: 'renameUnit'; on: LocalDate; unit: UnitKey; name: string }
  | { kind: 'moveUnit'; on: LocalDate; unit: UnitKey; parent: UnitKey };

export const unitSeedCommands: SeedCommands<PlannedUnitCommand> = {
  establishUnit: {
    aggregateKey: (command) => command.unit,
    unitsRead: (command) => (command.parent === null ? [] : [command.parent]),
    async run(app, command, ids, { mutation, withoutCodes }) {
      const { level, name, code, parent } = command;
      const result = await app.units.establish({ level, name, code: withoutCodes ? null : code, parentId: ids.optional(parent) }, mutation);
      ids.set(command.unit, result.subjectId);
      return result;
    },
  },
  renameUnit: {
    aggregateKey: (command) => command.unit,
    run: (app, command, ids, { mutation }) => app.units.rename({ unitId: ids.of(command.unit), name: command.name }, mutation),
  },
  moveUnit: {
    aggregateKey: (command) => command.unit,
    unitsRead: (command) => [command.parent],
    run: (app, command, ids, { mutation }) => app.units.move({ unitId: ids.of(command.unit), parentId: ids.of(command.parent) }, mutation),
  },
};
