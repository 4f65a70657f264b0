import { loadConfig } from '../../../src/app/config';
import { createApp } from '../../../src/app/orgtrackApp';
import { seedSizes } from '../../../src/cli/seed';
import { CachedStreams } from '../../../src/cli/seed/cachedStreams';
import { executePlan } from '../../../src/cli/seed/executePlan';
import { lastMonthEnd } from '../../../src/cli/seed/planDates';
import { planSeed } from '../../../src/cli/seed/planSeed';
import { DEFAULT_SIZES, scaleSizes, type PlanSizes } from '../../../src/cli/seed/seedPlan';
import type { Json, RecordedEvent } from '../../../src/eventstore/eventStore';
import { SqliteEventStore } from '../../../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../../../src/readstore/embedded/embeddedReadStore';

/** A small organization with the demo's 21 committees (so meetings, scores and dues scale with it too). */
const SMALL: PlanSizes = { committees: 21, branches: 42, groups: 84, members: 250, years: 2 };
const endDate = lastMonthEnd(new Date().toISOString().slice(0, 10));
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

interface SeededLog {
  commands: number;
  /** Every stream's events (type, effective date, data), ids replaced by the plan's keys. */
  streams: Map<string, { type: string; effectiveDate: string; data: Json }[]>;
}

/** Seeds `sizes` the way `orgtrack seed` does (plan, stream cache, executor) into a fresh in-memory log. */
async function seedLog(sizes: PlanSizes): Promise<SeededLog> {
  const eventStore = new CachedStreams(SqliteEventStore.open({ path: ':memory:' }));
  const app = await createApp(loadConfig({}), { eventStore, readStore: new EmbeddedReadStore() });
  try {
    const plan = planSeed({ ...sizes, seed: 3, endDate, transferExpiryDays: 90 });
    const report = await executePlan(app, plan.commands);
    const keyOf = report.ids.keysById();
    const byStream = new Map<string, RecordedEvent[]>();
    for (const event of await app.eventStore.readAll()) {
      const stream = event.stream.replace(UUID, (id) => keyOf.get(id) ?? 'unnamed');
      if (stream.includes('unnamed')) throw new Error(`stream ${event.stream} is named by an id the plan does not name`);
      byStream.set(stream, [...(byStream.get(stream) ?? []), event]);
    }
    // Ids the plan does not name (an election's, a payment's) become the first, second, … unnamed id of the stream they first appear in.
    const unnamed = new Map<string, string>();
    const streams: SeededLog['streams'] = new Map();
    for (const stream of [...byStream.keys()].sort()) {
      const named = (text: string): string =>
        text.replace(UUID, (id) => {
          const key = keyOf.get(id) ?? unnamed.get(id) ?? `${stream}#${[...unnamed.values()].filter((value) => value.startsWith(`${stream}#`)).length}`;
          if (!keyOf.has(id)) unnamed.set(id, key);
          return key;
        });
      const events = byStream.get(stream)!.sort((a, b) => a.revision - b.revision);
      streams.set(
        stream,
        events.map((event) => ({ type: event.type, effectiveDate: event.metadata.effectiveDate, data: JSON.parse(named(JSON.stringify(event.data))) as Json })),
      );
    }
    return { commands: report.commands, streams };
  } finally {
    await app.close();
  }
}

const eventCount = (log: SeededLog): number => [...log.streams.values()].reduce((sum, events) => sum + events.length, 0);

describe('orgtrack seed --scale', () => {
  it('multiplies the demo organization: committees, branches, groups and members; --members still overrides', () => {
    expect(seedSizes({ years: 6 })).toEqual(DEFAULT_SIZES);
    expect(seedSizes({ scale: 34, years: 20 })).toEqual({ committees: 714, branches: 10_200, groups: 30_600, members: 204_000, years: 20 });
    expect(seedSizes({ scale: 2, members: 500, years: 6 })).toEqual({ committees: 42, branches: 600, groups: 1800, members: 500, years: 6 });
    expect(() => seedSizes({ scale: 0, years: 6 })).toThrow('--scale');
  });

  it('plans about N times the commands at N times the organization', () => {
    const commands = (scale: number): number => planSeed({ ...scaleSizes(SMALL, scale), seed: 1, endDate, transferExpiryDays: 90 }).commands.length;
    const one = commands(1);
    // Not exactly 4: some parts grow in whole units (one committee in 21 records dues).
    expect(commands(4) / one).toBeGreaterThan(3.3);
    expect(commands(4) / one).toBeLessThan(4.7);
  });

  it('records about twice the events at twice the size, and the same events for the same options', async () => {
    const once = await seedLog(SMALL);
    const again = await seedLog(SMALL);
    const twice = await seedLog(scaleSizes(SMALL, 2));

    expect(eventCount(once)).toBeGreaterThanOrEqual(once.commands);
    const ratio = eventCount(twice) / eventCount(once);
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(2.2);
    // Deterministic: the same streams, each with the same events in the same order.
    expect(again.streams).toEqual(once.streams);
    expect(twice.streams).not.toEqual(once.streams);
  }, 120_000);
});
