import { UNIT_VERSIONS, UNITS, activeOn, type UnitDocument, type UnitVersionDocument } from '../../../projections';
import type { ReadStore } from '../../../src/readstore/readStore';
import { dissolved, moved, renamed, type EventLog } from '../support/eventLog';
import { freshStore, project } from '../support/projectionHarness';
import { logWithTree } from '../support/tree';

type Span = Pick<UnitVersionDocument, 'name' | 'parentId' | 'ancestors' | 'validFrom' | 'validTo'>;

async function versionsOf(store: ReadStore, unitId: string): Promise<Span[]> {
  const versions = await store.collection<UnitVersionDocument>(UNIT_VERSIONS).find({ unitId }, { sort: { validFrom: 1 } });
  return versions.map(({ name, parentId, ancestors, validFrom, validTo }) => ({ name, parentId, ancestors, validFrom, validTo }));
}

async function recordedTimesOf(store: ReadStore, unitId: string): Promise<Pick<UnitVersionDocument, 'validFrom' | 'recordedAt' | 'endRecordedAt'>[]> {
  const versions = await store.collection<UnitVersionDocument>(UNIT_VERSIONS).find({ unitId }, { sort: { validFrom: 1 } });
  return versions.map(({ validFrom, recordedAt, endRecordedAt }) => ({ validFrom, recordedAt, endRecordedAt }));
}

/** When the tree's establishment of `unitId` was recorded. */
function establishedAt(log: EventLog, unitId: string): string {
  const found = log.events.find((event) => event.type === 'UnitEstablished' && event.data.unitId === unitId);
  if (found === undefined) throw new Error(`${unitId} was not established`);
  return found.recordedAt;
}

async function unit(store: ReadStore, unitId: string): Promise<UnitDocument | null> {
  return store.collection<UnitDocument>(UNITS).findOne({ _id: unitId });
}

