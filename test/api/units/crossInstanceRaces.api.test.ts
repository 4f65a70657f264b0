import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DissolveUnitDocument, EstablishUnitDocument, RegisterMemberDocument, UnitTreeDocument } from '../generated/graphql';
import { buildTree, establish, type Tree } from '../support/fixtures';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/**
 * Two instances of the service over one SQLite log (each with its own read models, as several
 * `orgtrack serve` processes on one data folder would be): the gates order commands across
 * instances too, so a rule across aggregates has one winner whichever instance each command hit.
 */
const TRIALS = 30;
const succeeded = (result: GraphQLResponse<unknown>): boolean => (result.errors?.length ?? 0) === 0;

describe('rules across aggregates hold across instances over one log', () => {
  let dir: string;
  let one: TestServer;
  let two: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgtrack-instances-'));
    const file = path.join(dir, 'events.sqlite');
    one = await startTestServer({ eventStorePath: file, eventStorePollMs: 5 });
    two = await startTestServer({ eventStorePath: file, eventStorePollMs: 5, adminKey: one.adminKey });
    tree = await buildTree(one);
    await two.app.projector.catchUp();
  });
  afterAll(async () => {
    await one.close();
    await two.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('one unit code, sent to both instances at once: one winner', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const establishOn = (server: TestServer, code: string) =>
        server.request(EstablishUnitDocument, {
          input: { level: 'BRANCH', name: `跨实例支部${trial}`, code, parentId: tree.committeeB, effectiveDate: '2016-01-01' },
        });
      const results = await Promise.all([establishOn(one, `inst-${trial}`), establishOn(two, `INST-${trial}`)]);
      expect(results.filter(succeeded)).toHaveLength(1);
      expect(results.find((result) => !succeeded(result))?.errors?.[0]?.extensions?.reason).toBe('UNIT.CODE_IN_USE');
    }
  });

  it('a dissolution on one instance and a registration on the other: never both', async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const branch = await establish(one, 'BRANCH', `跨实例待撤${trial}`, tree.committeeB, '2015-06-01');
      await two.app.projector.catchUp();
      const [dissolved, registered] = await Promise.all([
        (trial % 2 === 0 ? one : two).request(DissolveUnitDocument, { input: { unitId: branch, effectiveDate: '2021-01-01' } }),
        (trial % 2 === 0 ? two : one).request(RegisterMemberDocument, {
          input: { name: `跨实例党员${trial}`, branchId: branch, status: 'FULL', joinedOn: '2001-07-01', effectiveDate: '2020-06-01' },
        }),
      ]);
      expect(succeeded(dissolved) && succeeded(registered)).toBe(false);
      await one.app.projector.catchUp();
      const { unit } = await one.ok(UnitTreeDocument, { id: branch, asOf: '2021-06-01' });
      expect(unit!.memberCount).toBe(succeeded(registered) ? 1 : 0);
    }
  });
});
