import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type OrgtrackApp } from '../../../src/app/orgtrackApp';
import { loadConfig } from '../../../src/app/config';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';
import type { ReadStore } from '../../../src/readstore/readStore';
import { fixedClock } from '../support/testServer';

const by = { actor: 'restart-test' };

/** The same store, but `close()` leaves it as it is, as a MongoDB read store outlives a process. */
function durable(inner: ReadStore): ReadStore {
  return {
    collection: (name) => inner.collection(name),
    listCollections: () => inner.listCollections(),
    createScratch: () => inner.createScratch(),
    adopt: (scratch) => inner.adopt(scratch),
    close: async () => undefined,
  };
}

describe('retractions and a restart of the projector', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgtrack-retract-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const open = (readStore: ReadStore): Promise<OrgtrackApp> =>
    createApp(loadConfig({}), { clock: fixedClock, eventStore: SqliteEventStore.open({ path: path.join(dir, 'events.sqlite') }), readStore });

  async function transferredMember(app: OrgtrackApp): Promise<{ memberId: string; branchA: string; branchB: string; acceptId: string }> {
    const district = (await app.units.establish({ level: 'DISTRICT', name: '区', parentId: null }, { ...by, effectiveDate: '2020-01-01' })).subjectId;
    const committee = (await app.units.establish({ level: 'COMMITTEE', name: '委', parentId: district }, { ...by, effectiveDate: '2020-01-01' })).subjectId;
    const branchA = (await app.units.establish({ level: 'BRANCH', name: '甲', parentId: committee }, { ...by, effectiveDate: '2020-01-01' })).subjectId;
    const branchB = (await app.units.establish({ level: 'BRANCH', name: '乙', parentId: committee }, { ...by, effectiveDate: '2020-01-01' })).subjectId;
    const memberId = (
      await app.members.register({ name: '李', branchId: branchA, status: 'FULL', joinedOn: '2001-07-01' }, { ...by, effectiveDate: '2020-02-01' })
    ).subjectId;
    const transfer = await app.members.requestTransfer({ memberId, toBranchId: branchB }, { ...by, effectiveDate: '2021-01-01' });
    const accepted = await app.members.acceptTransfer({ transferId: transfer.transferId! }, { ...by, effectiveDate: '2021-01-05' });
    return { memberId, branchA, branchB, acceptId: accepted.eventIds[0] };
  }

  const branchOn = async (app: OrgtrackApp, memberId: string, date: string): Promise<string | undefined> =>
    (await app.memberQueries.onDate([memberId], date)).get(memberId)?.membership?.branchId;

  it('a fresh read store skips the retracted event from the start; a stored one behind the retraction is corrected in place', async () => {
    const stored = new EmbeddedReadStore();
    const first = await open(durable(stored));
    const { memberId, branchA, branchB, acceptId } = await transferredMember(first);
    expect(await branchOn(first, memberId, '2022-01-01')).toBe(branchB);
    await first.close();

    // Another process retracts while the stored read models stand still.
    const other = await open(new EmbeddedReadStore());
    await other.retractions.retract({ eventId: acceptId, reason: 'Wrong branch' }, by);
    expect(await branchOn(other, memberId, '2022-01-01')).toBe(branchA);
    expect(other.projector.correctionCount).toBe(1);
    expect(other.projector.rebuildCount).toBe(0);
    await other.close();

    const fresh = await open(new EmbeddedReadStore());
    await fresh.projector.catchUp();
    expect(await branchOn(fresh, memberId, '2022-01-01')).toBe(branchA);
    expect(fresh.projector.rebuildCount).toBe(0);
    expect(fresh.projector.correctionCount).toBe(0);
    await fresh.close();

    const resumed = await open(durable(stored));
    await resumed.projector.catchUp();
    expect(await branchOn(resumed, memberId, '2022-01-01')).toBe(branchA);
    expect(resumed.projector.correctionCount).toBe(1);
    expect(resumed.projector.rebuildCount).toBe(0);
    // `orgtrack rebuild`: the same answers from read models built afresh beside the old ones.
    await resumed.projector.rebuildAll();
    expect(await branchOn(resumed, memberId, '2022-01-01')).toBe(branchA);
    expect(await branchOn(resumed, memberId, '2020-06-01')).toBe(branchA);
    expect(resumed.projector.rebuildCount).toBe(1);
    await resumed.close();
  });
});
