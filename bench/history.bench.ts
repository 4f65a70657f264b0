import type { GraphQLSchema } from 'graphql';
import { EVENT_INDEX, UNITS, type EventIndexDocument, type UnitDocument } from '../projections';
import { isDomainEvent } from '../src/app/recordedEvents';
import type { Position } from '../src/eventstore/eventStore';
import { SqliteEventStore } from '../src/eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../src/readstore/embedded/embeddedReadStore';
import type { ReadStore } from '../src/readstore/readStore';
import { CONNECTIONS } from './floorLatency';
import { historyDataset } from './historyData';
import { runLoadInWorker, type Endpoint, type GraphqlClient, type GraphqlRequest, type LoadOptions } from './httpLoad';
import { rebuildReadModels } from './rebuildReadModels';
import { fmt, notes, type Row } from './report';
import { serveApp, type ServedApp } from './serveApp';
import { now, summarize, yearsAgo, type LatencySummary } from './stats';

/** asOf far back against asOf one year back: "close to 1" is read as at most this at p50. */
const MAX_AS_OF_RATIO = 1.25;
/** Each asOf is measured in ROUNDS runs, alternating with the other, so both see the same machine load. */
const ROUNDS = 2;
const LOAD: LoadOptions = { concurrency: CONNECTIONS, maxRequests: 1000, maxMs: 6_000, warmup: 50 };
/** Where in the log (share of its domain events) the cold `knownAt` moments lie. */
const COLD_SHARES = [0.25, 0.5, 0.75] as const;
/** The first knownAt request of a server, apart: early enough to replay little, late enough for the units to exist. */
const FIRST_SHARE = 0.01;

const MEMBERS_AS_OF = `query($id: ID!, $asOf: Date) {
  members(unitId: $id, includeDescendants: true, asOf: $asOf, first: 50) { totalCount edges { node { id name status } } }
}`;
const MEMBERS_KNOWN_AT = `query($id: ID!, $asOf: Date, $knownAt: DateTime) {
  members(unitId: $id, includeDescendants: true, asOf: $asOf, knownAt: $knownAt, first: 50) { totalCount edges { node { id } } }
}`;
const MEMBERS_LIVE = `query($id: ID!, $asOf: Date) {
  members(unitId: $id, includeDescendants: true, asOf: $asOf, first: 50) { totalCount edges { node { id } } }
}`;

interface MembersData {
  members: { totalCount: number };
}

/** A log with its read models built. */
export interface BuiltDataset {
  eventsPath: string;
  readStore: ReadStore;
  /** What the rows call it; default "demo 6 y". */
  tag?: string;
}

interface Target extends BuiltDataset {
  /** What the rows say the dataset is, e.g. "demo 6 y". */
  tag: string;
  /** The dataset's today: its latest effective date. */
  today: string;
  committeeId: string;
  districtId: string;
}

/**
 * Figure 6: history. (a) `members(committee subtree, asOf)` p50/p99 with asOf one year back
 * against five years back on the demo log (6 years); (b) the same, one year against ten years
 * back, on a log with ten times the history at the same organization size (historyPlan.ts;
 * with `x10`); (c, d) `knownAt`: the first request for a recorded moment (cold: the server
 * replays the log up to it into an ephemeral store) against the same request repeated (warm).
 */
