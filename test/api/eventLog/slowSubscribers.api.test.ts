import type { SubscriberCounts } from '../../../src/app/subscriptions/subscriptionHub';
import { encodePosition } from '../../../src/eventstore/position';
import { EventsDocument, type EventsQuery } from '../generated/graphql';
import { buildTree, type Tree } from '../support/fixtures';
import { appendManyRegistrations } from '../support/manyEvents';
import { RawSubscription, type ServerMessage } from '../support/rawSubscription';
import { collect, startTestServer, type TestServer } from '../support/testServer';

const ORG_EVENTS = 'subscription ($after: String) { orgEvents(after: $after) { position data } }';
const START = encodePosition(0n);
/** Events of about 12 kB each (the name in their data): a few hundred fill a socket's buffers. */
const NAME_LENGTH = 4000;
/** About 12 MB of events: well more than the kernel buffers of a loopback socket hold for a reader that stopped (4 MB here). */
const BIG_LOG = 1000;

type OrgEvent = { orgEvents: { position: string } };
type ErrorPayload = { message: string; extensions?: Record<string, unknown> }[];

const opened: RawSubscription[] = [];
async function openRaw(server: TestServer, variables: Record<string, unknown> = {}): Promise<RawSubscription> {
  const subscription = await RawSubscription.open(server, ORG_EVENTS, variables);
  opened.push(subscription);
  return subscription;
}
// A socket left paused by a failed test would hold the server's shutdown.
afterEach(() => opened.splice(0).forEach((subscription) => subscription.terminate()));

describe('a subscriber that does not read is cut off with SLOW_SUBSCRIBER instead of being buffered without bound', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    // One replay slot and no waiting: a slot a cut-off replay kept would refuse the next replay.
    server = await startTestServer({
      env: { ORGTRACK_SUBSCRIBER_BUFFER: '20', ORGTRACK_REPLAY_STALL_MS: '300', ORGTRACK_MAX_REPLAYS: '1', ORGTRACK_MAX_WAITING_REPLAYS_PER_CALLER: '0' },
    });
    tree = await buildTree(server);
    await appendManyRegistrations(server, tree.branchA1, BIG_LOG, NAME_LENGTH);
  });
  afterAll(() => server.close());

  it('live: once more than ORGTRACK_SUBSCRIBER_BUFFER events wait untaken, the subscription ends, saying where to resume', async () => {
    const start = (await server.app.eventStore.headPosition())!;
    const stuck = await openRaw(server);
    await eventually(server, (counts) => counts.live === 1, 'the subscription to be live');
    stuck.pause();
    for (let round = 0; round < 100 && server.app.hub.counts.live > 0; round++) await appendManyRegistrations(server, tree.branchA1, 20, NAME_LENGTH);
    expect(server.app.hub.counts.live).toBe(0);

    stuck.resume();
    const resumeAfter = slowSubscriberResume(await stuck.next((message) => message.type === 'error'));
    const received = stuck.positions();
    expect(received[received.length - 1]).toBe(resumeAfter);
    const written = await positionsAfter(server, start);
    expect(received).toEqual(written.slice(0, received.length));

    // Resuming where it was told misses nothing.
    const rest = written.slice(received.length);
    const resumed = await collect<OrgEvent>(server.wsClient(), ORG_EVENTS, { after: resumeAfter }, rest.length, 30_000);
    expect(resumed.map((result) => result.data!.orgEvents.position)).toEqual(rest);
    await stuck.close();
  }, 60_000);

  it('replaying: one that takes nothing for ORGTRACK_REPLAY_STALL_MS is cut off, saying where to resume, and frees its replay slot', async () => {
    const stuck = await openRaw(server, { after: START });
    stuck.pause();
    await eventually(server, (counts) => counts.replaying === 1, 'the replay to start');
    await eventually(server, (counts) => counts.replaying === 0, 'the stalled replay to be cut off');

    stuck.resume();
    const resumeAfter = slowSubscriberResume(await stuck.next((message) => message.type === 'error'));
    const log = await positionsAfter(server, START);
    const received = stuck.positions();
    expect(received).toEqual(log.slice(0, received.length));
    expect(received[received.length - 1]).toBe(resumeAfter);
    expect(received.length).toBeLessThan(log.length);
    await stuck.close();

    const replayed = await collect<OrgEvent>(server.wsClient(), ORG_EVENTS, { after: START }, log.length, 30_000);
    expect(replayed.map((result) => result.data!.orgEvents.position)).toEqual(log);
  }, 60_000);
});

describe('replays beyond the caps', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ env: { ORGTRACK_MAX_REPLAYS: '1', ORGTRACK_MAX_WAITING_REPLAYS_PER_CALLER: '0' } });
    const tree = await buildTree(server);
    await appendManyRegistrations(server, tree.branchA1, BIG_LOG, NAME_LENGTH);
  });
  afterAll(() => server.close());

  it('are refused with TOO_MANY_REPLAYS once none may wait, and run again once the slot is freed', async () => {
    const holding = await openRaw(server, { after: START });
    holding.pause();
    await eventually(server, (counts) => counts.replaying === 1, 'the first replay to hold the only slot');

    const refused = await collect<OrgEvent>(server.wsClient(), ORG_EVENTS, { after: START }, 1).catch((error: unknown) => error);
    expect(JSON.stringify(refused)).toContain('"code":"TOO_MANY_REPLAYS"');

    await holding.close();
    await eventually(server, (counts) => counts.replaying === 0, 'the slot to be freed');
    const log = await positionsAfter(server, START);
    const replayed = await collect<OrgEvent>(server.wsClient(), ORG_EVENTS, { after: START }, log.length, 30_000);
    expect(replayed.map((result) => result.data!.orgEvents.position)).toEqual(log);
  }, 60_000);
});

/** The `resumeAfter` of a SLOW_SUBSCRIBER error message, after checking it is one. */
function slowSubscriberResume(message: ServerMessage): string {
  const [error] = message.payload as ErrorPayload;
  expect(error.extensions).toEqual({ code: 'SLOW_SUBSCRIBER', resumeAfter: expect.stringMatching(/^[0-9a-f]{32}$/) });
  expect(error.message).toMatch(/resubscribe with after/);
  return error.extensions!.resumeAfter as string;
}

/** Positions of the log after `after`, in order, as the API pages them. */
async function positionsAfter(server: TestServer, after: string): Promise<string[]> {
  const positions: string[] = [];
  let cursor: string | null = after;
  for (;;) {
    const { events }: EventsQuery = await server.ok(EventsDocument, { first: 500, after: cursor });
    positions.push(...events.edges.map((edge) => edge.node.position));
    if (!events.pageInfo.hasNextPage) return positions;
    cursor = events.pageInfo.endCursor ?? null;
  }
}

/** Waits until the hub's counts satisfy `condition` (polling; fails after 20 s). */
async function eventually(server: TestServer, condition: (counts: SubscriberCounts) => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 2000; attempt++) {
    if (condition(server.app.hub.counts)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(server.app.hub.counts)}`);
}
