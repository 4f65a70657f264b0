import type { Decider } from '../decider';
import { assertNever } from '../shared/assertNever';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import type { LocalDate } from '../shared/localDate';
import { requireNotBefore } from '../shared/timeline';
import { optionalCode, optionalText, requireEffectiveDate, requireName, requireOneOf } from '../shared/validation';
import { currentVersion, evolve, initialUnitState, type ExistingUnit, type UnitState } from './unit';
import type { DissolveUnit, EstablishUnit, MoveUnit, RenameUnit, UnitCommand } from './unit.commands';
import type { UnitDissolved, UnitEstablished, UnitEvent, UnitMoved, UnitRenamed } from './unit.events';
import { parentLevelOf, UNIT_LEVELS, type UnitLevel } from './unitLevel';
import type { UnitOnDate } from './unitOnDate';

export function establish(command: EstablishUnit, state: UnitState): UnitEstablished {
  if (state.exists) throw new Conflict('UNIT.ALREADY_EXISTS', `unit ${command.unitId} already exists`, 'input.unitId');
  const on = requireEffectiveDate(command);
  const level = requireOneOf(command.level, UNIT_LEVELS, 'input.level');
  const name = requireName(command.name, 'input.name');
  const code = optionalCode(command.code, 'input.code');
  if (level === 'DISTRICT') {
    if (command.parentId !== null) {
      throw new InvalidInput('UNIT.DISTRICT_HAS_NO_PARENT', 'input.parentId must be empty: a DISTRICT is a root and has no parent', 'input.parentId');
    }
  } else {
    if (command.parentId === null || command.parentId.trim() === '') {
      throw new InvalidInput('UNIT.PARENT_REQUIRED', `input.parentId is required: a ${level} needs a ${parentLevelOf(level)} as its parent`, 'input.parentId');
    }
    requireParent(level, command.parentId, command.parent, on);
  }
  if (code !== null && command.codeUsedBy !== null && command.codeUsedBy !== command.unitId) {
    throw new RuleViolation('UNIT.CODE_IN_USE', `input.code "${code}" is already used by active unit ${command.codeUsedBy}`, 'input.code');
  }
  return { type: 'UnitEstablished', data: { unitId: command.unitId, level, name, code, parentId: command.parentId } };
}

export function rename(command: RenameUnit, state: UnitState): UnitRenamed {
  const unit = requireUnit(state, command.unitId);
  requireUnitTimeline(command, unit);
  requireNotDissolved(unit);
  const name = requireName(command.name, 'input.name');
  const previousName = currentVersion(unit).name;
  if (name === previousName) throw new RuleViolation('UNIT.SAME_NAME', `input.name: unit ${unit.unitId} is already named "${name}"`, 'input.name');
  return { type: 'UnitRenamed', data: { unitId: unit.unitId, name, previousName } };
}

export function move(command: MoveUnit, state: UnitState): UnitMoved {
  const unit = requireUnit(state, command.unitId);
  const on = requireUnitTimeline(command, unit);
  requireNotDissolved(unit);
  const previousParentId = currentVersion(unit).parentId;
  if (previousParentId === null) {
    throw new RuleViolation(
      'UNIT.DISTRICT_CANNOT_MOVE',
      `input.unitId: unit ${unit.unitId} is a ${unit.level}, a root that has no parent to move under`,
      'input.unitId',
    );
  }
  requireParent(unit.level, command.parentId, command.parent, on);
  if (command.parentId === previousParentId) {
    throw new RuleViolation('UNIT.SAME_PARENT', `input.parentId: unit ${unit.unitId} is already under ${previousParentId}`, 'input.parentId');
  }
  return { type: 'UnitMoved', data: { unitId: unit.unitId, parentId: command.parentId, previousParentId } };
}

