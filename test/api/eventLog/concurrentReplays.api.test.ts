import type { Client } from 'graphql-ws';
import { DEFAULT_SUBSCRIPTION_LIMITS } from '../../../src/app/subscriptions/subscriptionLimits';
import type { SubscriberCounts } from '../../../src/app/subscriptions/subscriptionHub';
import { encodePosition } from '../../../src/eventstore/position';
import { EventsDocument, type EventsQuery } from '../generated/graphql';
import { buildTree } from '../support/fixtures';
import { appendManyRegistrations } from '../support/manyEvents';
import { startTestServer, type TestServer } from '../support/testServer';

const ORG_EVENTS = 'subscription ($after: String) { orgEvents(after: $after) { position } }';
/** Before the first event: `after` this replays the whole log. */
const START = encodePosition(0n);
const REPLAYS = 20;
const REGISTRATIONS = 2000;

type OrgEvent = { orgEvents: { position: string } };

/** What each /health answer saw: how far the replays had come, and what the hub was serving. */
interface HealthAnswer {
  delivered: number;
  counts: SubscriberCounts;
}

describe('orgEvents replays share the server: 20 full-log replays while /health is polled', () => {
  let server: TestServer;
  let log: string[];

  beforeAll(async () => {
    server = await startTestServer();
    const tree = await buildTree(server);
    await appendManyRegistrations(server, tree.branchA1, REGISTRATIONS);
    log = await allPositions(server);
  });
  afterAll(() => server.close());

  it('completes every replay in log order with no gap and no repeat, capped per caller, while /health answers in between', async () => {
    let delivered = 0;
    let replaying = true;
    const answers: HealthAnswer[] = [];
    const polling = (async () => {
      while (replaying) {
        const response = await fetch(server.healthUrl);
        expect(response.status).toBe(200);
        await response.json();
        answers.push({ delivered, counts: server.app.hub.counts });
      }
    })();

    const replays = Array.from({ length: REPLAYS }, () =>
      replayWhole(server.wsClient(), log.length, () => {
        delivered++;
      }),
    );
    const received = await Promise.all(replays).finally(() => {
      replaying = false;
    });
    await polling;

    for (const positions of received) expect(positions).toEqual(log);
    const total = REPLAYS * log.length;
    const during = answers.filter((answer) => answer.delivered > 0 && answer.delivered < total);
    // Answered between many different steps of the replays, not only before and after them.
    expect(new Set(during.map((answer) => answer.delivered)).size).toBeGreaterThanOrEqual(20);
    // The anonymous caller never had more replays running than its cap; the rest waited their turn.
    expect(Math.max(...answers.map((answer) => answer.counts.replaying))).toBeLessThanOrEqual(DEFAULT_SUBSCRIPTION_LIMITS.maxReplaysPerCaller);
    expect(answers.some((answer) => answer.counts.waiting > 0)).toBe(true);
  }, 120_000);
});

/** Every position in the log, in order, as the API pages it. */
async function allPositions(server: TestServer): Promise<string[]> {
  const positions: string[] = [];
  let after: string | null = null;
  for (;;) {
    const { events }: EventsQuery = await server.ok(EventsDocument, { first: 500, after });
    positions.push(...events.edges.map((edge) => edge.node.position));
    if (!events.pageInfo.hasNextPage) return positions;
    after = events.pageInfo.endCursor ?? null;
  }
}

/** Replays the whole log on its own socket; resolves with the positions received once it has `count` of them. */
function replayWhole(client: Client, count: number, onEvent: () => void): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const positions: string[] = [];
    const unsubscribe = client.subscribe<OrgEvent>(
      { query: ORG_EVENTS, variables: { after: START } },
      {
        next: (result) => {
          if (result.errors) return reject(new Error(JSON.stringify(result.errors)));
          positions.push(result.data!.orgEvents.position);
          onEvent();
          if (positions.length === count) {
            unsubscribe();
            resolve(positions);
          }
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => (positions.length < count ? reject(new Error(`ended after ${positions.length} of ${count} events`)) : undefined),
      },
    );
  });
}
