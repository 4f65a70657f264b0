import { fixedClock } from '../../../src/app/clock';
import { IdempotencyKeys, type RememberedResult } from '../../../src/app/commands/idempotency';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';

const clock = fixedClock('2026-06-15T09:30:00Z', 'Asia/Shanghai');
const input = { mutation: 'registerMember', input: { name: '张三' } };
const result = (subjectId: string): RememberedResult => ({ eventIds: [`e-${subjectId}`], position: '1', version: 0, subjectId });

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
});