export async function benchHistory(demo: BuiltDataset, schema: GraphQLSchema, options: { x10: boolean }): Promise<Row[]> {
  const rows: Row[] = [];
  const demoTarget = await targetOf(demo, demo.tag ?? 'demo 6 y');
  let demoRecent: LatencySummary | undefined;
  await section(rows, '6a', async () => {
    const measured = await asOfRows('6a', demoTarget, schema, 5);
    demoRecent = measured.recent;
    return measured.rows;
  });
  await section(rows, '6c', () => knownAtRows('6c', demoTarget, schema));
  if (!options.x10) {
    notes.push('6b/6d (10× history) not run: add --history-x10');
    return rows;
  }
  let longStore: EmbeddedReadStore | undefined;
  try {
    const dataset = await historyDataset();
    progress(`building the read models of ${dataset.label}`);
    const built = await rebuildReadModels(dataset.eventsPath);
    longStore = built.readStore;
    const factor = dataset.sizes.years / 6;
    const long = await targetOf({ eventsPath: dataset.eventsPath, readStore: built.readStore }, `${factor}× history, ${dataset.sizes.years} y`);
    notes.push(`6b/6d dataset: ${dataset.label}: ${fmt.int(built.events)} events`);
    rows.push({
      name: `6b  projection rebuild of the ${long.tag} log (${fmt.int(built.events)} events; compare figure 2)`,
      figure: fmt.rate((built.events * 1000) / built.ms, 'ev/s'),
      baseline: '',
      ratio: '',
      target: `(${duration(built.ms)})`,
      pass: undefined,
    });
    await section(rows, '6b', async () => {
      const measured = await asOfRows('6b', long, schema, 10);
      if (!demoRecent) return measured.rows;
      // Not the same run: 6a was measured a few minutes before, on the same server setup.
      const name = `6b  members(committee subtree, 50) asOf −1 y, ${long.tag} vs ${demoTarget.tag}`;
      const versus = (figure: number, baseline: number): Pick<Row, 'figure' | 'baseline' | 'ratio'> => ({
        figure: fmt.ms(figure),
        baseline: `${fmt.ms(baseline)} (6a)`,
        ratio: fmt.ratio(figure / baseline),
      });
      return [
        ...measured.rows,
        { name: `${name} p50`, ...versus(measured.recent.p50, demoRecent.p50), target: '', pass: undefined },
        { name: `${name} p99`, ...versus(measured.recent.p99, demoRecent.p99), target: '', pass: undefined },
      ];
    });
    await section(rows, '6d', () => knownAtRows('6d', long, schema));
  } catch (error) {
    rows.push(failed('6b', error));
  } finally {
    await longStore?.close();
  }
  return rows;
}

/** p50/p99 of the members page asOf one year back against `yearsBack` back, alternating runs. */
async function asOfRows(section: string, target: Target, schema: GraphQLSchema, yearsBack: number): Promise<{ rows: Row[]; recent: LatencySummary }> {
  progress(`${section} members asOf −1 y vs −${yearsBack} y (${target.tag})`);
  const recent = yearsAgo(1, new Date(`${target.today}T00:00:00Z`));
  const back = yearsAgo(yearsBack, new Date(`${target.today}T00:00:00Z`));
  const request = (asOf: string): GraphqlRequest => ({ query: MEMBERS_AS_OF, variables: { id: target.committeeId, asOf } });
  const served = await serveApp(target.eventsPath, target.readStore, schema, CONNECTIONS);
  try {
    const sizes = await Promise.all(
      [recent, back].map(async (asOf) => ({
        committee: (await answer<MembersData>(served.client, request(asOf))).members.totalCount,
        all: (await answer<MembersData>(served.client, { query: MEMBERS_AS_OF, variables: { id: target.districtId, asOf } })).members.totalCount,
      })),
    );
    notes.push(
      `${section} ${target.tag}: members on the books (whole district) ${recent}: ${fmt.int(sizes[0].all)}, ${back}: ${fmt.int(sizes[1].all)}; ` +
        `in the committee's subtree: ${fmt.int(sizes[0].committee)} and ${fmt.int(sizes[1].committee)}`,
    );
    const recentLatencies: number[] = [];
    const backLatencies: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      recentLatencies.push(...(await load(served, `asOf ${recent}`, request(recent))));
      backLatencies.push(...(await load(served, `asOf ${back}`, request(back))));
    }
    const near = summarize(recentLatencies);
    const far = summarize(backLatencies);
    const name = `${section}  members(committee subtree, 50), asOf −${yearsBack} y vs −1 y (${target.tag})`;
    const baseline = (ms: number): string => `${fmt.ms(ms)} (asOf ${recent})`;
    const rows: Row[] = [
      {
        name: `${name} p50 (n=${far.count}, ${near.count})`,
        figure: `${fmt.ms(far.p50)} (asOf ${back})`,
        baseline: baseline(near.p50),
        ratio: fmt.ratio(far.p50 / near.p50),
        target: `≈ 1× (≤ ${MAX_AS_OF_RATIO}×)`,
        pass: far.p50 / near.p50 <= MAX_AS_OF_RATIO,
      },
      {
        name: `${name} p99`,
        figure: `${fmt.ms(far.p99)} (asOf ${back})`,
        baseline: baseline(near.p99),
        ratio: fmt.ratio(far.p99 / near.p99),
        target: '',
        pass: undefined,
      },
    ];
    return { rows, recent: near };
  } finally {
    await served.close();
  }
}

/**
 * `knownAt` cold against warm, on a fresh server (nothing cached): one request for a moment
 * 1% along the log (the first knownAt request also reads the log's recorded times), then one
 * request each for moments never asked before (cold: replays the log up to them), then the
 * middle one repeated under load (warm), against the same query without knownAt (live).
 */
