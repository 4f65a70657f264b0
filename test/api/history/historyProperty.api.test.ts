import type { RecordedEvent } from '../../../src/eventstore/eventStore';
import { isDomainEvent } from '../../../src/app/recordedEvents';
import { addDays } from '../../../src/domain/shared/localDate';
import { BruteForceFold } from './bruteForceFold';
import { generateHistory, type GeneratedHistory } from './generatedHistory';
import { SeededRandom } from './random';
import { SteppingClock } from '../support/steppingClock';
import { startTestServer, type TestServer } from '../support/testServer';

/** `HISTORY_SEED=<n> npx jest historyProperty` replays a failing run. */
const SEED = Number(process.env.HISTORY_SEED ?? Date.now() % 2 ** 31);
const STEPS = 400;
const TRIPLES = 1200;
const MOMENTS = 40;
/** The knownAt views a server keeps built (ORGTRACK_KNOWN_AT_CACHE's default). */
const CACHED_VIEWS = 4;
const PER_REQUEST = 40;

type Triple = { kind: 'member' | 'unit'; id: string; asOf: string; knownAt: string | null };

interface MemberAnswer {
  status: string;
  branch: { id: string } | null;
  group: { id: string } | null;
}
interface UnitAnswer {
  name: string;
  status: string;
  parent: { id: string } | null;
  memberCount: number;
}

/**
 * Both ways a `knownAt` view is made: forked from the live read models' past (marked every 7
 * events, so that most moments fall inside an epoch and a tail is applied to the fork), and
 * replayed from the log into a fresh store (no past kept).
 */
const VIEWS = [
  { way: 'forked from the read models past', epochEvents: '7', maxMarks: '256', forks: true },
  // At most 4 marks: thinned again and again over the run, each time dropping the versions only the dropped marks needed.
  { way: 'forked from a thinned past', epochEvents: '3', maxMarks: '4', forks: true },
  { way: 'replayed from the log', epochEvents: '0', maxMarks: '256', forks: false },
] as const;

describe.each(VIEWS)('history at any effective date and any recorded time (property), knownAt $way', ({ epochEvents, maxMarks, forks }) => {
  let server: TestServer;
  let history: GeneratedHistory;
  let log: RecordedEvent[];
  const random = new SeededRandom(SEED);

  beforeAll(async () => {
    const clock = new SteppingClock('2020-01-01T01:00:00.000Z');
    server = await startTestServer({ clock, env: { ORGTRACK_HISTORY_EPOCH_EVENTS: epochEvents, ORGTRACK_HISTORY_MAX_MARKS: maxMarks } });
    history = await generateHistory(server.app, clock, random, STEPS);
    log = (await server.app.eventStore.readAll()).filter(isDomainEvent);
  }, 120_000);
  afterAll(() => server.close());

  /** Recorded moments worth asking about: exactly when an event was recorded, just before, and before anything. */
  function moments(): (string | null)[] {
    const picked: (string | null)[] = [null, '2019-12-31T00:00:00.000Z'];
    while (picked.length < MOMENTS) {
      const at = Date.parse(random.pick(log).metadata.recordedAt);
      picked.push(new Date(random.chance(0.5) ? at : at - 1).toISOString());
    }
    return picked;
  }

  function triples(): Triple[] {
    const first = '2019-12-15';
    const last = addDays(log[log.length - 1].metadata.effectiveDate, 30);
    const span = (Date.parse(last) - Date.parse(first)) / 86_400_000;
    const times = moments();
    return Array.from({ length: TRIPLES }, () => {
      const member = random.chance(0.6);
      return {
        kind: member ? 'member' : 'unit',
        id: random.pick(member ? history.memberIds : history.unitIds),
        asOf: addDays(first, random.int(0, span)),
        knownAt: random.pick(times),
      };
    });
  }

  const field = (triple: Triple, at: number): string => {
    const knownAt = triple.knownAt === null ? '' : `, knownAt: "${triple.knownAt}"`;
    return triple.kind === 'member'
      ? `t${at}: member(id: "${triple.id}", asOf: "${triple.asOf}"${knownAt}) { status branch { id } group { id } }`
      : `t${at}: unit(id: "${triple.id}", asOf: "${triple.asOf}"${knownAt}) { name status parent { id } memberCount }`;
  };

  function expected(triple: Triple, fold: BruteForceFold): MemberAnswer | UnitAnswer | null {
    if (triple.kind === 'member') {
      const member = fold.member(triple.id, triple.asOf);
      if (member === null) return null;
      return {
        status: member.status,
        branch: member.branchId === null ? null : { id: member.branchId },
        group: member.groupId === null ? null : { id: member.groupId },
      };
    }
    const unit = fold.unit(triple.id, triple.asOf);
    if (unit === null) return null;
    return {
      name: unit.name,
      status: unit.dissolved ? 'DISSOLVED' : 'ACTIVE',
      parent: unit.parentId === null ? null : { id: unit.parentId },
      memberCount: fold.memberCount(triple.id, triple.asOf, history.memberIds),
    };
  }

  it(`answers ${TRIPLES} random (entity, asOf, knownAt) triples exactly as a brute-force fold of the raw log (seed ${SEED})`, async () => {
    expect(history.tried - history.refused).toBeGreaterThan(STEPS / 3);
    expect(log.some((event) => event.type === 'EventRetracted')).toBe(true);
    // The retractions were corrections of what the read models held, not rebuilds of them.
    expect(server.app.projector.correctionCount).toBeGreaterThan(0);
    expect(server.app.projector.rebuildCount).toBe(0);
    expect(log.some((event) => event.metadata.effectiveDate < event.metadata.recordedAt.slice(0, 10))).toBe(true);
    const mismatches: string[] = [];
    const byMoment = new Map<string | null, Triple[]>();
    for (const triple of triples()) byMoment.set(triple.knownAt, [...(byMoment.get(triple.knownAt) ?? []), triple]);
    for (const [knownAt, asked] of byMoment) {
      const fold = new BruteForceFold(log, knownAt);
      for (let start = 0; start < asked.length; start += PER_REQUEST) {
        const batch = asked.slice(start, start + PER_REQUEST);
        const response = await server.raw(`{ ${batch.map(field).join('\n')} }`);
        if (response.errors) throw new Error(`seed ${SEED}: ${JSON.stringify(response.errors[0])}`);
        batch.forEach((triple, at) => {
          const answer = response.data?.[`t${at}`] ?? null;
          const want = expected(triple, fold);
          if (JSON.stringify(answer) !== JSON.stringify(want)) {
            mismatches.push(
              `${triple.kind} ${triple.id} asOf ${triple.asOf} knownAt ${triple.knownAt}: API ${JSON.stringify(answer)}, log ${JSON.stringify(want)}`,
            );
          }
        });
      }
    }
    const views = server.app.knownAt;
    expect(views.buildCount).toBeGreaterThan(MOMENTS / 2);
    if (forks) expect(views.forkCount).toBeGreaterThan(MOMENTS / 2);
    else expect(views.forkCount).toBe(0);
    // Thinned: the marks made were far more (one every few events); forks still cached may each hold one more.
    expect(server.app.readModels.history?.markCount ?? 0).toBeLessThanOrEqual(Number(maxMarks) + 1 + CACHED_VIEWS);
    if (mismatches.length > 0)
      throw new Error(`seed ${SEED} (rerun with HISTORY_SEED=${SEED}): ${mismatches.length} mismatches, first:\n${mismatches.slice(0, 10).join('\n')}`);
  }, 120_000);
});
