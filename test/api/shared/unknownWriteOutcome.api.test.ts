import { EventCountDocument, RegisterMemberDocument } from '../generated/graphql';
import { AppendOutcomeUnknownError } from '../../../src/eventstore/errors';
import type { EventStore } from '../../../src/eventstore/eventStore';
import { buildTree, type Tree } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/testServer';

type Fault = 'after-write' | 'before-write';

/** A fault hook on the log: the next appends to a member stream fail with an unknown outcome, after writing or before. */
function faultyAppends(faults: Fault[]): (store: EventStore) => EventStore {
  return (store) =>
    new Proxy(store, {
      get(target, property, receiver) {
        if (property !== 'append') return Reflect.get(target, property, receiver);
        const append: EventStore['append'] = async (stream, events, expected) => {
          const fault = stream.startsWith('member-') ? faults.shift() : undefined;
          if (fault === 'before-write') throw new AppendOutcomeUnknownError(stream, new Error('deadline exceeded'));
          const result = await target.append(stream, events, expected);
          if (fault === 'after-write') throw new AppendOutcomeUnknownError(stream, new Error('connection dropped after the write'));
          return result;
        };
        return append;
      },
    });
}

describe('a write whose outcome is unknown is appended again with the same event ids: recorded exactly once', () => {
  const faults: Fault[] = [];
  let server: TestServer;
  let tree: Tree;
  beforeAll(async () => {
    server = await startTestServer({ wrapEventStore: faultyAppends(faults) });
    tree = await buildTree(server);
  });
  afterAll(() => server.close());

  const registered = async () => (await server.ok(EventCountDocument, { filter: { types: ['MemberRegistered'] } })).events.totalCount;
  const registerWith = (name: string, idempotencyKey?: string) =>
    server.request(RegisterMemberDocument, {
      input: { name, branchId: tree.branchA1, status: 'FULL', joinedOn: '2001-07-01', effectiveDate: '2016-01-01', idempotencyKey },
    });

  it.each<[string, Fault[]]>([
    ['written, then the connection dropped', ['after-write']],
    ['not written, then written on the retry', ['before-write']],
    ['unknown twice, written the first time', ['after-write', 'before-write']],
  ])('%s: one event, and the answer names it', async (_case, injected) => {
    faults.push(...injected);
    const before = await registered();
    const result = await registerWith(`未知${injected.join()}`);
    expect(result.errors).toBeUndefined();
    expect(faults).toEqual([]);
    expect(await registered()).toBe(before + 1);
    expect(result.data!.registerMember.eventIds).toHaveLength(1);
  });

  it('an outcome unknown on every retry is told as such, and the event is in the log once', async () => {
    faults.push('after-write', 'after-write', 'after-write', 'after-write', 'after-write');
    const before = await registered();
    const first = await registerWith('一直未知', 'unknown-outcome-key');
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'WRITE.OUTCOME_UNKNOWN' });
    expect(first.errors?.[0]?.message).toContain('same idempotencyKey');
    expect(await registered()).toBe(before + 1);
  });
});