describe('unit versions', () => {
  it('a committee moved under another district splits the versions of its branches and groups from that date, with the new ancestors', async () => {
    const log = logWithTree();
    const move = log.record('2015-06-01', moved('C1', 'D2', 'D1'));
    const store = await freshStore();
    await project(store, log.events);

    expect(await versionsOf(store, 'C1')).toEqual([
      { name: 'C1', parentId: 'D1', ancestors: ['D1'], validFrom: '2010-01-01', validTo: '2015-06-01' },
      { name: 'C1', parentId: 'D2', ancestors: ['D2'], validFrom: '2015-06-01', validTo: null },
    ]);
    expect(await versionsOf(store, 'B1')).toEqual([
      { name: 'B1', parentId: 'C1', ancestors: ['D1', 'C1'], validFrom: '2010-01-01', validTo: '2015-06-01' },
      { name: 'B1', parentId: 'C1', ancestors: ['D2', 'C1'], validFrom: '2015-06-01', validTo: null },
    ]);
    expect(await versionsOf(store, 'G1')).toEqual([
      { name: 'G1', parentId: 'B1', ancestors: ['D1', 'C1', 'B1'], validFrom: '2010-01-01', validTo: '2015-06-01' },
      { name: 'G1', parentId: 'B1', ancestors: ['D2', 'C1', 'B1'], validFrom: '2015-06-01', validTo: null },
    ]);
    const split = await store.collection<UnitVersionDocument>(UNIT_VERSIONS).findOne({ _id: 'G1@2015-06-01' });
    expect(split).toMatchObject({ position: move.position, recordedAt: move.recordedAt });
  });

  it('a move updates the current ancestors of the unit and everything below it', async () => {
    const log = logWithTree();
    log.record('2015-06-01', moved('C1', 'D2', 'D1'));
    const store = await freshStore();
    await project(store, log.events, 4);

    expect(await unit(store, 'C1')).toMatchObject({ parentId: 'D2', ancestors: ['D2'], status: 'ACTIVE' });
    expect(await unit(store, 'B1')).toMatchObject({ parentId: 'C1', ancestors: ['D2', 'C1'] });
    expect(await unit(store, 'G1')).toMatchObject({ parentId: 'B1', ancestors: ['D2', 'C1', 'B1'] });
    expect(await unit(store, 'B2')).toMatchObject({ ancestors: ['D2', 'C2'] });
  });

  it("a parent's rename does not split its children's versions", async () => {
    const log = logWithTree();
    log.record('2012-03-01', renamed('C1', 'Committee One', 'C1'));
    const store = await freshStore();
    await project(store, log.events);

    expect((await versionsOf(store, 'C1')).map((version) => version.name)).toEqual(['C1', 'Committee One']);
    expect(await versionsOf(store, 'B1')).toEqual([{ name: 'B1', parentId: 'C1', ancestors: ['D1', 'C1'], validFrom: '2010-01-01', validTo: null }]);
  });

  it.each([1, 100])(
    'a move recorded late, effective before an existing rename of a child, still gives correct intervals (batch size %i)',
    async (batchSize) => {
      const log = logWithTree();
      log.record('2016-01-01', renamed('B1', 'Branch One', 'B1'));
      log.record('2015-06-01', moved('C1', 'D2', 'D1'));
      const store = await freshStore();
      await project(store, log.events, batchSize);

      expect(await versionsOf(store, 'B1')).toEqual([
        { name: 'B1', parentId: 'C1', ancestors: ['D1', 'C1'], validFrom: '2010-01-01', validTo: '2015-06-01' },
        { name: 'B1', parentId: 'C1', ancestors: ['D2', 'C1'], validFrom: '2015-06-01', validTo: '2016-01-01' },
        { name: 'Branch One', parentId: 'C1', ancestors: ['D2', 'C1'], validFrom: '2016-01-01', validTo: null },
      ]);
      expect(await versionsOf(store, 'G1')).toEqual([
        { name: 'G1', parentId: 'B1', ancestors: ['D1', 'C1', 'B1'], validFrom: '2010-01-01', validTo: '2015-06-01' },
        { name: 'G1', parentId: 'B1', ancestors: ['D2', 'C1', 'B1'], validFrom: '2015-06-01', validTo: null },
      ]);
    },
  );

  it('a late move of a former parent reshapes only the span the unit spent under it', async () => {
    const log = logWithTree();
    log.record('2014-01-01', moved('B1', 'C2', 'C1'));
    log.record('2012-01-01', moved('C1', 'D2', 'D1'));
    const store = await freshStore();
    await project(store, log.events, 1);

    expect(await versionsOf(store, 'B1')).toEqual([
      { name: 'B1', parentId: 'C1', ancestors: ['D1', 'C1'], validFrom: '2010-01-01', validTo: '2012-01-01' },
      { name: 'B1', parentId: 'C1', ancestors: ['D2', 'C1'], validFrom: '2012-01-01', validTo: '2014-01-01' },
      { name: 'B1', parentId: 'C2', ancestors: ['D2', 'C2'], validFrom: '2014-01-01', validTo: null },
    ]);
  });

  it('dissolution closes the last version on the dissolution date', async () => {
    const log = logWithTree();
    log.record('2018-01-01', dissolved('G1b'));
    const store = await freshStore();
    await project(store, log.events);

    expect(await versionsOf(store, 'G1b')).toEqual([
      { name: 'G1b', parentId: 'B1', ancestors: ['D1', 'C1', 'B1'], validFrom: '2010-01-01', validTo: '2018-01-01' },
    ]);
    expect(await unit(store, 'G1b')).toMatchObject({ status: 'DISSOLVED', dissolvedOn: '2018-01-01' });
  });

  it.each([1, 100])(
    'each version has the recorded times of the facts that started and ended it, also when a late entry ends a version recorded after it (batch size %i)',
    async (batchSize) => {
      const log = logWithTree();
      const rename = log.record('2016-01-01', renamed('B1', 'Branch One', 'B1'));
      const lateMove = log.record('2015-06-01', moved('C1', 'D2', 'D1'));
      const dissolution = log.record('2019-01-01', dissolved('G1'));
      const store = await freshStore();
      await project(store, log.events, batchSize);

      expect(await recordedTimesOf(store, 'C1')).toEqual([
        { validFrom: '2010-01-01', recordedAt: establishedAt(log, 'C1'), endRecordedAt: lateMove.recordedAt },
        { validFrom: '2015-06-01', recordedAt: lateMove.recordedAt, endRecordedAt: null },
      ]);
      // B1's middle version was started by the late move and ended by the rename, recorded before it.
      expect(await recordedTimesOf(store, 'B1')).toEqual([
        { validFrom: '2010-01-01', recordedAt: establishedAt(log, 'B1'), endRecordedAt: lateMove.recordedAt },
        { validFrom: '2015-06-01', recordedAt: lateMove.recordedAt, endRecordedAt: rename.recordedAt },
        { validFrom: '2016-01-01', recordedAt: rename.recordedAt, endRecordedAt: null },
      ]);
      expect(rename.recordedAt < lateMove.recordedAt).toBe(true);
      // An ancestor's move ends a version of a group; its dissolution ends the last one.
      expect(await recordedTimesOf(store, 'G1')).toEqual([
        { validFrom: '2010-01-01', recordedAt: establishedAt(log, 'G1'), endRecordedAt: lateMove.recordedAt },
        { validFrom: '2015-06-01', recordedAt: lateMove.recordedAt, endRecordedAt: dissolution.recordedAt },
      ]);
    },
  );

  it("a parent's rename does not end a child's version: the ancestor's move that does gives its end recorded time", async () => {
    const log = logWithTree();
    log.record('2012-03-01', renamed('C1', 'Committee One', 'C1'));
    const move = log.record('2015-06-01', moved('C1', 'D2', 'D1'));
    const store = await freshStore();
    await project(store, log.events, 1);

    expect(await recordedTimesOf(store, 'B1')).toEqual([
      { validFrom: '2010-01-01', recordedAt: establishedAt(log, 'B1'), endRecordedAt: move.recordedAt },
      { validFrom: '2015-06-01', recordedAt: move.recordedAt, endRecordedAt: null },
    ]);
  });

  it('activeOn selects the subtree of a district as it stood on a date', async () => {
    const log = logWithTree();
    log.record('2015-06-01', moved('C1', 'D2', 'D1'));
    const store = await freshStore();
    await project(store, log.events);
    const subtreeOn = async (date: string): Promise<string[]> =>
      (await store.collection<UnitVersionDocument>(UNIT_VERSIONS).find({ ...activeOn(date), ancestors: 'D2' }, { sort: { unitId: 1 } })).map(
        (version) => version.unitId,
      );

    expect(await subtreeOn('2015-05-31')).toEqual(['B2', 'C2', 'G2']);
    expect(await subtreeOn('2015-06-01')).toEqual(['B1', 'B2', 'C1', 'C2', 'G1', 'G1b', 'G2']);
  });
});
