import { AWARDS, EVENT_INDEX, type AwardDocument, type EventIndexDocument } from '../../../projections';
import type { AwardEvent } from '../../../src/domain/awards/award.events';
import type { ReadStore } from '../../../src/readstore/readStore';
import { registered } from '../support/eventLog';
import { freshStore, project } from '../support/projectionHarness';
import { logWithTree } from '../support/tree';

const grantedToMember: AwardEvent = {
  type: 'AwardGranted',
  data: { awardId: 'a1', recipientKind: 'MEMBER', recipientId: 'm1', title: 'OUTSTANDING_MEMBER', otherTitle: null, grantedById: 'C1', citation: '表现突出' },
};
const grantedToGroup: AwardEvent = {
  type: 'AwardGranted',
  data: { awardId: 'a2', recipientKind: 'UNIT', recipientId: 'G1', title: 'RED_FLAG_GROUP', otherTitle: null, grantedById: 'B1', citation: null },
};
const revokedFromMember: AwardEvent = {
  type: 'AwardRevoked',
  data: { awardId: 'a1', recipientKind: 'MEMBER', recipientId: 'm1', grantedById: 'C1', reason: '受到党纪处分' },
};

async function award(store: ReadStore, awardId: string): Promise<AwardDocument | null> {
  return store.collection<AwardDocument>(AWARDS).findOne({ _id: awardId });
}

describe('awards', () => {
  it('one document per award, from grant to revocation, the same whatever the batch size', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1', 'G1', 'FULL'));
    const grant = log.record('2021-06-28', grantedToMember);
    const groupGrant = log.record('2021-07-10', grantedToGroup);
    const revocation = log.record('2022-01-10', revokedFromMember);
    for (const batchSize of [1, 2, log.events.length]) {
      const store = await freshStore();
      await project(store, log.events, batchSize);
      // Applying everything again changes nothing.
      await project(store, log.events);
      expect(await award(store, 'a1')).toEqual({
        _id: 'a1',
        recipientKind: 'MEMBER',
        recipientId: 'm1',
        title: 'OUTSTANDING_MEMBER',
        otherTitle: null,
        grantedById: 'C1',
        citation: '表现突出',
        grantedOn: '2021-06-28',
        revokedOn: '2022-01-10',
        revokeReason: '受到党纪处分',
        recordedAt: grant.recordedAt,
        endRecordedAt: revocation.recordedAt,
        position: revocation.position,
        version: 1,
      });
      expect(await award(store, 'a2')).toMatchObject({
        recipientId: 'G1',
        grantedById: 'B1',
        grantedOn: '2021-07-10',
        revokedOn: null,
        recordedAt: groupGrant.recordedAt,
        endRecordedAt: null,
        version: 0,
      });
      expect(grant.stream).toBe('award-a1');
    }
  });

  it("indexes a member's award under the member, their branch and group that day, and the granting unit with its ancestors", async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1', 'G1', 'FULL'));
    const grant = log.record('2021-06-28', grantedToMember);
    const groupGrant = log.record('2021-07-10', grantedToGroup);
    const store = await freshStore();
    await project(store, log.events);
    const index = store.collection<EventIndexDocument>(EVENT_INDEX);
    const memberEntry = await index.findOne({ _id: grant.position });
    expect(memberEntry).toMatchObject({ category: 'award', memberIds: ['m1'] });
    expect(memberEntry!.subjectUnitIds.sort()).toEqual(['B1', 'C1', 'G1']);
    const groupEntry = await index.findOne({ _id: groupGrant.position });
    expect(groupEntry).toMatchObject({ memberIds: [] });
    expect(groupEntry!.subjectUnitIds.sort()).toEqual(['B1', 'G1']);
    expect(groupEntry!.unitIds).toEqual(expect.arrayContaining(['G1', 'B1', 'C1', 'D1']));
  });
});
