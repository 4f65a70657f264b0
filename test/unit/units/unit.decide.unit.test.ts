import { Conflict, InvalidInput, NotFound, RuleViolation } from '../../../src/domain/shared/errors';
import { evolve, initialUnitState, unitOnDate } from '../../../src/domain/units/unit';
import type { DissolveUnit, EstablishUnit, MoveUnit, RenameUnit } from '../../../src/domain/units/unit.commands';
import { unitDecider } from '../../../src/domain/units/unit.decide';
import type { UnitEvent } from '../../../src/domain/units/unit.events';
import type { UnitLevel } from '../../../src/domain/units/unitLevel';
import { TODAY, unit } from '../../support/deciderFixtures';
import { on, spec } from '../../support/deciderSpecification';

const committeeC1 = unit('c1', 'COMMITTEE', { parentId: 'd1' });
const committeeC2 = unit('c2', 'COMMITTEE', { parentId: 'd1' });

const establish = (overrides: Partial<EstablishUnit> = {}): EstablishUnit => ({
  type: 'EstablishUnit',
  unitId: 'b1',
  level: 'BRANCH',
  name: '第一支部',
  code: 'B-01',
  parentId: 'c1',
  parent: committeeC1,
  codeUsedBy: null,
  effectiveDate: '2020-01-01',
  today: TODAY,
  ...overrides,
});
const rename = (overrides: Partial<RenameUnit> = {}): RenameUnit => ({
  type: 'RenameUnit',
  unitId: 'b1',
  name: '第二支部',
  effectiveDate: '2022-01-01',
  today: TODAY,
  ...overrides,
});
const move = (overrides: Partial<MoveUnit> = {}): MoveUnit => ({
  type: 'MoveUnit',
  unitId: 'b1',
  parentId: 'c2',
  parent: committeeC2,
  effectiveDate: '2022-01-01',
  today: TODAY,
  ...overrides,
});
const dissolve = (overrides: Partial<DissolveUnit> = {}): DissolveUnit => ({
  type: 'DissolveUnit',
  unitId: 'b1',
  reason: null,
  activeMemberCount: 0,
  activeChildCount: 0,
  effectiveDate: '2022-01-01',
  today: TODAY,
  ...overrides,
});

const established = on<UnitEvent>('2020-01-01', {
  type: 'UnitEstablished',
  data: { unitId: 'b1', level: 'BRANCH', name: '第一支部', code: 'B-01', parentId: 'c1' },
});
const districtEstablished = on<UnitEvent>('2020-01-01', {
  type: 'UnitEstablished',
  data: { unitId: 'd1', level: 'DISTRICT', name: '区直机关工委', code: null, parentId: null },
});
const renamed = (date: string, name: string, previousName: string) => on<UnitEvent>(date, { type: 'UnitRenamed', data: { unitId: 'b1', name, previousName } });
const dissolved = (date: string) => on<UnitEvent>(date, { type: 'UnitDissolved', data: { unitId: 'b1', reason: null } });

const given = spec(unitDecider).given;

