import { fixedClock } from '../../../src/app/clock';
import { WriteOutcomeUnknown } from '../../../src/app/commands/appendSurely';
import { IdempotencyKeys, type RememberedResult } from '../../../src/app/commands/idempotency';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';

const clock = fixedClock('2026-06-15T09:30:00Z', 'Asia/Shanghai');
const input = { mutation: 'registerMember', input: { name: '张三' } };
const result = (subjectId: string): RememberedResult => ({ eventIds: [`e-${subjectId}`], position: '1', version: 0, subjectId });

/** A duplicate of key `k` is told IN_PROGRESS and does not run: the key is still reserved. */
async function expectStillReserved(keys: IdempotencyKeys): Promise<void> {
  let ranAgain = false;
  const duplicate = keys.run('k', input, async () => {
    ranAgain = true;
    return result('m2');
  });
  await expect(duplicate).rejects.toMatchObject({ code: 'IDEMPOTENCY.IN_PROGRESS' });
  expect(ranAgain).toBe(false);
}

describe('idempotency keys: a duplicate of a call in flight', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = SqliteEventStore.open({ path: ':memory:', pollIntervalMs: 50 });
  });
  afterEach(() => store.close());

  it('waits for the first call and answers with its result, on another instance of the keys too', async () => {
    const here = new IdempotencyKeys(store, clock);
    const elsewhere = new IdempotencyKeys(store, clock, { pollMs: 5 });
    let release!: () => void;
    const first = here.run('k', input, () => new Promise<RememberedResult>((resolve) => (release = () => resolve(result('m1')))));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const duplicates = [here.run('k', input, async () => result('m2')), elsewhere.run('k', input, async () => result('m3'))];
    await new Promise((resolve) => setTimeout(resolve, 30));
    release();
    expect(await Promise.all([first, ...duplicates])).toEqual([result('m1'), result('m1'), result('m1')]);
  });

  it('runs itself when the first call was refused, and says IN_PROGRESS only past its wait', async () => {
    const keys = new IdempotencyKeys(store, clock, { waitMs: 100, pollMs: 5 });
    let refuse!: () => void;
    const first = keys.run('k', input, () => new Promise<RememberedResult>((_, reject) => (refuse = () => reject(new Error('refused')))));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const duplicate = keys.run('k', input, async () => result('m2'));
    refuse();
    await expect(first).rejects.toThrow('refused');
    expect(await duplicate).toEqual(result('m2'));

    const stuck = keys.run('stuck', input, () => new Promise<RememberedResult>(() => undefined));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(keys.run('stuck', input, async () => result('m3'))).rejects.toMatchObject({ code: 'IDEMPOTENCY.IN_PROGRESS' });
    void stuck;
  });

  it('a reservation whose process died before it wrote is released by a later duplicate, which then runs', async () => {
    const dead = new IdempotencyKeys(store, clock);
    void dead.run('k', input, () => new Promise<RememberedResult>(() => undefined)); // killed mid-command: never answers
    await new Promise((resolve) => setTimeout(resolve, 20));
    const later = new IdempotencyKeys(store, clock, { staleMs: 50, pollMs: 5 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await later.run('k', input, async () => result('m2'))).toEqual(result('m2'));
  });

  it('a reservation whose process died after it wrote is answered with what was recorded, never run again', async () => {
    const dead = new IdempotencyKeys(store, clock);
    void dead.run('k', input, async (beforeAppend) => {
      await beforeAppend({ stream: 'member-m1', eventIds: ['e-m1'] });
      await store.append(
        'member-m1',
        [{ id: 'e-m1', type: 'MemberRegistered', data: {}, metadata: { effectiveDate: '2026-06-15', recordedAt: '2026-06-15T09:30:00Z', schemaVersion: 1 } }],
        'no_stream',
      );
      return new Promise<RememberedResult>(() => undefined); // killed before it answered
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const later = new IdempotencyKeys(store, clock, { staleMs: 50, pollMs: 5 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    let ranAgain = false;
    const answer = later.run('k', input, async () => {
      ranAgain = true;
      return result('m2');
    });
    await expect(answer).rejects.toMatchObject({ code: 'IDEMPOTENCY.ANSWER_LOST', message: expect.stringContaining('e-m1') });
    expect(ranAgain).toBe(false);
  });

  it('a write whose outcome stayed unknown keeps the key reserved: a duplicate does not run until the key is resolved', async () => {
    const keys = new IdempotencyKeys(store, clock, { waitMs: 50, pollMs: 5 });
    await expect(keys.run('k', input, async () => Promise.reject(new WriteOutcomeUnknown('member-m1')))).rejects.toBeInstanceOf(WriteOutcomeUnknown);
    await expectStillReserved(keys);
  });

  it('a result that could not be recorded leaves the key reserved, never released: the recorded command is not run again', async () => {
    const failCompletion = new Proxy(store, {
      get(target, property, receiver) {
        if (property !== 'append') return Reflect.get(target, property, receiver);
        const append: typeof store.append = async (stream, events, expected) => {
          if (events[0]?.type === 'IdempotencyKeyCompleted') throw new Error('connection lost');
          return target.append(stream, events, expected);
        };
        return append;
      },
    });
    const keys = new IdempotencyKeys(failCompletion, clock, { waitMs: 50, pollMs: 5 });
    expect(await keys.run('k', input, async () => result('m1'))).toEqual(result('m1'));
    const types = (await store.readAll()).map((event) => event.type);
    expect(types).toEqual(['IdempotencyKeyReserved']);
    await expectStillReserved(keys);
  });
});