export function dissolve(command: DissolveUnit, state: UnitState): UnitDissolved {
  const unit = requireUnit(state, command.unitId);
  const on = requireUnitTimeline(command, unit);
  if (unit.dissolvedOn !== null) {
    throw new RuleViolation('UNIT.ALREADY_DISSOLVED', `unit ${unit.unitId} was already dissolved on ${unit.dissolvedOn}`, 'input.unitId');
  }
  const reason = optionalText(command.reason, 'input.reason');
  if (command.activeMemberCount > 0) {
    throw new RuleViolation(
      'UNIT.HAS_ACTIVE_MEMBERS',
      `unit ${unit.unitId} still has ${command.activeMemberCount} member(s) on or after ${on}: transfer them or record that they left first`,
      'input.unitId',
    );
  }
  if (command.activeChildCount > 0) {
    throw new RuleViolation(
      'UNIT.HAS_ACTIVE_CHILDREN',
      `unit ${unit.unitId} still has ${command.activeChildCount} child unit(s) on or after ${on}: move or dissolve them first`,
      'input.unitId',
    );
  }
  return { type: 'UnitDissolved', data: { unitId: unit.unitId, reason } };
}

export function decide(command: UnitCommand, state: UnitState): UnitEvent[] {
  switch (command.type) {
    case 'EstablishUnit':
      return [establish(command, state)];
    case 'RenameUnit':
      return [rename(command, state)];
    case 'MoveUnit':
      return [move(command, state)];
    case 'DissolveUnit':
      return [dissolve(command, state)];
    default:
      return assertNever(command);
  }
}

export const unitDecider: Decider<UnitCommand, UnitEvent, UnitState> = { initialState: initialUnitState, evolve, decide };

function requireUnit(state: UnitState, unitId: string): ExistingUnit {
  if (!state.exists) throw new NotFound('UNIT.NOT_FOUND', `input.unitId: no unit ${unitId} exists`, 'input.unitId');
  return state;
}

function requireNotDissolved(unit: ExistingUnit): void {
  if (unit.dissolvedOn !== null) {
    throw new RuleViolation('UNIT.DISSOLVED', `unit ${unit.unitId} was dissolved on ${unit.dissolvedOn} and can no longer change`, 'input.unitId');
  }
}

/** The time rules every command on an existing unit obeys; returns the effective date. */
function requireUnitTimeline(command: { effectiveDate: string; today: LocalDate }, unit: ExistingUnit): LocalDate {
  const on = requireEffectiveDate(command);
  requireNotBefore(on, unit.establishedOn, 'DATE.BEFORE_ESTABLISHMENT', `the establishment of unit ${unit.unitId}`);
  requireNotBefore(on, unit.lastChangeOn, 'DATE.BEFORE_LAST_CHANGE', `the last recorded change of unit ${unit.unitId}`);
  return on;
}

/** A parent of a `level` unit: it exists, is exactly one level up, and is active on `date`. */
function requireParent(level: UnitLevel, parentId: string, parent: UnitOnDate | null, date: LocalDate): void {
  if (parent === null) throw new NotFound('UNIT.PARENT_NOT_FOUND', `input.parentId: no unit ${parentId} exists`, 'input.parentId');
  const expected = parentLevelOf(level);
  if (parent.level !== expected) {
    throw new RuleViolation(
      'UNIT.PARENT_WRONG_LEVEL',
      `input.parentId: a ${level}'s parent must be a ${expected}, but ${parentId} ("${parent.name}") is a ${parent.level}`,
      'input.parentId',
    );
  }
  if (!parent.active) {
    throw new RuleViolation('UNIT.PARENT_NOT_ACTIVE', `input.parentId: parent ${parentId} ("${parent.name}") is not active on ${date}`, 'input.parentId');
  }
  if (parent.dissolvedOn !== null) {
    throw new RuleViolation(
      'UNIT.PARENT_DISSOLVED_LATER',
      `input.parentId: parent ${parentId} ("${parent.name}") is dissolved from ${parent.dissolvedOn}; a unit placed under it on ${date} would still be under it then`,
      'input.parentId',
    );
  }
}
