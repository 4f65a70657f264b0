import fc from 'fast-check';
import type { Interval } from '../../../projections';
import { memberCountDocuments, yearOf } from '../../../projections/members/unitMemberCounts.compute';
import {
  netDeltas,
  updatedCountDocuments,
  type CountUpdate,
  type IntervalDelta,
  type StoredCounts,
  type YearStarts,
} from '../../../projections/members/unitMemberCounts.delta';
import type { UnitMemberCountDocument } from '../../../projections/members/unitMemberCounts.documents';

type Counted = Interval & { position: string };
type Read = Exclude<CountUpdate['kind'], 'documents'>;

const UNIT = 'B1';
const span = (validFrom: string, validTo: string | null, position: string): Counted => ({ validFrom, validTo, position });
const keyOf = ({ validFrom, validTo, position }: Counted): string => `${validFrom}|${validTo}|${position}`;
const byId = (a: UnitMemberCountDocument, b: UnitMemberCountDocument): number => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

/** What a recount makes of these intervals: every document, by id. */
function recounted(intervals: readonly Counted[]): UnitMemberCountDocument[] {
  return memberCountDocuments(UNIT, intervals).sort(byId);
}

/**
 * Given the documents a recount made of `before`, when the unit's intervals become `after`: the
 * documents after the deltas (the intervals only in `before` removed, those only in `after`
 * added), with every read they ask for answered as the store would (the documents stored, the
 * memberships as they are after), and the reads asked for.
 */
function updated(before: readonly Counted[], after: readonly Counted[]): { documents: UnitMemberCountDocument[]; reads: Read[] } {
  const documents = new Map(memberCountDocuments(UNIT, before).map((document) => [document._id, document]));
  const beforeKeys = new Set(before.map(keyOf));
  const afterKeys = new Set(after.map(keyOf));
  const deltas: IntervalDelta[] = [
    ...before.filter((interval) => !afterKeys.has(keyOf(interval))).map((interval): IntervalDelta => ({ ...interval, change: -1 })),
    ...after.filter((interval) => !beforeKeys.has(keyOf(interval))).map((interval): IntervalDelta => ({ ...interval, change: 1 })),
  ];
  const yearDocuments = (fromYear: number): Map<number, UnitMemberCountDocument> =>
    new Map([...documents.values()].filter(({ _id }) => _id !== UNIT && yearOf(_id.slice(UNIT.length + 1)) >= fromYear).map((d) => [yearOf(d.from), d]));
  let stored: StoredCounts = { after: documents.get(UNIT), fromYear: Infinity, years: new Map() };
  let starts: YearStarts | undefined;
  const reads: Read[] = [];
  for (let round = 0; round < 20; round++) {
    const update = updatedCountDocuments(UNIT, stored, netDeltas(deltas), starts);
    if (update.kind === 'documents') {
      for (const _id of update.deletes) documents.delete(_id);
      for (const document of update.writes) documents.set(document._id, document);
      return { documents: [...documents.values()].sort(byId), reads };
    }
    reads.push(update.kind);
    if (update.kind === 'recount') return { documents: [], reads };
    if (update.kind === 'needsDocuments') stored = { after: stored.after, fromYear: update.fromYear, years: yearDocuments(update.fromYear) };
    else {
      const { fromYear, toYear, throughOpen } = update.starts;
      const latest = new Map<number, string>();
      for (const { validFrom, position } of after) {
        const year = yearOf(validFrom);
        if (year >= fromYear && (throughOpen || year <= toYear) && position > (latest.get(year) ?? '')) latest.set(year, position);
      }
      starts = { ...update.starts, latest };
    }
  }
  throw new Error('no documents after 20 rounds of reads');
}

