import { EVENT_INDEX, OFFICER_TERMS, type EventIndexDocument, type OfficerTermDocument } from '../../../projections';
import type { ElectionHeld, LeadershipEvent } from '../../../src/domain/leadership/leadership.events';
import type { ReadStore } from '../../../src/readstore/readStore';
import { registered } from '../support/eventLog';
import { freshStore, project } from '../support/projectionHarness';
import { logWithTree } from '../support/tree';

const election = (electionId: string, heldOn: string, officers: ElectionHeld['data']['officers'], previousElectionId: string | null): ElectionHeld => ({
  type: 'ElectionHeld',
  data: {
    electionId,
    unitId: 'B1',
    unitLevel: 'BRANCH',
    heldOn,
    termYears: 3,
    termEndsOn: `${Number(heldOn.slice(0, 4)) + 3}${heldOn.slice(4)}`,
    officers,
    votes: null,
    previousElectionId,
  },
});
const first = election(
  'e1',
  '2018-03-15',
  [
    { memberId: 'm1', role: 'SECRETARY', votes: 20 },
    { memberId: 'm2', role: 'DEPUTY_SECRETARY', votes: 18 },
    { memberId: 'm3', role: 'COMMITTEE_MEMBER', votes: null },
  ],
  null,
);
const resigned: LeadershipEvent = {
  type: 'OfficerResigned',
  data: { unitId: 'B1', electionId: 'e1', memberId: 'm2', role: 'DEPUTY_SECRETARY', reason: '工作调动' },
};
const second = election(
  'e2',
  '2021-03-20',
  [
    { memberId: 'm3', role: 'SECRETARY', votes: null },
    { memberId: 'm1', role: 'COMMITTEE_MEMBER', votes: null },
  ],
  'e1',
);
const removed: LeadershipEvent = {
  type: 'OfficerRemoved',
  data: { unitId: 'B1', electionId: 'e2', memberId: 'm1', role: 'COMMITTEE_MEMBER', reason: '受到党纪处分' },
};

async function terms(
  store: ReadStore,
): Promise<Pick<OfficerTermDocument, '_id' | 'role' | 'validFrom' | 'validTo' | 'endReason' | 'endNote' | 'termEndsOn'>[]> {
  const found = await store.collection<OfficerTermDocument>(OFFICER_TERMS).find({}, { sort: { _id: 1 } });
  return found.map(({ _id, role, validFrom, validTo, endReason, endNote, termEndsOn }) => ({ _id, role, validFrom, validTo, endReason, endNote, termEndsOn }));
}

async function recordedTimes(store: ReadStore): Promise<Pick<OfficerTermDocument, '_id' | 'recordedAt' | 'endRecordedAt'>[]> {
  const found = await store.collection<OfficerTermDocument>(OFFICER_TERMS).find({}, { sort: { _id: 1 } });
  return found.map(({ _id, recordedAt, endRecordedAt }) => ({ _id, recordedAt, endRecordedAt }));
}

describe('officerTerms', () => {
  it('one interval per officer and election: ended by resignation, removal or the next election; the same whatever the batch size', async () => {
    const log = logWithTree();
    for (const member of ['m1', 'm2', 'm3']) log.record('2016-01-01', registered(member, 'B1', 'G1', 'FULL'));
    const firstHeld = log.record('2018-03-15', first);
    const resignation = log.record('2019-06-01', resigned);
    const secondHeld = log.record('2021-03-20', second);
    const removal = log.record('2022-01-10', removed);
    for (const batchSize of [1, 2, 3, log.events.length]) {
      const store = await freshStore();
      await project(store, log.events, batchSize);
      await project(store, log.events);
      expect(await terms(store)).toEqual([
        { _id: 'e1:m1', role: 'SECRETARY', validFrom: '2018-03-15', validTo: '2021-03-20', endReason: 'SUPERSEDED', endNote: null, termEndsOn: '2021-03-15' },
        {
          _id: 'e1:m2',
          role: 'DEPUTY_SECRETARY',
          validFrom: '2018-03-15',
          validTo: '2019-06-01',
          endReason: 'RESIGNED',
          endNote: '工作调动',
          termEndsOn: '2021-03-15',
        },
        {
          _id: 'e1:m3',
          role: 'COMMITTEE_MEMBER',
          validFrom: '2018-03-15',
          validTo: '2021-03-20',
          endReason: 'SUPERSEDED',
          endNote: null,
          termEndsOn: '2021-03-15',
        },
        {
          _id: 'e2:m1',
          role: 'COMMITTEE_MEMBER',
          validFrom: '2021-03-20',
          validTo: '2022-01-10',
          endReason: 'REMOVED',
          endNote: '受到党纪处分',
          termEndsOn: '2024-03-20',
        },
        { _id: 'e2:m3', role: 'SECRETARY', validFrom: '2021-03-20', validTo: null, endReason: null, endNote: null, termEndsOn: '2024-03-20' },
      ]);
      const removedTerm = await store.collection<OfficerTermDocument>(OFFICER_TERMS).findOne({ _id: 'e2:m1' });
      expect(removedTerm).toMatchObject({ position: removal.position, version: 3, unitId: 'B1', memberId: 'm1' });
      // Each term: when the election that started it was recorded, and when the fact that ended it was.
      expect(await recordedTimes(store)).toEqual([
        { _id: 'e1:m1', recordedAt: firstHeld.recordedAt, endRecordedAt: secondHeld.recordedAt },
        { _id: 'e1:m2', recordedAt: firstHeld.recordedAt, endRecordedAt: resignation.recordedAt },
        { _id: 'e1:m3', recordedAt: firstHeld.recordedAt, endRecordedAt: secondHeld.recordedAt },
        { _id: 'e2:m1', recordedAt: secondHeld.recordedAt, endRecordedAt: removal.recordedAt },
        { _id: 'e2:m3', recordedAt: secondHeld.recordedAt, endRecordedAt: null },
      ]);
    }
  });

  it('indexes an election under its unit (with ancestors) and every officer it names', async () => {
    const log = logWithTree();
    const held = log.record('2018-03-15', first);
    const resignation = log.record('2019-06-01', resigned);
    const store = await freshStore();
    await project(store, log.events);
    const index = store.collection<EventIndexDocument>(EVENT_INDEX);
    const entry = await index.findOne({ _id: held.position });
    expect(entry).toMatchObject({ category: 'leadership', stream: 'leadership-B1', memberIds: ['m1', 'm2', 'm3'], subjectUnitIds: ['B1'] });
    expect(entry!.unitIds).toEqual(expect.arrayContaining(['B1', 'C1', 'D1']));
    expect(await index.findOne({ _id: resignation.position })).toMatchObject({ memberIds: ['m2'], subjectUnitIds: ['B1'] });
  });
});