async function knownAtRows(section: string, target: Target, schema: GraphQLSchema): Promise<Row[]> {
  if (!acceptsKnownAt(schema)) {
    notes.push(`${section} not measured: the schema has no \`knownAt\` argument on Query.members yet`);
    return [{ name: `${section}  knownAt cold vs warm (${target.tag})`, figure: 'n/a', baseline: '', ratio: '', target: '', pass: undefined }];
  }
  progress(`${section} knownAt cold vs warm (${target.tag})`);
  const timeline = await recordedTimes(target.eventsPath);
  if (timeline.length === 0) throw new Error('the log has no domain events');
  const asOf = yearsAgo(1, new Date(`${target.today}T00:00:00Z`));
  const request = (knownAt: string | undefined): GraphqlRequest =>
    knownAt === undefined
      ? { query: MEMBERS_LIVE, variables: { id: target.committeeId, asOf } }
      : { query: MEMBERS_KNOWN_AT, variables: { id: target.committeeId, asOf, knownAt } };

  const served = await serveApp(target.eventsPath, target.readStore, schema, CONNECTIONS);
  try {
    // JIT and connections first, on the live read models.
    for (let index = 0; index < 100; index++) await answer<MembersData>(served.client, request(undefined));
    const builds = (): number | undefined => (served.app as unknown as { knownAt?: { buildCount?: number } }).knownAt?.buildCount;

    // The first knownAt request also reads the recorded time of every event in the log, once.
    const firstMoment = momentAt(timeline, FIRST_SHARE);
    const first = await timedAnswer(served, request(firstMoment));
    const rows: Row[] = [];
    const colds: { share: number; ms: number; events: number; members: number; built: number | undefined }[] = [];
    for (const share of COLD_SHARES) {
      const moment = momentAt(timeline, share);
      const buildsBefore = builds();
      const cold = await timedAnswer(served, request(moment));
      const after = builds();
      colds.push({
        share,
        ms: cold.ms,
        events: countUpTo(timeline, moment),
        members: cold.data.members.totalCount,
        built: after === undefined || buildsBefore === undefined ? undefined : after - buildsBefore,
      });
    }
    const warmMoment = momentAt(timeline, 0.5);
    const buildsBeforeWarm = builds();
    const warm = summarize(await load(served, 'knownAt warm', request(warmMoment)));
    const live = summarize(await load(served, 'live', request(undefined)));
    const buildsAfterWarm = builds();
    if (buildsAfterWarm !== undefined && buildsBeforeWarm !== undefined && buildsAfterWarm !== buildsBeforeWarm) {
      notes.push(`${section} the warm requests built ${buildsAfterWarm - buildsBeforeWarm} view(s): the warm figures include rebuilds`);
    }
    const unbuilt = colds.filter((cold) => cold.built !== undefined && cold.built !== 1);
    if (unbuilt.length > 0)
      notes.push(`${section} some cold requests did not build exactly one view: ${unbuilt.map((cold) => `${cold.share * 100}%: ${cold.built}`).join(', ')}`);

    notes.push(
      `${section} ${target.tag}: members(committee subtree, includeDescendants: true, asOf: ${asOf}, knownAt, first: 50) { totalCount edges { node { id } } }; ` +
        `knownAt = the recorded time of the event that far along the log (${fmt.int(timeline.length)} domain events); a fresh server, nothing cached`,
    );
    const name = `${section}  knownAt (${target.tag})`;
    const warmBaseline = `${fmt.ms(warm.p50)} (warm p50)`;
    rows.push({
      name: `${name} first request, ${FIRST_SHARE * 100}% (${fmt.int(countUpTo(timeline, firstMoment))} events; also reads the log's recorded times)`,
      figure: duration(first.ms),
      baseline: warmBaseline,
      ratio: fmt.ratio(first.ms / warm.p50),
      target: '',
      pass: undefined,
    });
    for (const cold of colds) {
      rows.push({
        name: `${name} cold, ${cold.share * 100}% (${fmt.int(cold.events)} events replayed; ${fmt.int(cold.members)} members)`,
        figure: duration(cold.ms),
        baseline: warmBaseline,
        ratio: fmt.ratio(cold.ms / warm.p50),
        target: '',
        pass: undefined,
      });
    }
    const mean = colds.reduce((sum, cold) => sum + cold.ms, 0) / colds.length;
    rows.push(
      {
        name: `${name} cold, mean of ${colds.length}`,
        figure: duration(mean),
        baseline: warmBaseline,
        ratio: fmt.ratio(mean / warm.p50),
        target: '',
        pass: undefined,
      },
      warmRow(`${name} warm, 50%, p50 (n=${warm.count})`, warm.p50, live.p50),
      warmRow(`${name} warm, 50%, p99`, warm.p99, live.p99),
    );
    return rows;
  } finally {
    await served.close();
  }
}

