import { EVENT_INDEX, PAIRINGS, type EventIndexDocument, type PairingDocument } from '../../../projections';
import type { OrgEvent } from '../../../src/domain/events';
import type { Counterpart } from '../../../src/domain/pairings/counterpartKey';
import { registered } from '../support/eventLog';
import { freshStore, project } from '../support/projectionHarness';
import { logWithTree } from '../support/tree';

const village: Counterpart = { kind: 'VILLAGE', id: null, name: ' 张家村' };
const assigned = (pairingId: string, partyId: string, counterpart: Counterpart = village): OrgEvent => ({
  type: 'PairingAssigned',
  data: { pairingId, kind: counterpart.kind === 'MEMBER' ? 'MENTOR' : 'LEGAL_ADVISER', partyKind: 'MEMBER', partyId, counterpart },
});
const ended = (pairingId: string, partyId: string, reason: string | null): OrgEvent => ({
  type: 'PairingEnded',
  data: { pairingId, kind: 'LEGAL_ADVISER', partyKind: 'MEMBER', partyId, counterpart: village, reason },
});

describe('pairings', () => {
  it('a pairing is an interval from its start to its end, keyed by party and normalized counterpart; a replay changes nothing', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1'));
    const assignment = log.record('2020-03-01', assigned('p1', 'm1'));
    const end = log.record('2022-03-01', ended('p1', 'm1', '合同期满'));
    const store = await freshStore();
    await project(store, log.events, 2);
    await project(store, log.events);

    expect(await store.collection<PairingDocument>(PAIRINGS).findOne({ _id: 'p1' })).toEqual({
      _id: 'p1',
      kind: 'LEGAL_ADVISER',
      partyKind: 'MEMBER',
      partyId: 'm1',
      counterpartKind: 'VILLAGE',
      counterpartId: null,
      counterpartName: ' 张家村',
      counterpartKey: 'VILLAGE:张家村',
      counterpartNameKey: '张家村',
      validFrom: '2020-03-01',
      validTo: '2022-03-01',
      endReason: '合同期满',
      recordedAt: assignment.recordedAt,
      endRecordedAt: end.recordedAt,
      position: end.position,
      version: 1,
    });
  });

  it('an open pairing has the recorded time of its assignment and no end recorded time', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1'));
    const assignment = log.record('2020-03-01', assigned('p1', 'm1'));
    const store = await freshStore();
    await project(store, log.events);

    expect(await store.collection<PairingDocument>(PAIRINGS).findOne({ _id: 'p1' })).toMatchObject({
      validFrom: '2020-03-01',
      validTo: null,
      recordedAt: assignment.recordedAt,
      endRecordedAt: null,
    });
  });

  it('a pairing event is about its party, an internal counterpart, and the branch each of them belonged to', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1', 'G1'));
    log.record('2020-01-01', registered('m2', 'B2'));
    const mentoring = log.record('2020-03-01', assigned('p2', 'm1', { kind: 'MEMBER', id: 'm2', name: null }));
    const store = await freshStore();
    await project(store, log.events);

    const entry = await store.collection<EventIndexDocument>(EVENT_INDEX).findOne({ _id: mentoring.position });
    expect(entry).toMatchObject({ category: 'pairing', memberIds: ['m1', 'm2'] });
    expect([...(entry?.unitIds ?? [])].sort()).toEqual(['B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'G1']);
  });
});
