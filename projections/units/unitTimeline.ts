import { type PositionedEvent } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { UnitEvent } from '../../src/domain/units/unit.events';
import type { UnitTimelineChange, UnitTimelineDocument } from './unitVersions.documents';

/** The timeline after `event`; undefined when the event says nothing about an existing unit. */
export function evolveTimeline(timeline: UnitTimelineDocument | undefined, event: PositionedEvent<UnitEvent>): UnitTimelineDocument | undefined {
  const on = event.effectiveDate;
  const facts = { from: on, recordedAt: event.recordedAt, position: event.position };
  if (event.type === 'UnitEstablished') {
    const { unitId, level, name, code, parentId } = event.data;
    const parentIds = parentId === null ? [] : [parentId];
    return {
      _id: unitId,
      level,
      code,
      establishedOn: on,
      dissolvedOn: null,
      dissolvedRecordedAt: null,
      changes: [{ ...facts, name, parentId }],
      parentIds,
      position: event.position,
    };
  }
  if (timeline === undefined) return undefined;
  const current = lastChange(timeline);
  switch (event.type) {
    case 'UnitRenamed':
      return withChange(timeline, { ...current, ...facts, name: event.data.name });
    case 'UnitMoved': {
      const { parentId } = event.data;
      const parentIds = timeline.parentIds.includes(parentId) ? timeline.parentIds : [...timeline.parentIds, parentId];
      return { ...withChange(timeline, { ...current, ...facts, parentId }), parentIds };
    }
    case 'UnitDissolved':
      return { ...timeline, dissolvedOn: on, dissolvedRecordedAt: event.recordedAt, position: event.position };
    default:
      return assertNever(event);
  }
}

function lastChange(timeline: UnitTimelineDocument): UnitTimelineChange {
  return timeline.changes[timeline.changes.length - 1];
}

function withChange(timeline: UnitTimelineDocument, change: UnitTimelineChange): UnitTimelineDocument {
  return { ...timeline, changes: [...timeline.changes, change], position: change.position };
}
