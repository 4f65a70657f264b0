import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { systemClock } from '../src/app/clock';
import { CommandHandler } from '../src/app/commands/commandHandler';
import { UnitStreamFacts } from '../src/app/units/unitStreamFacts';
import { loadConfig } from '../src/app/config';
import { createApp, type OrgtrackApp } from '../src/app/orgtrackApp';
import { memberDecider } from '../src/domain/members/member.decide';
import { memberStream } from '../src/domain/members/member.events';
import { unitDecider } from '../src/domain/units/unit.decide';
import { unitStream } from '../src/domain/units/unit.events';
import type { UnitLevel } from '../src/domain/units/unitLevel';
import type { UnitOnDate } from '../src/domain/units/unitOnDate';
import { SqliteEventStore } from '../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../src/readstore/embedded/embeddedReadStore';
import { RawInsertLoop } from './rawSqlite';
import { fmt, type Row } from './report';
import { Rate, timed } from './stats';

const ROUNDS = 3;
const SEQUENTIAL_PER_ROUND = 200;
const BATCH = 100;
const BATCHES_PER_ROUND = 4;
const OPTIONS = { actor: 'bench' };

/**
 * Figure 1: registerMember commands through the command handler in process (load the member's
 * stream, resolve the branch from its stream, decide, append with synchronous=FULL) against raw
 * durable inserts. Rounds alternate between the two so that a noisy disk hurts both alike.
 * A third row shows the whole mutation path (with the wait for the read models), for reference.
 */
export async function benchCommands(scratchDir: string): Promise<Row[]> {
  // The handler figures run on a log of their own with no projector in the process; the
  // mutation path runs in a whole app (projector included) on another file.
  const eventStore = SqliteEventStore.open({ path: path.join(scratchDir, 'commands.sqlite'), synchronous: 'FULL' });
  const config = loadConfig({ ORGTRACK_DATA_DIR: scratchDir });
  const clock = systemClock(config.timeZone);
  const handler = new CommandHandler(eventStore, clock);
  const units = new UnitStreamFacts(eventStore);
  const app = await createApp(config, {
    eventStore: SqliteEventStore.open({ path: path.join(scratchDir, 'mutations.sqlite'), synchronous: 'FULL' }),
    readStore: new EmbeddedReadStore(),
  });
  const raw = new RawInsertLoop(path.join(scratchDir, 'raw.sqlite'));
  try {
    const branchIds = await establishBranches(handler, clock.today(), 4);
    const appBranchId = (await establishBranchesInApp(app))[0];
    let next = 0;
    const register = (): Promise<unknown> => {
      const n = next++;
      const memberId = randomUUID();
      const branchId = branchIds[n % branchIds.length];
      const effectiveDate = clock.today();
      return handler.handle(
        memberStream(memberId),
        memberDecider,
        async () => ({
          type: 'RegisterMember' as const,
          memberId,
          name: `Bench Member ${n}`,
          branchId,
          branch: await units.onDate(branchId, effectiveDate),
          groupId: null,
          group: null,
          status: 'APPLICANT' as const,
          joinedOn: null,
          effectiveDate,
          today: effectiveDate,
        }),
        { metadata: OPTIONS, createsStream: true },
      );
    };
    const mutation = (): Promise<unknown> => app.members.register({ name: `Bench Mutation ${next++}`, branchId: appBranchId, status: 'APPLICANT' }, OPTIONS);

    // Warm-up: JIT, prepared statements, WAL file growth.
    for (let i = 0; i < 50; i++) await register();
    await Promise.all(Array.from({ length: BATCH }, register));
    for (let i = 0; i < 20; i++) await mutation();
    raw.run(50, 1);
    raw.run(1, BATCH);

    const sequential = new Rate();
    const rawSingle = new Rate();
    const concurrent = new Rate();
    const rawBatched = new Rate();
    const mutations = new Rate();
    for (let round = 0; round < ROUNDS; round++) {
      rawSingle.add(SEQUENTIAL_PER_ROUND, await timed(() => raw.run(SEQUENTIAL_PER_ROUND, 1)));
      sequential.add(
        SEQUENTIAL_PER_ROUND,
        await timed(async () => {
          for (let i = 0; i < SEQUENTIAL_PER_ROUND; i++) await register();
        }),
      );
      rawBatched.add(BATCHES_PER_ROUND * BATCH, await timed(() => raw.run(BATCHES_PER_ROUND, BATCH)));
      concurrent.add(
        BATCHES_PER_ROUND * BATCH,
        await timed(async () => {
          for (let b = 0; b < BATCHES_PER_ROUND; b++) await Promise.all(Array.from({ length: BATCH }, register));
        }),
      );
      mutations.add(
        SEQUENTIAL_PER_ROUND / 2,
        await timed(async () => {
          for (let i = 0; i < SEQUENTIAL_PER_ROUND / 2; i++) await mutation();
        }),
      );
    }

    return [
      throughputRow(`1a command handler, sequential (${sequential.operations})`, sequential, 'cmd/s', rawSingle, 'raw 1-row tx', 0.6),
      throughputRow(`1b command handler, ${BATCH} concurrent (${concurrent.operations})`, concurrent, 'cmd/s', rawBatched, `raw ${BATCH}-row tx`, 0.5),
      throughputRow(`1c registerMember mutation path, sequential (${mutations.operations})`, mutations, 'cmd/s', rawSingle, 'raw 1-row tx', undefined),
    ];
  } finally {
    raw.close();
    await app.close();
    await eventStore.close();
  }
}

