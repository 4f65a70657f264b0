import type { PositionedEvent } from '../../src/domain/events';
import type { UnitEvent } from '../../src/domain/units/unit.events';
import type { SubjectRule, SubjectRules } from '../shared/subjectRule';

/** A unit event is about the unit (its ancestors are added by the event index). */
const aboutTheUnit: SubjectRule<PositionedEvent<UnitEvent>> = { subjects: (event) => ({ memberIds: [], unitIds: [event.data.unitId] }) };

export const unitSubjectRules = {
  UnitEstablished: aboutTheUnit,
  UnitRenamed: aboutTheUnit,
  // A move is also about the parent the unit left.
  UnitMoved: { subjects: (event) => ({ memberIds: [], unitIds: [event.data.unitId, event.data.previousParentId] }) },
  UnitDissolved: aboutTheUnit,
} satisfies SubjectRules<UnitEvent['type']>;
