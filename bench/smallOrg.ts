import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/app/config';
import { createApp, type OrgtrackApp } from '../src/app/orgtrackApp';
import { SqliteEventStore } from '../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../src/readstore/embedded/embeddedReadStore';
import { yearsAgo } from './stats';

const OPTIONS = { actor: 'bench' };

/**
 * A small hand-made organization (1 district, 3 committees, 12 branches, 36 groups, `members`
 * members over six years), written through the app's own commands. Used when the demo seed is
 * not available, or with `--small`.
 */
export async function buildSmallOrg(dir: string, members = 400): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const eventsPath = path.join(dir, 'events.sqlite');
  const eventStore = SqliteEventStore.open({ path: eventsPath, synchronous: 'NORMAL' });
  const app = await createApp(loadConfig({ ORGTRACK_DATA_DIR: dir }), { eventStore, readStore: new EmbeddedReadStore() });
  try {
    const start = yearsAgo(6);
    const establish = async (level: 'DISTRICT' | 'COMMITTEE' | 'BRANCH' | 'GROUP', name: string, parentId?: string): Promise<string> =>
      (await app.units.establish({ level, name, parentId }, { ...OPTIONS, effectiveDate: start })).subjectId;
    const district = await establish('DISTRICT', 'District 1');
    const branches: { id: string; groups: string[] }[] = [];
    for (let c = 0; c < 3; c++) {
      const committee = await establish('COMMITTEE', `Committee ${c + 1}`, district);
      for (let b = 0; b < 4; b++) {
        const branch = await establish('BRANCH', `Branch ${c + 1}.${b + 1}`, committee);
        const groups: string[] = [];
        for (let g = 0; g < 3; g++) groups.push(await establish('GROUP', `Group ${c + 1}.${b + 1}.${g + 1}`, branch));
        branches.push({ id: branch, groups });
      }
    }
    await renameSome(
      app,
      branches.map((branch) => branch.id),
      yearsAgo(3),
    );
    const startMs = Date.parse(start);
    const spanMs = Date.now() - startMs;
    for (let chunk = 0; chunk < members; chunk += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, members - chunk) }, (_, i) => {
          const n = chunk + i;
          const branch = branches[n % branches.length];
          const effectiveDate = new Date(startMs + Math.floor((spanMs * n) / members)).toISOString().slice(0, 10);
          return app.members.register(
            { name: `Member ${String(n).padStart(5, '0')}`, branchId: branch.id, groupId: branch.groups[n % 3], status: 'APPLICANT' },
            { ...OPTIONS, effectiveDate },
          );
        }),
      );
    }
  } finally {
    await app.close();
  }
  return eventsPath;
}

async function renameSome(app: OrgtrackApp, unitIds: readonly string[], effectiveDate: string): Promise<void> {
  for (const [index, unitId] of unitIds.entries()) {
    if (index % 2 === 0) await app.units.rename({ unitId, name: `Renamed Branch ${index}` }, { ...OPTIONS, effectiveDate });
  }
}
