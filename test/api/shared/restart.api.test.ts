import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventsDocument, MembersDocument, UnitTreeDocument } from '../generated/graphql';
import { buildTree, register } from '../support/fixtures';
import { startTestServer } from '../support/testServer';

describe('a restart of the service on the same data', () => {
  it('brings the read models back exactly, without losing or double-applying an event', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgtrack-restart-'));
    const file = path.join(dir, 'events.sqlite');
    try {
      const first = await startTestServer({ eventStorePath: file });
      const tree = await buildTree(first);
      await register(first, '甲', tree.branchA1, '2016-01-01', tree.groupA1x);
      await register(first, '乙', tree.branchA2, '2016-01-01');
      const answers = async (server: typeof first) => ({
        tree: await server.ok(UnitTreeDocument, { id: tree.district }),
        pastTree: await server.ok(UnitTreeDocument, { id: tree.committeeA, asOf: '2015-12-31' }),
        members: await server.ok(MembersDocument, { unitId: tree.district, includeDescendants: true }),
        events: await server.ok(EventsDocument, { first: 500 }),
      });
      const before = await answers(first);
      await first.close();

      const second = await startTestServer({ eventStorePath: file, adminKey: first.adminKey });
      await second.app.projector.catchUp();
      expect(await answers(second)).toEqual(before);
      await register(second, '丙', tree.branchB1, '2016-01-01');
      const after = await second.ok(EventsDocument, { first: 500 });
      expect(after.events.totalCount).toBe(before.events.events.totalCount + 1);
      expect(after.events.edges.at(-1)!.node.position > before.events.events.edges.at(-1)!.node.position).toBe(true);
      await second.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
