import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { allProjections } from '../../../projections';
import { loadConfig } from '../../../src/app/config';
import { snapshotFile } from '../../../src/app/orgtrackApp';
import { Projector } from '../../../src/app/projector/projector';
import { isDomainEvent } from '../../../src/app/recordedEvents';
import { seed } from '../../../src/cli/seed';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';
import type { ReadStore } from '../../../src/readstore/readStore';
import { expectSameReadModels } from '../../support/readModelImage';
import { startTestServer, type TestServer } from '../support/testServer';

jest.setTimeout(60_000);

/** Queries over most read models: units with counts, members of the whole tree, the event log, a member's history. */
async function answers(server: TestServer, districtId: string, memberId: string): Promise<unknown[]> {
  const queries = [
    `{ units(first: 200) { totalCount edges { node { id name level memberCount parent { id } ancestors { id } } } } }`,
    `{ units(first: 200, asOf: "2025-06-30") { totalCount edges { node { id name memberCount } } } }`,
    `{ members(unitId: "${districtId}", includeDescendants: true, first: 200) { totalCount edges { node { id name status branch { id } group { id } } } } }`,
    `{ events(first: 200) { edges { cursor node { id type effectiveDate } } } }`,
    `{ member(id: "${memberId}") { name status memberships { branchId validFrom validTo } awards { id } } }`,
    `{ unit(id: "${districtId}") { name memberCount children { name memberCount children { name memberCount } } } }`,
  ];
  const results: unknown[] = [];
  for (const query of queries) {
    const result = await server.raw(query);
    expect(result.errors).toBeUndefined();
    results.push(result.data);
  }
  return results;
}

function embedded(store: ReadStore): EmbeddedReadStore {
  if (!(store instanceof EmbeddedReadStore)) throw new Error('the embedded default has an embedded read store');
  return store;
}

describe('a restart of the embedded default from the snapshot of its read models', () => {
  let dir: string;
  const servers: TestServer[] = [];
  const started = async (options: Parameters<typeof startTestServer>[0]): Promise<TestServer> => {
    const server = await startTestServer({ ...options, env: { ORGTRACK_MAX_QUERY_COST: '10000000' } });
    servers.push(server);
    return server;
  };
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgtrack-restart-'));
    await seed(loadConfig({ ORGTRACK_DATA_DIR: dir, ORGTRACK_SQLITE_SYNCHRONOUS: 'NORMAL' }), pino({ level: 'silent' }), { seed: 1, members: 60, years: 2 });
    // The seed leaves its own snapshot: the first start below rebuilds from the log instead.
    fs.rmSync(snapshotFile(loadConfig({ ORGTRACK_DATA_DIR: dir })));
  });
  afterAll(async () => {
    for (const server of servers) await server.close().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the second start restores the read models, applies only the events recorded since, and answers as a clean rebuild does', async () => {
    const file = snapshotFile(loadConfig({ ORGTRACK_DATA_DIR: dir }));
    const first = await started({ dataDir: dir });
    expect(first.app.snapshots?.restored).toMatchObject({ restored: false, reason: 'missing' });
    const seeded = first.app.projector.eventsApplied;
    expect(seeded).toBeGreaterThan(500);
    const districtId = ((await first.raw('{ units(level: DISTRICT) { edges { node { id } } } }')).data as { units: { edges: { node: { id: string } }[] } })
      .units.edges[0].node.id;
    const branch = (await first.raw('{ units(level: BRANCH, first: 1) { edges { node { id } } } }')).data as { units: { edges: { node: { id: string } }[] } };
    const branchId = branch.units.edges[0].node.id;
    const registered = await first.raw(`mutation { registerMember(input: { name: "尾声", branchId: "${branchId}", status: APPLICANT }) { member { id } } }`);
    expect(registered.errors).toBeUndefined();
    const memberId = (registered.data as { registerMember: { member: { id: string } } }).registerMember.member.id;
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    expect(fs.existsSync(file)).toBe(true);

    // While the server is down, another process records more (a seed, a token issued).
    const other = await started({ eventStorePath: path.join(dir, 'events.sqlite') });
    expect(
      (await other.raw(`mutation { registerMember(input: { name: "后来者", branchId: "${branchId}", status: APPLICANT }) { member { id } } }`)).errors,
    ).toBeUndefined();
    await other.close();
    servers.splice(servers.indexOf(other), 1);

    const second = await started({ dataDir: dir, adminKey: first.adminKey });
    const restored = second.app.snapshots?.restored;
    expect(restored).toMatchObject({ restored: true, rebuilt: [] });
    const since = (await second.app.eventStore.readAll({ after: restored?.restored ? restored.position : undefined })).filter(isDomainEvent).length;
    expect(since).toBeGreaterThan(0);
    expect(since).toBeLessThan(10);
    expect(second.app.projector.eventsApplied).toBe(since);

    // A clean rebuild of the same log, beside it: the same read models, byte for byte…
    const events = SqliteEventStore.open({ path: path.join(dir, 'events.sqlite') });
    const clean = new EmbeddedReadStore();
    const projector = new Projector(events, clean, allProjections);
    await projector.start();
    await projector.catchUp();
    await projector.stop();
    await events.close();
    expectSameReadModels(embedded(second.app.readModels), clean);

    // …and the same answers as a server that rebuilt them.
    const rebuilt = await started({ eventStorePath: path.join(dir, 'events.sqlite'), adminKey: first.adminKey });
    expect(await answers(second, districtId, memberId)).toEqual(await answers(rebuilt, districtId, memberId));
  });
});
