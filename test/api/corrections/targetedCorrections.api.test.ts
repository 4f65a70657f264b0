import { allProjections } from '../../../projections';
import { loadConfig } from '../../../src/app/config';
import { createApp, type OrgtrackApp } from '../../../src/app/orgtrackApp';
import { Projector } from '../../../src/app/projector/projector';
import { isDomainEvent } from '../../../src/app/recordedEvents';
import { executePlan } from '../../../src/cli/seed/executePlan';
import { lastMonthEnd } from '../../../src/cli/seed/planDates';
import { planSeed } from '../../../src/cli/seed/planSeed';
import { DomainError } from '../../../src/domain/shared/errors';
import type { RecordedEvent } from '../../../src/eventstore/eventStore';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';
import { readModelDifferences } from '../../support/readModelDump';
import { SeededRandom } from '../history/random';

/** `CORRECTION_SEED=<n> npx jest targetedCorrections` replays a failing run. */
const SEED = Number(process.env.CORRECTION_SEED ?? Date.now() % 2 ** 31);
const by = { actor: 'correction-test' };
/** Retractions tried per event type (those refused for their dependents are skipped). */
const PER_TYPE = 2;
const TRIES_PER_TYPE = 40;

/** The read models a fresh projector makes of the whole log, for comparison. */
async function rebuiltFrom(app: OrgtrackApp): Promise<EmbeddedReadStore> {
  const readStore = new EmbeddedReadStore();
  const projector = new Projector(app.eventStore, readStore, allProjections);
  await projector.start();
  await projector.catchUp();
  await projector.stop();
  return readStore;
}

describe('a retraction of an event the read models hold corrects what it touches (against a rebuild of the whole log)', () => {
  let app: OrgtrackApp;
  let readStore: EmbeddedReadStore;
  let log: RecordedEvent[];
  const random = new SeededRandom(SEED);

  beforeAll(async () => {
    readStore = new EmbeddedReadStore();
    app = await createApp(loadConfig({}), { eventStore: SqliteEventStore.open({ path: ':memory:' }), readStore });
    const today = new Date().toISOString().slice(0, 10);
    const plan = planSeed({
      seed: SEED,
      committees: 3,
      branches: 10,
      groups: 25,
      members: 120,
      years: 5,
      endDate: lastMonthEnd(today),
      transferExpiryDays: 90,
    });
    await executePlan(app, plan.commands, { concurrency: 16 });
    await app.projector.catchUp();
    log = (await app.eventStore.readAll()).filter(isDomainEvent);
  }, 120_000);
  afterAll(() => app.close());

  it(`every kind of event, old and recent, retracted one after another (seed ${SEED})`, async () => {
    const byType = new Map<string, RecordedEvent[]>();
    for (const event of log) byType.set(event.type, [...(byType.get(event.type) ?? []), event]);
    const retracted: string[] = [];
    for (const [type, events] of [...byType].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (type === 'EventRetracted' || type.startsWith('ApiKey')) continue;
      let done = 0;
      for (let tried = 0; tried < TRIES_PER_TYPE && done < PER_TYPE; tried++) {
        const event = random.pick(events);
        try {
          const result = await app.retractions.retract({ eventId: event.id, reason: 'Recorded in error' }, by);
          await app.projector.waitFor(result.position);
        } catch (error) {
          if (error instanceof DomainError) continue; // it has dependents, or is already retracted
          throw error;
        }
        retracted.push(type);
        done++;
        const rebuilt = await rebuiltFrom(app);
        expect({ after: `${type} ${event.id}`, differences: await readModelDifferences(readStore, rebuilt) }).toEqual({
          after: `${type} ${event.id}`,
          differences: [],
        });
      }
    }
    // The corrections were targeted: no rebuild, one correction per retraction.
    expect(app.projector.rebuildCount).toBe(0);
    expect(app.projector.correctionCount).toBe(retracted.length);
    for (const type of ['TransferAccepted', 'DuesPaid', 'MeetingRecorded', 'ElectionHeld', 'UnitRenamed', 'AwardGranted', 'MemberAppraised']) {
      expect(retracted).toContain(type);
    }
  }, 300_000);
});
