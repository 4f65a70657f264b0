import { WrongExpectedVersionError } from '../../src/eventstore/errors';
import type { StoreFixture } from './eventStore.contract';
import { expectWrongExpectedVersion, ids, newEvent, newEvents, uniqueCategory } from './eventStoreKit';

export function describeAppendContract({ store }: StoreFixture): void {
  let stream: string;
  beforeEach(() => {
    stream = `${uniqueCategory()}-1`;
  });

  describe('append: expected revision', () => {
    it('no_stream creates the stream and returns the revision and position of its last event', async () => {
      const result = await store().append(stream, newEvents(2), 'no_stream');
      const stored = await store().readStream(stream);
      expect(result).toEqual({ nextExpectedRevision: 1, position: stored[1]?.position });
    });

    it('no_stream is refused when the stream exists, naming stream, expected and actual', async () => {
      await store().append(stream, newEvents(2), 'no_stream');
      await expectWrongExpectedVersion(store().append(stream, [newEvent()], 'no_stream'), stream, 'no_stream', 1);
    });

    it('stream_exists is refused for a missing stream and accepted for an existing one', async () => {
      await expectWrongExpectedVersion(store().append(stream, [newEvent()], 'stream_exists'), stream, 'stream_exists', 'no_stream');
      await store().append(stream, [newEvent()], 'no_stream');
      await expect(store().append(stream, [newEvent()], 'stream_exists')).resolves.toMatchObject({ nextExpectedRevision: 1 });
    });

    it('any is accepted whether or not the stream exists', async () => {
      await expect(store().append(stream, [newEvent()], 'any')).resolves.toMatchObject({ nextExpectedRevision: 0 });
      await expect(store().append(stream, [newEvent()], 'any')).resolves.toMatchObject({ nextExpectedRevision: 1 });
    });

    it('a revision is accepted when it is the last event revision', async () => {
      const first = await store().append(stream, newEvents(2), 'no_stream');
      const second = await store().append(stream, [newEvent()], first.nextExpectedRevision);
      expect(second.nextExpectedRevision).toBe(2);
      expect(second.position > first.position).toBe(true);
    });

    it('a revision is refused when lower or higher than the last, or when the stream is missing', async () => {
      await expectWrongExpectedVersion(store().append(stream, [newEvent()], 0), stream, 0, 'no_stream');
      await store().append(stream, newEvents(2), 'no_stream');
      await expectWrongExpectedVersion(store().append(stream, [newEvent()], 0), stream, 0, 1);
      await expectWrongExpectedVersion(store().append(stream, [newEvent()], 2), stream, 2, 1);
      expect(await store().readStream(stream)).toHaveLength(2);
    });

    it('an empty append checks the expectation and returns the current state without writing', async () => {
      await expect(store().append(stream, [], 'no_stream')).resolves.toMatchObject({ nextExpectedRevision: -1 });
      await expectWrongExpectedVersion(store().append(stream, [], 'stream_exists'), stream, 'stream_exists', 'no_stream');
      const written = await store().append(stream, newEvents(2), 'no_stream');
      await expect(store().append(stream, [], 1)).resolves.toEqual(written);
      await expectWrongExpectedVersion(store().append(stream, [], 0), stream, 0, 1);
      expect(await store().readStream(stream)).toHaveLength(2);
    });
  });

  describe('append: idempotence', () => {
    it.each([['no_stream'], ['any']] as const)('repeating an append with %s returns the original result and writes nothing', async (expected) => {
      const events = newEvents(3);
      const original = await store().append(stream, events, expected);
      await expect(store().append(stream, events, expected)).resolves.toEqual(original);
      expect(ids(await store().readStream(stream))).toEqual(ids(events));
    });

    it('repeating an append with a revision returns the original result even after later appends', async () => {
      await store().append(stream, [newEvent()], 'no_stream');
      const events = newEvents(2);
      const original = await store().append(stream, events, 0);
      await store().append(stream, [newEvent()], original.nextExpectedRevision);
      await expect(store().append(stream, events, 0)).resolves.toEqual(original);
      const category = stream.slice(0, stream.indexOf('-'));
      expect(await store().readAll({ filter: { categories: [category] } })).toHaveLength(4);
    });

    it('an append repeating only some stored ids is refused and writes nothing', async () => {
      const [a, b] = newEvents(2);
      if (!a || !b) throw new Error('two events expected');
      await store().append(stream, [a, b], 'no_stream');
      const partialRepeat = store().append(stream, [a, newEvent()], 'no_stream');
      await expect(partialRepeat).rejects.toThrow();
      const longerRepeat = store().append(stream, [a, b, newEvent()], 'no_stream');
      await expect(longerRepeat).rejects.toThrow();
      expect(ids(await store().readStream(stream))).toEqual([a.id, b.id]);
    });
  });

  describe('append: concurrency', () => {
    it('100 concurrent appends to different streams all succeed at distinct positions', async () => {
      const category = uniqueCategory();
      const results = await Promise.all(Array.from({ length: 100 }, (_, index) => store().append(`${category}-${index}`, [newEvent()], 'no_stream')));
      expect(results.every((result) => result.nextExpectedRevision === 0)).toBe(true);
      expect(new Set(results.map((result) => result.position)).size).toBe(100);
      expect(await store().readAll({ filter: { categories: [category] } })).toHaveLength(100);
    });

    it.each([['no_stream'], [0]] as const)(
      'concurrent appends to one stream expecting %s: exactly one wins, the others get WrongExpectedVersion',
      async (expected) => {
        if (expected === 0) await store().append(stream, [newEvent()], 'no_stream');
        const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => store().append(stream, [newEvent()], expected)));
        const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(9);
        for (const loser of losers) expect(loser).toBeInstanceOf(WrongExpectedVersionError);
        expect(await store().readStream(stream)).toHaveLength(expected === 0 ? 2 : 1);
      },
    );
  });
}