describe('unit member counts from deltas: the documents a recount makes, from the stored ones and the intervals a batch changes', () => {
  it('given a branch with two members, when a third joins, then only its year and the years after change, read from their documents alone', () => {
    const before = [span('2020-01-01', null, 'p1'), span('2021-02-01', '2023-03-01', 'p2')];
    const after = [...before, span('2023-06-01', null, 'p3')];

    const { documents, reads } = updated(before, after);

    expect(documents).toEqual(recounted(after));
    expect(documents.find(({ _id }) => _id === 'B1:2023')).toMatchObject({
      count: 2,
      steps: [
        { from: '2023-03-01', count: 1 },
        { from: '2023-06-01', count: 2 },
      ],
      position: 'p3',
    });
    expect(reads).toEqual(['needsDocuments']);
  });

  it('given an open interval, when the batch closes it (the member left), then the count falls from that date and no position changes', () => {
    const before = [span('2018-04-01', null, 'p1'), span('2019-01-15', null, 'p2')];
    const after = [span('2018-04-01', '2022-07-01', 'p1'), span('2019-01-15', null, 'p2')];

    const { documents, reads } = updated(before, after);

    expect(documents).toEqual(recounted(after));
    expect(documents.map(({ _id, position }) => [_id, position])).toEqual([
      ['B1', 'p2'],
      ['B1:2018', 'p1'],
      ['B1:2019', 'p2'],
      ['B1:2020', 'p2'],
      ['B1:2021', 'p2'],
      ['B1:2022', 'p2'],
    ]);
    expect(reads).toEqual(['needsDocuments']);
  });

  it('given an interval, when a batch moves its start earlier (a late entry), then the unit gains years before its first change', () => {
    const before = [span('2021-05-01', null, 'p1'), span('2022-02-01', '2024-01-10', 'p2')];
    const after = [span('2019-03-01', null, 'p3'), span('2022-02-01', '2024-01-10', 'p2')];

    const { documents } = updated(before, after);

    expect(documents).toEqual(recounted(after));
    expect(documents.map(({ _id, count, position }) => [_id, count, position])).toEqual([
      ['B1', 1, 'p3'],
      ['B1:2019', 0, 'p3'],
      ['B1:2020', 1, 'p3'],
      ['B1:2021', 1, 'p3'],
      ['B1:2022', 1, 'p3'],
      ['B1:2023', 2, 'p3'],
      ['B1:2024', 2, 'p3'],
    ]);
  });

  it('given the latest interval of a unit, when it is withdrawn, then the years it held the position get the latest of the others, read from the memberships starting then', () => {
    const before = [span('2010-01-01', null, 'p1'), span('2012-06-01', '2015-01-01', 'p5'), span('2013-03-01', '2016-01-01', 'p3')];
    const after = before.filter(({ position }) => position !== 'p5');

    const { documents, reads } = updated(before, after);

    expect(documents).toEqual(recounted(after));
    expect(documents.find(({ _id }) => _id === 'B1:2012')).toMatchObject({ count: 1, steps: [], position: 'p1' });
    expect(documents.find(({ _id }) => _id === 'B1')).toMatchObject({ count: 1, position: 'p3' });
    expect(reads).toEqual(['needsDocuments', 'needsStarts']);
  });

  it('given a unit whose last change is an interval ending, when that interval is withdrawn, then its last change moves earlier and the later years lose their documents', () => {
    const before = [span('2010-03-01', '2011-05-01', 'p1'), span('2010-09-01', null, 'p2'), span('2017-02-01', '2020-08-01', 'p3')];
    const after = before.filter(({ position }) => position !== 'p3');

    const { documents } = updated(before, after);

    expect(documents).toEqual(recounted(after));
    expect(documents.map(({ _id }) => _id)).toEqual(['B1', 'B1:2010', 'B1:2011']);
    expect(documents.find(({ _id }) => _id === 'B1')).toMatchObject({ from: '2012-01-01', count: 1, position: 'p2' });
  });

  it('given a stage change after the last change of count, when an interval with an older position is added later (a replay), then the years up to it take the stage change, read from the memberships', () => {
    const before = [span('2000-01-01', '2001-02-01', 'p1'), span('2001-02-01', null, 'p5')];
    const after = [...before, span('2003-04-01', null, 'p3')];

    const { documents, reads } = updated(before, after);

    expect(documents).toEqual(recounted(after));
    expect(documents.map(({ _id, position }) => [_id, position])).toEqual([
      ['B1', 'p5'],
      ['B1:2000', 'p1'],
      ['B1:2001', 'p5'],
      ['B1:2002', 'p5'],
      ['B1:2003', 'p5'],
    ]);
    expect(reads).toEqual(['needsDocuments', 'needsStarts']);
  });

  it('given a unit, when its first interval is withdrawn, then its documents start at the next change', () => {
    const before = [span('2012-03-01', '2013-01-01', 'p1'), span('2015-09-01', null, 'p2')];
    const after = [span('2015-09-01', null, 'p2')];

    expect(updated(before, after).documents).toEqual(recounted(after));
  });

  it('given a unit with one member, when they are withdrawn, then it has no document', () => {
    expect(updated([span('2012-03-01', '2014-01-01', 'p1')], []).documents).toEqual([]);
  });

  it('given a unit without documents, when members join, then its documents are those of a recount of them', () => {
    const after = [span('2012-03-01', '2014-01-01', 'p1'), span('2013-03-01', null, 'p2')];

    const { documents, reads } = updated([], after);

    expect(documents).toEqual(recounted(after));
    expect(reads).toEqual([]);
  });

  it('given stored documents a recount would not make (a year missing), when deltas come, then the unit is to be recounted', () => {
    const documents = new Map(memberCountDocuments(UNIT, [span('2010-01-01', null, 'p1'), span('2014-06-01', null, 'p2')]).map((d) => [yearOf(d.from), d]));
    documents.delete(2012);
    const stored: StoredCounts = { after: documents.get(2015), fromYear: 2010, years: new Map([...documents].filter(([year]) => year < 2015)) };

    expect(updatedCountDocuments(UNIT, stored, netDeltas([{ ...span('2013-01-01', null, 'p3'), change: 1 }])).kind).toBe('recount');
  });

  it('for any intervals and any edits of them (removed, closed, split, moved, added with older or newer positions), the deltas make what a recount makes', () => {
    const day = fc
      .record({ year: fc.integer({ min: 2000, max: 2012 }), month: fc.integer({ min: 1, max: 3 }) })
      .map(({ year, month }) => `${year}-0${month}-01`);
    const interval = fc.tuple(day, fc.option(fc.integer({ min: 0, max: 60 }), { freq: 3 })).map(([from, months]) => {
      if (months === null) return { validFrom: from, validTo: null };
      const end = yearOf(from) * 3 + Number(from.slice(5, 7)) - 1 + months + 1;
      return { validFrom: from, validTo: `${Math.floor(end / 3)}-0${(end % 3) + 1}-01` };
    });
    const edit = fc.constantFrom('keep', 'remove', 'close', 'split', 'move', 'reposition');
    const positions = fc
      .uniqueArray(fc.integer({ min: 0, max: 999 }), { minLength: 50, maxLength: 50 })
      .map((ns) => ns.map((n) => `p${String(n).padStart(3, '0')}`));
    /** A year later (a stage change), when the interval lasts that long: the two intervals meet there, and the count makes no step. */
    const splitOf = ({ validFrom, validTo }: Interval, first: string, second: string): Counted[] | undefined => {
      const at = `${yearOf(validFrom) + 1}-02-01`;
      return validTo === null || at < validTo ? [span(validFrom, at, first), span(at, validTo, second)] : undefined;
    };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(interval, fc.boolean(), edit), { maxLength: 10 }),
        fc.array(interval, { maxLength: 4 }),
        positions,
        (edited, added, names) => {
          const before: Counted[] = [];
          const after: Counted[] = added.map((interval, index) => ({ ...interval, position: names[10 + index] }));
          edited.forEach(([interval, splitBefore, change], index) => {
            const position = names[index];
            const pieces = (splitBefore ? splitOf(interval, position, names[20 + index]) : undefined) ?? [{ ...interval, position }];
            before.push(...pieces);
            const last = pieces[pieces.length - 1];
            if (change === 'keep') after.push(...pieces);
            else if (change === 'close') after.push(...pieces.slice(0, -1), { ...last, validTo: last.validTo ?? `${yearOf(last.validFrom) + 1}-03-01` });
            else if (change === 'split') after.push(...pieces.slice(0, -1), ...(splitOf(last, last.position, names[30 + index]) ?? [last]));
            else if (change === 'move') after.push({ ...pieces[0], validFrom: `${yearOf(pieces[0].validFrom) - 1}-03-01` }, ...pieces.slice(1));
            else if (change === 'reposition') after.push(...pieces.slice(0, -1), { ...last, position: names[40 + index] });
          });
          const { documents, reads } = updated(before, after);
          expect(reads).not.toContain('recount');
          expect(documents).toEqual(recounted(after));
        },
      ),
      { seed: 20261202, numRuns: 1000 },
    );
  });
});