describe('establishing a unit', () => {
  it('a branch is established under an active committee, with its name and code trimmed', () => {
    given([])
      .when(establish({ name: '  第一支部 ', code: ' B-01 ' }))
      .then([{ type: 'UnitEstablished', data: { unitId: 'b1', level: 'BRANCH', name: '第一支部', code: 'B-01', parentId: 'c1' } }]);
  });

  it('a code is stored in one form: full-width, invisible characters and letter case do not make another code', () => {
    given([])
      .when(establish({ code: 'ｓｅｑ－１\u200b' }))
      .then([{ type: 'UnitEstablished', data: { unitId: 'b1', level: 'BRANCH', name: '第一支部', code: 'SEQ-1', parentId: 'c1' } }]);
  });

  it('a parent dissolved on a later day takes no new unit under it', () => {
    given([])
      .when(establish({ parent: { ...committeeC1, dissolvedOn: '2021-01-01' } }))
      .thenThrows(RuleViolation, 'UNIT.PARENT_DISSOLVED_LATER');
  });

  it('a district is established without a parent', () => {
    given([])
      .when(establish({ unitId: 'd1', level: 'DISTRICT', name: '区直机关工委', code: null, parentId: null, parent: null }))
      .then([{ type: 'UnitEstablished', data: { unitId: 'd1', level: 'DISTRICT', name: '区直机关工委', code: null, parentId: null } }]);
  });

  it('a unit cannot be established twice', () => {
    given([established]).when(establish()).thenThrows(Conflict, 'UNIT.ALREADY_EXISTS');
  });

  it('a district has no parent', () => {
    const error = given([])
      .when(establish({ unitId: 'd1', level: 'DISTRICT', parentId: 'd0', parent: unit('d0', 'DISTRICT') }))
      .thenThrows(InvalidInput, 'UNIT.DISTRICT_HAS_NO_PARENT');
    expect(error.field).toBe('input.parentId');
  });

  it.each<UnitLevel>(['COMMITTEE', 'BRANCH', 'GROUP'])('a %s needs a parent', (level) => {
    const error = given([])
      .when(establish({ level, parentId: null, parent: null }))
      .thenThrows(InvalidInput, 'UNIT.PARENT_REQUIRED');
    expect(error.field).toBe('input.parentId');
  });

  it('the parent must exist', () => {
    given([])
      .when(establish({ parentId: 'nope', parent: null }))
      .thenThrows(NotFound, 'UNIT.PARENT_NOT_FOUND');
  });

  it("a branch's parent must be a committee", () => {
    const error = given([])
      .when(establish({ parentId: 'd1', parent: unit('d1', 'DISTRICT') }))
      .thenThrows(RuleViolation, 'UNIT.PARENT_WRONG_LEVEL');
    expect(error.message).toMatch(/BRANCH's parent must be a COMMITTEE.*is a DISTRICT/);
    expect(error.field).toBe('input.parentId');
  });

  it("a group's parent must be a branch, and a branch is accepted", () => {
    given([])
      .when(establish({ unitId: 'g1', level: 'GROUP', code: null, parentId: 'c1', parent: committeeC1 }))
      .thenThrows(RuleViolation, 'UNIT.PARENT_WRONG_LEVEL');
    given([])
      .when(establish({ unitId: 'g1', level: 'GROUP', name: '红一组', code: null, parentId: 'b1', parent: unit('b1', 'BRANCH') }))
      .then([{ type: 'UnitEstablished', data: { unitId: 'g1', level: 'GROUP', name: '红一组', code: null, parentId: 'b1' } }]);
  });

  it('the parent must be active on the effective date', () => {
    given([])
      .when(establish({ parent: { ...committeeC1, active: false } }))
      .thenThrows(RuleViolation, 'UNIT.PARENT_NOT_ACTIVE');
  });

  it('a code cannot be used by another active unit', () => {
    const error = given([])
      .when(establish({ codeUsedBy: 'b9' }))
      .thenThrows(RuleViolation, 'UNIT.CODE_IN_USE');
    expect(error.message).toContain('b9');
  });

  it('a code must be letters, digits, dots, dashes or underscores', () => {
    given([])
      .when(establish({ code: 'B 01' }))
      .thenThrows(InvalidInput, 'INPUT.BAD_CODE');
  });

  it('the name must not be empty', () => {
    given([])
      .when(establish({ name: '   ' }))
      .thenThrows(InvalidInput, 'INPUT.REQUIRED');
  });

  it('the name must be at most 200 characters', () => {
    given([])
      .when(establish({ name: 'x'.repeat(10_000) }))
      .thenThrows(InvalidInput, 'INPUT.TOO_LONG');
  });

  it('the level must be a known level', () => {
    given([])
      .when(establish({ level: 'TEAM' as UnitLevel }))
      .thenThrows(InvalidInput, 'INPUT.UNKNOWN_VALUE');
  });

  it('the effective date must be a real calendar date', () => {
    const error = given([])
      .when(establish({ effectiveDate: '2023-02-30' }))
      .thenThrows(InvalidInput, 'DATE.INVALID');
    expect(error.field).toBe('input.effectiveDate');
  });

  it('the effective date must not be in the future', () => {
    given([])
      .when(establish({ effectiveDate: '2024-07-01' }))
      .thenThrows(InvalidInput, 'DATE.IN_FUTURE');
    given([])
      .when(establish({ effectiveDate: TODAY }))
      .then([{ type: 'UnitEstablished', data: { unitId: 'b1', level: 'BRANCH', name: '第一支部', code: 'B-01', parentId: 'c1' } }]);
  });
});

describe('renaming a unit', () => {
  it('a unit is renamed, recording its previous name', () => {
    given([established])
      .when(rename())
      .then([{ type: 'UnitRenamed', data: { unitId: 'b1', name: '第二支部', previousName: '第一支部' } }]);
  });

  it('only an existing unit can be renamed', () => {
    given([]).when(rename()).thenThrows(NotFound, 'UNIT.NOT_FOUND');
  });

  it('a dissolved unit cannot be renamed', () => {
    given([established, dissolved('2021-01-01')])
      .when(rename())
      .thenThrows(RuleViolation, 'UNIT.DISSOLVED');
  });

  it('the new name must differ from the current one', () => {
    given([established, renamed('2021-01-01', '第二支部', '第一支部')])
      .when(rename({ name: ' 第二支部 ' }))
      .thenThrows(RuleViolation, 'UNIT.SAME_NAME');
  });

  it('the new name is validated', () => {
    given([established])
      .when(rename({ name: '' }))
      .thenThrows(InvalidInput, 'INPUT.REQUIRED');
    given([established])
      .when(rename({ name: 'a\u0000b' }))
      .thenThrows(InvalidInput, 'INPUT.CONTROL_CHARACTER');
  });

  it('a change cannot take effect before the unit was established', () => {
    given([established])
      .when(rename({ effectiveDate: '2019-12-31' }))
      .thenThrows(RuleViolation, 'DATE.BEFORE_ESTABLISHMENT');
  });

  it("a change cannot take effect before the unit's last recorded change, but may on the same day", () => {
    const history = [established, renamed('2022-01-01', '第二支部', '第一支部')];
    given(history)
      .when(rename({ name: '第三支部', effectiveDate: '2021-06-01' }))
      .thenThrows(RuleViolation, 'DATE.BEFORE_LAST_CHANGE');
    given(history)
      .when(rename({ name: '第三支部', effectiveDate: '2022-01-01' }))
      .then([{ type: 'UnitRenamed', data: { unitId: 'b1', name: '第三支部', previousName: '第二支部' } }]);
  });

  it('a rename cannot take effect in the future', () => {
    given([established])
      .when(rename({ effectiveDate: '2099-01-01' }))
      .thenThrows(InvalidInput, 'DATE.IN_FUTURE');
  });
});

describe('moving a unit', () => {
  it('a branch moves under another committee, recording its previous parent', () => {
    given([established])
      .when(move())
      .then([{ type: 'UnitMoved', data: { unitId: 'b1', parentId: 'c2', previousParentId: 'c1' } }]);
  });

  it('only an existing unit can be moved', () => {
    given([]).when(move()).thenThrows(NotFound, 'UNIT.NOT_FOUND');
  });

  it('a district cannot move', () => {
    given([districtEstablished])
      .when(move({ unitId: 'd1', parentId: 'd2', parent: unit('d2', 'DISTRICT') }))
      .thenThrows(RuleViolation, 'UNIT.DISTRICT_CANNOT_MOVE');
  });

  it('the new parent must exist', () => {
    given([established])
      .when(move({ parentId: 'c9', parent: null }))
      .thenThrows(NotFound, 'UNIT.PARENT_NOT_FOUND');
  });

  it('the new parent must be exactly one level up', () => {
    const error = given([established])
      .when(move({ parentId: 'b2', parent: unit('b2', 'BRANCH', { parentId: 'c1' }) }))
      .thenThrows(RuleViolation, 'UNIT.PARENT_WRONG_LEVEL');
    expect(error.message).toMatch(/BRANCH's parent must be a COMMITTEE.*is a BRANCH/);
  });

  it('the new parent must be active on the effective date', () => {
    given([established])
      .when(move({ parent: { ...committeeC2, active: false } }))
      .thenThrows(RuleViolation, 'UNIT.PARENT_NOT_ACTIVE');
  });

  it('the new parent must differ from the current one', () => {
    given([established])
      .when(move({ parentId: 'c1', parent: committeeC1 }))
      .thenThrows(RuleViolation, 'UNIT.SAME_PARENT');
  });

  it('a dissolved unit cannot be moved', () => {
    given([established, dissolved('2021-01-01')])
      .when(move())
      .thenThrows(RuleViolation, 'UNIT.DISSOLVED');
  });

  it('a move cannot take effect before the last recorded change', () => {
    given([established, renamed('2022-01-01', '第二支部', '第一支部')])
      .when(move({ effectiveDate: '2021-12-31' }))
      .thenThrows(RuleViolation, 'DATE.BEFORE_LAST_CHANGE');
  });
});

describe('dissolving a unit', () => {
  it('a unit without active members or children is dissolved, with its reason trimmed', () => {
    given([established])
      .when(dissolve({ reason: '  两个车间合并 ' }))
      .then([{ type: 'UnitDissolved', data: { unitId: 'b1', reason: '两个车间合并' } }]);
  });

  it('only an existing unit can be dissolved', () => {
    given([]).when(dissolve()).thenThrows(NotFound, 'UNIT.NOT_FOUND');
  });

  it('a unit cannot be dissolved twice', () => {
    given([established, dissolved('2021-01-01')])
      .when(dissolve())
      .thenThrows(RuleViolation, 'UNIT.ALREADY_DISSOLVED');
  });

  it('a unit with active members cannot be dissolved, and the error says how many', () => {
    const error = given([established])
      .when(dissolve({ activeMemberCount: 3 }))
      .thenThrows(RuleViolation, 'UNIT.HAS_ACTIVE_MEMBERS');
    expect(error.message).toContain('3 member(s) on or after');
  });

  it('a unit with active children cannot be dissolved', () => {
    const error = given([established])
      .when(dissolve({ activeChildCount: 2 }))
      .thenThrows(RuleViolation, 'UNIT.HAS_ACTIVE_CHILDREN');
    expect(error.message).toContain('2 child unit(s) on or after');
  });

  it('the reason is at most 2,000 characters', () => {
    given([established])
      .when(dissolve({ reason: 'x'.repeat(2_001) }))
      .thenThrows(InvalidInput, 'INPUT.TOO_LONG');
  });

  it('a dissolution cannot take effect before establishment or in the future', () => {
    given([established])
      .when(dissolve({ effectiveDate: '2019-01-01' }))
      .thenThrows(RuleViolation, 'DATE.BEFORE_ESTABLISHMENT');
    given([established])
      .when(dissolve({ effectiveDate: '2024-07-01' }))
      .thenThrows(InvalidInput, 'DATE.IN_FUTURE');
  });
});

describe('a unit on a date', () => {
  const fold = (events: Parameters<typeof evolve>[1][]) => events.reduce(evolve, initialUnitState());
  const history = fold([
    established,
    renamed('2021-01-01', '第二支部', '第一支部'),
    on<UnitEvent>('2022-01-01', { type: 'UnitMoved', data: { unitId: 'b1', parentId: 'c2', previousParentId: 'c1' } }),
    dissolved('2023-01-01'),
  ]);

  it('a unit that does not exist is null on every date', () => {
    expect(unitOnDate(initialUnitState(), '2020-01-01')).toBeNull();
  });

  it('a unit is inactive before its establishment', () => {
    expect(unitOnDate(history, '2019-12-31')).toEqual({
      unitId: 'b1',
      level: 'BRANCH',
      name: '第一支部',
      parentId: 'c1',
      active: false,
      dissolvedOn: '2023-01-01',
    });
  });

  it('the name and parent are those in force on the date', () => {
    expect(unitOnDate(history, '2020-01-01')).toMatchObject({ name: '第一支部', parentId: 'c1', active: true });
    expect(unitOnDate(history, '2021-01-01')).toMatchObject({ name: '第二支部', parentId: 'c1', active: true });
    expect(unitOnDate(history, '2022-12-31')).toMatchObject({ name: '第二支部', parentId: 'c2', active: true });
  });

  it('a unit is inactive on and after its dissolution', () => {
    expect(unitOnDate(history, '2023-01-01')).toMatchObject({ active: false });
    expect(unitOnDate(history, '2030-01-01')).toMatchObject({ active: false });
  });

  it('of two changes on one day, the later one is in force', () => {
    const state = fold([established, renamed('2021-01-01', 'A', '第一支部'), renamed('2021-01-01', 'B', 'A')]);
    expect(unitOnDate(state, '2021-01-01')).toMatchObject({ name: 'B' });
    expect(state.exists && state.versions).toHaveLength(2);
  });
});
