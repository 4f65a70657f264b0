import type { EventData } from '../../src/eventstore/eventStore';
import type { StoreFixture } from './eventStore.contract';
import { ids, newEvent, newEvents, uniqueCategory } from './eventStoreKit';

export function describeReadContract({ store }: StoreFixture): void {
  describe('readStream', () => {
    const stream = (): string => `${uniqueCategory()}-1`;

    it('returns what was appended, with revision, position and commit time', async () => {
      const name = stream();
      const event = newEvent('MemberJoined', { memberId: 'm-1', dues: { amount: 1250, currency: 'CNY' } });
      const before = Date.now();
      const result = await store().append(name, [event], 'no_stream');
      const [recorded] = await store().readStream(name);
      expect(recorded).toEqual({
        ...event,
        stream: name,
        revision: 0,
        position: result.position,
        created: expect.any(String),
      });
      expect(Date.parse(recorded?.created ?? '')).toBeGreaterThanOrEqual(before - 5000);
    });

    it('reads forwards, backwards, from a revision (inclusive) and up to maxCount', async () => {
      const name = stream();
      const events = newEvents(5);
      await store().append(name, events, 'no_stream');
      const all = ids(events);
      expect(ids(await store().readStream(name))).toEqual(all);
      expect(ids(await store().readStream(name, { direction: 'backwards' }))).toEqual([...all].reverse());
      expect(ids(await store().readStream(name, { fromRevision: 2 }))).toEqual(all.slice(2));
      expect(ids(await store().readStream(name, { fromRevision: 1, maxCount: 2 }))).toEqual(all.slice(1, 3));
      expect(ids(await store().readStream(name, { direction: 'backwards', fromRevision: 2, maxCount: 2 }))).toEqual([all[2], all[1]]);
      expect((await store().readStream(name)).map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
    });

    it('returns an empty array for a missing stream', async () => {
      expect(await store().readStream(stream())).toEqual([]);
    });
  });

  describe('readAll', () => {
    let category: string;
    let appended: EventData[];
    let start: string | undefined;
    let renamedType: string;

    /** Interleaves appends to three streams of one fresh category. */
    async function appendInterleaved(): Promise<void> {
      category = uniqueCategory();
      renamedType = `Renamed${category}`;
      appended = [];
      start = await store().headPosition();
      for (let round = 0; round < 3; round += 1) {
        for (const stream of ['a', 'b', 'c']) {
          const event = newEvent(stream === 'b' ? renamedType : 'Happened', { round });
          await store().append(`${category}-${stream}`, [event], round === 0 ? 'no_stream' : round - 1);
          appended.push(event);
        }
      }
    }

    it('$all has one total order, with positions that compare as strings', async () => {
      await appendInterleaved();
      const read = await store().readAll({ after: start, filter: { categories: [category] } });
      expect(ids(read)).toEqual(ids(appended));
      const positions = read.map((event) => event.position);
      expect([...positions].sort()).toEqual(positions);
      expect(new Set(positions).size).toBe(positions.length);
      const head = await store().headPosition();
      expect(head !== undefined && head >= (positions[positions.length - 1] ?? '')).toBe(true);
    });

    it('after is exclusive, forwards and backwards; maxCount bounds the result', async () => {
      await appendInterleaved();
      const filter = { categories: [category] };
      const read = await store().readAll({ after: start, filter });
      const third = read[2]?.position;
      expect(ids(await store().readAll({ after: third, filter }))).toEqual(ids(read.slice(3)));
      expect(ids(await store().readAll({ after: third, filter, maxCount: 2 }))).toEqual(ids(read.slice(3, 5)));
      expect(ids(await store().readAll({ direction: 'backwards', after: third, filter }))).toEqual(ids(read.slice(0, 2)).reverse());
      expect(ids(await store().readAll({ direction: 'backwards', filter, maxCount: 2 }))).toEqual(ids(read.slice(-2)).reverse());
    });

    it('filters by category and by type; all given criteria must hold', async () => {
      await appendInterleaved();
      const other = uniqueCategory();
      await store().append(`${other}-x`, [newEvent(renamedType)], 'no_stream');
      const renamed = appended.filter((event) => event.type === renamedType);
      expect(ids(await store().readAll({ after: start, filter: { categories: [category], types: [renamedType] } }))).toEqual(ids(renamed));
      const byType = await store().readAll({ after: start, filter: { types: [renamedType] } });
      expect(byType.map((event) => event.stream)).toEqual([...renamed.map(() => `${category}-b`), `${other}-x`]);
      const both = await store().readAll({ after: start, filter: { categories: [category, other] } });
      expect(both).toHaveLength(appended.length + 1);
    });
  });

  describe('readRecordedTimes (where the store offers it)', () => {
    it("gives each event's position, stream and recorded time in $all order, as readAll does", async () => {
      const readRecordedTimes = store().readRecordedTimes?.bind(store());
      if (readRecordedTimes === undefined) return;
      const start = await store().headPosition();
      const name = `${uniqueCategory()}-1`;
      const events = newEvents(3).map((event, at) => ({ ...event, metadata: { ...event.metadata, recordedAt: `2024-03-0${at + 1}T10:00:00.000Z` } }));
      await store().append(name, events, 'no_stream');
      const read = await store().readAll({ after: start });
      const times = await readRecordedTimes({ after: start, maxCount: 100 });
      expect(times).toEqual(read.map((event) => ({ position: event.position, stream: event.stream, recordedAt: event.metadata.recordedAt })));
      expect(times.filter((time) => time.stream === name).map((time) => time.recordedAt)).toEqual([
        '2024-03-01T10:00:00.000Z',
        '2024-03-02T10:00:00.000Z',
        '2024-03-03T10:00:00.000Z',
      ]);
      expect(await readRecordedTimes({ after: times[0]?.position, maxCount: 1 })).toEqual(times.slice(1, 2));
    });
  });

  describe('headPosition', () => {
    it('is the position of the last event appended, and moves forward with every append', async () => {
      const before = await store().headPosition();
      const first = await store().append(`${uniqueCategory()}-1`, newEvents(3), 'no_stream');
      expect(await store().headPosition()).toBe(first.position);
      expect(before === undefined || before < first.position).toBe(true);
      const second = await store().append(`${uniqueCategory()}-1`, [newEvent()], 'no_stream');
      expect(await store().headPosition()).toBe(second.position);
      expect(first.position < second.position).toBe(true);
    });

    it('is where readAll backwards starts: the newest event of the log', async () => {
      await store().append(`${uniqueCategory()}-1`, newEvents(2), 'no_stream');
      const [newest] = await store().readAll({ direction: 'backwards', maxCount: 1 });
      expect(await store().headPosition()).toBe(newest?.position);
    });

    it('does not move when an append is repeated (idempotent)', async () => {
      const name = `${uniqueCategory()}-1`;
      const events = newEvents(2);
      const result = await store().append(name, events, 'no_stream');
      await store().append(name, events, 'no_stream');
      expect(await store().headPosition()).toBe(result.position);
    });
  });
}