function throughputRow(name: string, figure: Rate, unit: string, baseline: Rate, baselineLabel: string, minRatio: number | undefined): Row {
  const ratio = figure.perSecond / baseline.perSecond;
  return {
    name,
    figure: fmt.rate(figure.perSecond, unit),
    baseline: `${fmt.rate(baseline.perSecond, 'rows/s')} (${baselineLabel})`,
    ratio: fmt.ratio(ratio),
    target: minRatio === undefined ? '(reference: includes the wait for the read models)' : `ratio ≥ ${minRatio}×`,
    pass: minRatio === undefined ? undefined : ratio >= minRatio,
  };
}

/** A district, a committee and `count` branches under it, through the handler alone. */
async function establishBranches(handler: CommandHandler, today: string, count: number): Promise<string[]> {
  const establish = async (level: UnitLevel, parentId: string | null, parent: UnitOnDate | null): Promise<UnitOnDate> => {
    const unitId = randomUUID();
    const name = `Bench ${level} ${unitId.slice(0, 8)}`;
    await handler.handle(
      unitStream(unitId),
      unitDecider,
      () => ({ type: 'EstablishUnit' as const, unitId, level, name, code: null, parentId, parent, codeUsedBy: null, effectiveDate: today, today }),
      { metadata: OPTIONS },
    );
    return { unitId, level, name, parentId, active: true, dissolvedOn: null };
  };
  const district = await establish('DISTRICT', null, null);
  const committee = await establish('COMMITTEE', district.unitId, district);
  const branches: string[] = [];
  for (let i = 0; i < count; i++) branches.push((await establish('BRANCH', committee.unitId, committee)).unitId);
  return branches;
}

/** The same through the app's mutations. */
async function establishBranchesInApp(app: OrgtrackApp, count = 1): Promise<string[]> {
  const district = await app.units.establish({ level: 'DISTRICT', name: 'Bench District' }, OPTIONS);
  const committee = await app.units.establish({ level: 'COMMITTEE', name: 'Bench Committee', parentId: district.subjectId }, OPTIONS);
  const branches: string[] = [];
  for (let i = 0; i < count; i++) {
    branches.push((await app.units.establish({ level: 'BRANCH', name: `Bench Branch ${i}`, parentId: committee.subjectId }, OPTIONS)).subjectId);
  }
  return branches;
}
