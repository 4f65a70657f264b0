import { lastStartedOn, segmentsOf } from '../shared/temporal';
import type { UnitTimelineDocument, UnitVersionDocument } from './unitVersions.documents';

/** The versions of a unit's parent, already computed (empty when unknown). */
export type ParentVersions = (parentId: string) => readonly UnitVersionDocument[];

type Piece = { validFrom: string; validTo: string | null; ancestors: string[]; recordedAt: string; endRecordedAt: string | null; position: string };

/**
 * A unit's versions from its own timeline and its parents' versions: each of its own segments
 * is split where the parent's ancestry changes, so the result does not depend on the order in
 * which the facts of different units were recorded.
 */
export function computeUnitVersions(timeline: UnitTimelineDocument, parentVersions: ParentVersions): UnitVersionDocument[] {
  return segmentsOf(timeline.changes, timeline.dissolvedOn).flatMap(({ change, validFrom, validTo, endedBy }) => {
    // Ended by the unit's next change, else (when closed) by its dissolution.
    const endRecordedAt = endedBy?.recordedAt ?? (validTo === null ? null : timeline.dissolvedRecordedAt);
    const own: Piece = { validFrom, validTo, ancestors: [], recordedAt: change.recordedAt, endRecordedAt, position: change.position };
    const pieces = change.parentId === null ? [own] : underParent(own, change.parentId, parentVersions(change.parentId));
    return pieces.map((piece) => ({
      _id: `${timeline._id}@${piece.validFrom}`,
      unitId: timeline._id,
      level: timeline.level,
      name: change.name,
      code: timeline.code,
      parentId: change.parentId,
      ancestors: piece.ancestors,
      validFrom: piece.validFrom,
      validTo: piece.validTo,
      recordedAt: piece.recordedAt,
      endRecordedAt: piece.endRecordedAt,
      position: piece.position,
    }));
  });
}

/**
 * Splits `own` (a span under one parent) where the parent's versions start. A span before the
 * parent's first version or after its last takes the nearest ancestry known, so the unit's
 * history has no gap.
 */
function underParent(own: Piece, parentId: string, versions: readonly UnitVersionDocument[]): Piece[] {
  const starts = versions.map((version) => version.validFrom).filter((start) => start > own.validFrom && (own.validTo === null || start < own.validTo));
  const cuts = [own.validFrom, ...new Set(starts)].sort();
  const pieces: Piece[] = [];
  cuts.forEach((validFrom, index) => {
    const parent = lastStartedOn(versions, validFrom) ?? versions[0];
    const ancestors = parent === undefined ? [parentId] : [...parent.ancestors, parentId];
    const previous = pieces[pieces.length - 1];
    const nextCut = cuts[index + 1];
    const validTo = nextCut ?? own.validTo;
    // A cut is where a version of the parent starts: the fact that started it ends this piece.
    const endRecordedAt = nextCut === undefined ? own.endRecordedAt : (lastStartedOn(versions, nextCut)?.recordedAt ?? own.endRecordedAt);
    // A parent's rename splits the parent, not the child: only a change of ancestry does.
    if (previous !== undefined && sameIds(previous.ancestors, ancestors)) {
      previous.validTo = validTo;
      previous.endRecordedAt = endRecordedAt;
      return;
    }
    const startedBy = index === 0 || parent === undefined ? own : parent;
    pieces.push({ validFrom, validTo, ancestors, recordedAt: startedBy.recordedAt, endRecordedAt, position: startedBy.position });
  });
  return pieces;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}
