import path from 'node:path';
import Database from 'better-sqlite3';
import type { GraphQLSchema } from 'graphql';
import { EVENT_INDEX, UNITS, type EventIndexDocument, type UnitDocument } from '../projections';
import type { EmbeddedReadStore } from '../src/readstore/embedded/embeddedReadStore';
import type { Collection } from '../src/readstore/readStore';
import { DEMO } from './demoData';
import { historyDataset } from './historyData';
import type { GraphqlRequest } from './httpLoad';
import { rebuildReadModels } from './rebuildReadModels';
import { fmt, notes, type Row } from './report';
import { serveApp, type ServedApp } from './serveApp';
import { now, percentile, yearsAgo } from './stats';

/** Measured retractions of each kind on each log, one per round. */
const ROUNDS = 6;
/** Command round trips per round on each log: ROUNDS × this is the baseline's sample. */
const COMMANDS_PER_ROUND = 4;
/** Unmeasured command round trips first on each server (JIT, connections). */
const WARMUP_COMMANDS = 10;
/** The demo figures against the command round trip: at most this at the median. */
const MAX_VS_COMMAND = 20;
/** The 10×-history figures against the demo's: at most this at the median. */
const MAX_VS_DEMO = 1.5;
/** How old the transfers retracted are, in years before the log's latest effective date. */
const TRANSFER_AGE_YEARS = 5;
/** Transfers further than this from that date are not tried. */
const MAX_DAYS_OFF = 365;
/** Candidates tried per kind and log before giving up (most refusals are HAS_DEPENDENTS). */
const MAX_TRIES = 400;
const REASON = 'Recorded in error (bench)';

const RENAME = `mutation($input: RenameUnitInput!) { renameUnit(input: $input) { position } }`;
const UNIT_READ = `query($id: ID!, $p: String) { unit(id: $id, minPosition: $p) { id name } }`;
const RETRACT = `mutation($input: RetractEventInput!) { retractEvent(input: $input) { position } }`;
const MEMBER_READ = `query($id: ID!, $p: String) { member(id: $id, minPosition: $p) { id name } }`;
/** Untimed checks after each sample: the transfer is gone from the member's place on its date, the payment from the period. */
const TRANSFER_CHECK = `query($id: ID!, $asOf: Date) { member(id: $id, asOf: $asOf) { branch { id } } }`;
const PAYMENT_CHECK = `query($id: ID!, $period: String) { member(id: $id) { dues(from: $period, to: $period) { payments { id } } } }`;

type Kind = 'transfer' | 'payment';

interface Candidate {
  eventId: string;
  memberId: string;
  effectiveDate: string;
  /** TransferAccepted: the branch the member stays in once it is retracted. */
  fromBranchId?: string;
  /** DuesPaid: the payment's own id (`DuesPaymentRecord.id` may be either). */
  paymentId?: string;
  period?: string;
}

/** A copy of one log, its read models, served; with what was measured on it. */
interface Target {
  tag: string;
  served: ServedApp;
  readStore: EmbeddedReadStore;
  events: number;
  today: string;
  groupId: string;
  groupName: string;
  renames: number;
  candidates: Record<Kind, Candidate[]>;
  /** Index of the next candidate to try, per kind. */
  next: Record<Kind, number>;
  refused: Record<Kind, Map<string, number>>;
  commandMs: number[];
  retractionMs: Record<Kind, number[]>;
  retractedDates: Record<Kind, string[]>;
  /** Samples after which the projector had not made exactly one targeted correction and no rebuild. */
  untargeted: Record<Kind, number>;
  /** Samples whose answer, read afterwards, still showed the retracted event. */
  wrong: Record<Kind, number>;
  /** Per measured sample: events in the streams the correction replays (as the event index had them before). */
  scopes: Record<Kind, number[]>;
}