/** ms below 10 s, else seconds. */
function duration(ms: number): string {
  return ms < 10_000 ? fmt.ms(ms) : `${(ms / 1000).toFixed(1)} s`;
}

function warmRow(name: string, warmMs: number, liveMs: number): Row {
  return { name, figure: fmt.ms(warmMs), baseline: `${fmt.ms(liveMs)} (live, no knownAt)`, ratio: fmt.ratio(warmMs / liveMs), target: '', pass: undefined };
}

function acceptsKnownAt(schema: GraphQLSchema): boolean {
  return (
    schema
      .getQueryType()
      ?.getFields()
      ['members']?.args.some((arg) => arg.name === 'knownAt') ?? false
  );
}

/** The recorded time of every domain event, in log order (what the server's timeline selects from). */
async function recordedTimes(eventsPath: string): Promise<string[]> {
  const store = SqliteEventStore.open({ path: eventsPath, synchronous: 'NORMAL' });
  try {
    const times: string[] = [];
    let after: Position | undefined;
    for (;;) {
      const page = await store.readAll({ after, maxCount: 5_000 });
      if (page.length === 0) return times;
      for (const event of page) if (isDomainEvent(event)) times.push(event.metadata.recordedAt);
      after = page[page.length - 1].position;
    }
  } finally {
    await store.close();
  }
}

/** The recorded time of the event `share` of the way along the log. */
function momentAt(times: readonly string[], share: number): string {
  return times[Math.max(0, Math.ceil(times.length * share) - 1)];
}

function countUpTo(times: readonly string[], moment: string): number {
  return times.filter((at) => at <= moment).length;
}

async function targetOf(dataset: BuiltDataset, tag: string): Promise<Target> {
  const latest = await dataset.readStore
    .collection<EventIndexDocument>(EVENT_INDEX)
    .findOne({}, { sort: { effectiveDate: -1 }, projection: { _id: 1, effectiveDate: 1 } });
  if (latest === null) throw new Error('the dataset has no events');
  const active = await dataset.readStore.collection<UnitDocument>(UNITS).find({ status: 'ACTIVE' }, { projection: { _id: 1, level: 1, ancestors: 1 } });
  const district = active.find((unit) => unit.level === 'DISTRICT');
  const committees = active.filter((unit) => unit.level === 'COMMITTEE');
  if (!district || committees.length === 0) throw new Error('the dataset has no active district or committee');
  // As run.ts: the committee with the largest subtree.
  const subtree = (id: string): number => active.filter((unit) => unit.ancestors.includes(id)).length;
  const committee = committees.reduce((best, unit) => (subtree(unit._id) > subtree(best._id) ? unit : best));
  return { ...dataset, tag, today: latest.effectiveDate, committeeId: committee._id, districtId: district._id };
}

async function load(endpoint: Endpoint, name: string, request: GraphqlRequest): Promise<number[]> {
  const result = await runLoadInWorker(endpoint, request, LOAD);
  if (result.errors > 0) notes.push(`${name}: ${result.errors} of ${result.latenciesMs.length} requests failed, first: ${result.firstError}`);
  return result.latenciesMs;
}

async function answer<T>(client: GraphqlClient, request: GraphqlRequest): Promise<T> {
  const response = await client.post(request);
  if (response.status !== 200 || response.body.errors || response.body.data == null) {
    throw new Error(`HTTP ${response.status}: ${response.body.errors?.[0]?.message ?? 'no data'}`);
  }
  return response.body.data as T;
}

async function timedAnswer(served: ServedApp, request: GraphqlRequest): Promise<{ ms: number; data: MembersData }> {
  const start = now();
  const data = await answer<MembersData>(served.client, request);
  return { ms: now() - start, data };
}

async function section(rows: Row[], name: string, run: () => Promise<Row[]>): Promise<void> {
  try {
    rows.push(...(await run()));
  } catch (error) {
    rows.push(failed(name, error));
  }
}

function failed(name: string, error: unknown): Row {
  notes.push(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return { name: `${name}  history`, figure: 'error', baseline: '', ratio: '', target: '', pass: false };
}

function progress(step: string): void {
  process.stderr.write(`bench: ${step}…\n`);
}