/**
 * Figure 9: corrections. Over GraphQL HTTP against a served app on a copy of the log (the
 * retractions are written to it; the cached dataset is never touched): `retractEvent` of a
 * `TransferAccepted` about five years old and of one of the latest `DuesPaid`, timed from
 * sending the mutation to the answer of a query with `minPosition` = the retraction's position,
 * against the same round trip for an ordinary one-event command (a group renamed back and
 * forth, then `unit(minPosition)`). Candidates are tried from the closest to the date until
 * one is accepted (most old transfers are refused: RETRACTION.HAS_DEPENDENTS). Every sample
 * must have been a targeted correction (projector.correctionCount up by one, rebuildCount 0).
 * With `x10`, the same on a copy of the 10×-history log, rounds alternating between the two
 * servers. `node dist/bench/run.js --only corrections [--history-x10]`.
 */
export async function benchCorrections(
  demoEventsPath: string,
  schema: GraphQLSchema,
  options: { x10: boolean; scratchDir: string; tag: string },
): Promise<Row[]> {
  const started = now();
  const targets: Target[] = [];
  try {
    targets.push(await prepare(demoEventsPath, path.join(options.scratchDir, 'corrections-demo.sqlite'), options.tag, schema));
    let longFailed: Row | undefined;
    if (options.x10) {
      try {
        const dataset = await historyDataset();
        const factor = dataset.sizes.years / DEMO.years;
        targets.push(
          await prepare(dataset.eventsPath, path.join(options.scratchDir, 'corrections-x10.sqlite'), `${factor}× history, ${dataset.sizes.years} y`, schema),
        );
      } catch (error) {
        // The demo rows still stand.
        notes.push(`9b failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        longFailed = { name: '9b  corrections on the 10× history', figure: 'error', baseline: '', ratio: '', target: '', pass: false };
      }
    } else {
      notes.push('9b (10× history) not run: add --history-x10');
    }
    for (const target of targets) {
      for (let index = 0; index < WARMUP_COMMANDS; index++) await commandRoundTrip(target);
      // One retraction of each kind unmeasured, as the commands are warmed up: the first runs the correction code cold.
      for (const kind of ['transfer', 'payment'] as const) await retraction(target, kind);
    }
    for (let round = 0; round < ROUNDS; round++) {
      progress(`9 corrections: round ${round + 1}/${ROUNDS}`);
      for (const target of targets) {
        for (let index = 0; index < COMMANDS_PER_ROUND; index++) target.commandMs.push(await commandRoundTrip(target));
        for (const kind of ['transfer', 'payment'] as const) {
          const ms = await retraction(target, kind);
          if (ms !== undefined) target.retractionMs[kind].push(ms);
        }
      }
    }
    for (const target of targets) describeTarget(target);
    notes.push(`9  took ${Math.round((now() - started) / 1000)} s (copies, read models, ${ROUNDS} rounds)`);
    return longFailed === undefined ? rows(targets) : [...rows(targets), longFailed];
  } finally {
    for (const target of targets) {
      await target.served.close();
      await target.readStore.close();
    }
  }
}

/** Copies the log (SQLite backup: a consistent copy whatever its WAL holds), builds its read models, serves them. */
async function prepare(sourcePath: string, copyPath: string, tag: string, schema: GraphQLSchema): Promise<Target> {
  progress(`9 corrections: copying and building the read models of ${tag}`);
  const source = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    await source.backup(copyPath);
  } finally {
    source.close();
  }
  const built = await rebuildReadModels(copyPath);
  try {
    const index = built.readStore.collection<EventIndexDocument>(EVENT_INDEX);
    const latest = await index.findOne({}, { sort: { effectiveDate: -1 }, projection: { effectiveDate: 1 } });
    if (latest === null) throw new Error(`the ${tag} log has no events`);
    const group = await built.readStore.collection<UnitDocument>(UNITS).findOne({ level: 'GROUP', status: 'ACTIVE' }, { projection: { _id: 1, name: 1 } });
    if (group === null) throw new Error(`the ${tag} log has no active group`);
    const candidates = await candidatesOf(index, latest.effectiveDate);
    const served = await serveApp(copyPath, built.readStore, schema, 1);
    return {
      tag,
      served,
      readStore: built.readStore,
      events: built.events,
      today: latest.effectiveDate,
      groupId: group._id,
      groupName: group.name,
      renames: 0,
      candidates,
      next: { transfer: 0, payment: 0 },
      refused: { transfer: new Map(), payment: new Map() },
      commandMs: [],
      retractionMs: { transfer: [], payment: [] },
      retractedDates: { transfer: [], payment: [] },
      untargeted: { transfer: 0, payment: 0 },
      wrong: { transfer: 0, payment: 0 },
      scopes: { transfer: [], payment: [] },
    };
  } catch (error) {
    await built.readStore.close();
    throw error;
  }
}

/**
 * Standing transfers from the closest to TRANSFER_AGE_YEARS before the log's latest date (within
 * MAX_DAYS_OFF), and standing payments from the latest, one per member.
 */
async function candidatesOf(events: Collection<EventIndexDocument>, today: string): Promise<Record<Kind, Candidate[]>> {
  const standing = { retractedBy: { $exists: false } };
  const aim = Date.parse(`${yearsAgo(TRANSFER_AGE_YEARS, new Date(`${today}T00:00:00Z`))}T00:00:00Z`);
  const daysOff = (date: string): number => Math.abs(Date.parse(`${date}T00:00:00Z`) - aim) / 86_400_000;
  const transfers = (await events.find({ type: 'TransferAccepted', ...standing }))
    .filter((event) => daysOff(event.effectiveDate) <= MAX_DAYS_OFF)
    .sort((a, b) => daysOff(a.effectiveDate) - daysOff(b.effectiveDate) || (a._id < b._id ? -1 : 1))
    .map((event) => ({
      eventId: event.eventId,
      memberId: String(event.data.memberId),
      effectiveDate: event.effectiveDate,
      fromBranchId: String(event.data.fromBranchId),
    }));
  const members = new Set<string>();
  const payments: Candidate[] = [];
  for (const event of (await events.find({ type: 'DuesPaid', ...standing })).sort((a, b) =>
    a.effectiveDate === b.effectiveDate ? (a._id < b._id ? 1 : -1) : a.effectiveDate < b.effectiveDate ? 1 : -1,
  )) {
    const memberId = String(event.data.memberId);
    if (members.has(memberId)) continue;
    members.add(memberId);
    payments.push({
      eventId: event.eventId,
      memberId,
      effectiveDate: event.effectiveDate,
      paymentId: String(event.data.paymentId),
      period: String(event.data.period),
    });
  }
  return { transfer: transfers, payment: payments };
}

/** renameUnit (the group's name and back, alternately), then `unit(minPosition)`: ms. */
async function commandRoundTrip(target: Target): Promise<number> {
  const name = target.renames++ % 2 === 0 ? `${target.groupName} (bench)` : target.groupName;
  const start = now();
  const { renameUnit } = await answer<{ renameUnit: { position: string } }>(target.served, {
    query: RENAME,
    variables: { input: { unitId: target.groupId, name } },
  });
  const read = await answer<{ unit: { name: string } | null }>(target.served, { query: UNIT_READ, variables: { id: target.groupId, p: renameUnit.position } });
  const ms = now() - start;
  if (read.unit?.name !== name) throw new Error(`${target.tag}: unit(minPosition) answered ${read.unit?.name} after the rename to ${name}`);
  return ms;
}

/**
 * The next candidate of this kind that is accepted: ms from sending retractEvent to the answer
 * of `member(minPosition)`; undefined when no candidate is left. Refused candidates are counted.
 */
async function retraction(target: Target, kind: Kind): Promise<number | undefined> {
  const { served } = target;
  const projector = served.app.projector;
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const candidate = target.candidates[kind][target.next[kind]++];
    if (candidate === undefined) return undefined;
    const scope = await scopeSize(target, candidate);
    const corrections = projector.correctionCount;
    const rebuilds = projector.rebuildCount;
    const start = now();
    const sent = await served.client.post({ query: RETRACT, variables: { input: { eventId: candidate.eventId, reason: REASON } } });
    const extensions: Record<string, unknown> = sent.body.errors?.[0]?.extensions ?? {};
    if (extensions.code === 'RULE_VIOLATION') {
      const reason = typeof extensions.reason === 'string' ? extensions.reason : 'RULE_VIOLATION';
      target.refused[kind].set(reason, (target.refused[kind].get(reason) ?? 0) + 1);
      continue;
    }
    const { retractEvent } = data<{ retractEvent: { position: string } }>(sent);
    await answer(served, { query: MEMBER_READ, variables: { id: candidate.memberId, p: retractEvent.position } });
    const ms = now() - start;
    if (projector.correctionCount !== corrections + 1 || projector.rebuildCount !== rebuilds) target.untargeted[kind]++;
    if (!(await retracted(target, kind, candidate))) target.wrong[kind]++;
    target.retractedDates[kind].push(candidate.effectiveDate);
    target.scopes[kind].push(scope);
    return ms;
  }
  return undefined;
}

/**
 * How much a correction of this event replays, read from the event index as the projector's
 * TargetedCorrection chooses for an event about a member: the events of every stream with an
 * event about the member (the member's life, its dues, the meetings it attended…).
 */
async function scopeSize(target: Target, candidate: Candidate): Promise<number> {
  const index = target.readStore.collection<EventIndexDocument>(EVENT_INDEX);
  const streams = new Set((await index.find({ memberIds: candidate.memberId }, { projection: { stream: 1 } })).map((event) => event.stream));
  return index.countDocuments({ stream: { $in: [...streams] } });
}

/** Whether the read models, asked afterwards, no longer show the retracted event. */
async function retracted(target: Target, kind: Kind, candidate: Candidate): Promise<boolean> {
  if (kind === 'transfer') {
    const { member } = await answer<{ member: { branch: { id: string } | null } | null }>(target.served, {
      query: TRANSFER_CHECK,
      variables: { id: candidate.memberId, asOf: candidate.effectiveDate },
    });
    return member?.branch?.id === candidate.fromBranchId;
  }
  const { member } = await answer<{ member: { dues: { payments: { id: string }[] }[] } | null }>(target.served, {
    query: PAYMENT_CHECK,
    variables: { id: candidate.memberId, period: candidate.period },
  });
  if (member === null) return false;
  return member.dues.every((month) => month.payments.every((payment) => payment.id !== candidate.eventId && payment.id !== candidate.paymentId));
}

function describeTarget(target: Target): void {
  const { app } = target.served;
  const refusals = (kind: Kind): string =>
    target.refused[kind].size === 0 ? 'none refused' : `refused: ${[...target.refused[kind]].map(([reason, count]) => `${count} ${reason}`).join(', ')}`;
  const dates = (kind: Kind): string => {
    const sorted = [...target.retractedDates[kind]].sort();
    return sorted.length === 0 ? 'none' : `${sorted[0]} to ${sorted[sorted.length - 1]}`;
  };
  notes.push(
    `9  ${target.tag} (${fmt.int(target.events)} events, latest effective date ${target.today}): ` +
      `transfers retracted (effective ${dates('transfer')}; ${refusals('transfer')}; ${target.candidates.transfer.length} standing within ${MAX_DAYS_OFF} days of −${TRANSFER_AGE_YEARS} y), ` +
      `payments (effective ${dates('payment')}; ${refusals('payment')}); ` +
      `events replayed per correction (median): transfers ${fmt.int(stats(target.scopes.transfer).median)}, payments ${fmt.int(stats(target.scopes.payment).median)}; ` +
      `projector after the run: ${app.projector.correctionCount} targeted corrections, ${app.projector.rebuildCount} rebuilds (the first retraction of each kind unmeasured)`,
  );
  for (const kind of ['transfer', 'payment'] as const) {
    const samples = target.retractionMs[kind].map((ms, sample) => `${Math.round(ms)}/${target.scopes[kind][sample]}`);
    notes.push(`9  ${target.tag}: ${kind} retractions in order, ms/events replayed: ${samples.join(', ')}`);
    if (target.untargeted[kind] > 0) notes.push(`9  ${target.tag}: ${target.untargeted[kind]} ${kind} retraction(s) were not exactly one targeted correction`);
    if (target.wrong[kind] > 0) notes.push(`9  ${target.tag}: after ${target.wrong[kind]} ${kind} retraction(s) the read models still showed the event`);
    if (target.retractionMs[kind].length < ROUNDS)
      notes.push(`9  ${target.tag}: only ${target.retractionMs[kind].length} of ${ROUNDS} ${kind} retractions accepted`);
  }
}

function rows(targets: readonly Target[]): Row[] {
  const [demo, long] = targets;
  const rows: Row[] = [];
  const label: Record<Kind, string> = {
    transfer: `retractEvent(TransferAccepted ~${TRANSFER_AGE_YEARS} y old) → member(minPosition)`,
    payment: 'retractEvent(latest DuesPaid) → member(minPosition)',
  };
  const command = stats(demo.commandMs);
  const commandLabel = (value: number): string => `${fmt.ms(value)} (renameUnit → unit(minPosition), n=${command.count})`;
  for (const kind of ['transfer', 'payment'] as const) {
    const figure = stats(demo.retractionMs[kind]);
    const ok = demo.untargeted[kind] === 0 && demo.wrong[kind] === 0 && figure.count > 0;
    rows.push(
      {
        name: `9a  ${label[kind]} (${demo.tag}), median (n=${figure.count})`,
        figure: fmt.ms(figure.median),
        baseline: commandLabel(command.median),
        ratio: fmt.ratio(figure.median / command.median),
        target: `≤ ${MAX_VS_COMMAND}× a command`,
        pass: ok && figure.median / command.median <= MAX_VS_COMMAND,
      },
      {
        name: `9a  ${label[kind]} (${demo.tag}), p90`,
        figure: fmt.ms(figure.p90),
        baseline: commandLabel(command.p90),
        ratio: fmt.ratio(figure.p90 / command.p90),
        target: '',
        pass: undefined,
      },
    );
  }
  if (long === undefined) return rows;
  for (const kind of ['transfer', 'payment'] as const) {
    const figure = stats(long.retractionMs[kind]);
    const baseline = stats(demo.retractionMs[kind]);
    const ok = long.untargeted[kind] === 0 && long.wrong[kind] === 0 && figure.count > 0;
    rows.push(
      {
        name: `9b  ${label[kind]}, ${long.tag} vs ${demo.tag}, median (n=${figure.count})`,
        figure: fmt.ms(figure.median),
        baseline: `${fmt.ms(baseline.median)} (9a, same rounds)`,
        ratio: fmt.ratio(figure.median / baseline.median),
        target: `≤ ${MAX_VS_DEMO}× the demo`,
        pass: ok && figure.median / baseline.median <= MAX_VS_DEMO,
      },
      {
        name: `9b  ${label[kind]}, ${long.tag} vs ${demo.tag}, p90`,
        figure: fmt.ms(figure.p90),
        baseline: `${fmt.ms(baseline.p90)} (9a)`,
        ratio: fmt.ratio(figure.p90 / baseline.p90),
        target: '',
        pass: undefined,
      },
    );
  }
  const longCommand = stats(long.commandMs);
  rows.push({
    name: `9b  renameUnit → unit(minPosition), ${long.tag} vs ${demo.tag}, median (n=${longCommand.count})`,
    figure: fmt.ms(longCommand.median),
    baseline: `${fmt.ms(command.median)} (demo)`,
    ratio: fmt.ratio(longCommand.median / command.median),
    target: '(reference)',
    pass: undefined,
  });
  return rows;
}

/** Median (mean of the two middle values for an even count) and p90 (nearest rank). */
function stats(values: readonly number[]): { count: number; median: number; p90: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length === 0 ? Number.NaN : sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { count: sorted.length, median, p90: percentile(sorted, 90) };
}

async function answer<T>(served: ServedApp, request: GraphqlRequest): Promise<T> {
  return data<T>(await served.client.post(request));
}

function data<T>(response: Awaited<ReturnType<ServedApp['client']['post']>>): T {
  if (response.status !== 200 || response.body.errors || response.body.data == null) {
    const error = response.body.errors?.[0];
    throw new Error(`HTTP ${response.status}: ${error?.extensions?.code ?? ''} ${error?.message ?? 'no data'}`);
  }
  return response.body.data as T;
}

function progress(step: string): void {
  process.stderr.write(`bench: ${step}…\n`);
}
