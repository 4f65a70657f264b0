import fs from 'node:fs';
import path from 'node:path';
import type { EventStore } from '../eventstore/eventStore';
import { EventStoreDbEventStore } from '../eventstore/eventstoredb/eventStoreDbEventStore';
import { SqliteEventStore } from '../eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../readstore/embedded/embeddedReadStore';
import { MongoReadStore } from '../readstore/mongodb/mongoReadStore';
import type { ReadStore } from '../readstore/readStore';
import { appraisalAggregate } from '../domain/assessments/appraisal.aggregate';
import { groupScoreAggregate } from '../domain/assessments/groupScore.aggregate';
import { awardAggregate } from '../domain/awards/award.aggregate';
import { duesAggregate } from '../domain/dues/dues.aggregate';
import { leadershipAggregate } from '../domain/leadership/leadership.aggregate';
import { attendanceFlagAggregate } from '../domain/meetings/attendanceFlag.aggregate';
import { meetingAggregate } from '../domain/meetings/meeting.aggregate';
import { memberAggregate } from '../domain/members/member.aggregate';
import { pairingAggregate } from '../domain/pairings/pairing.aggregate';
import { unitAggregate } from '../domain/units/unit.aggregate';
import { EVENT_INDEX, allProjections, type EventIndexDocument } from '../../projections';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import { AttendanceFlagCommands } from './meetings/attendanceFlagCommands';
import { AttendanceFlagReadFacts } from './meetings/attendanceFlagReadFacts';
import { AwardCommands } from './awards/awardCommands';
import { AwardRecipientStreamFacts } from './awards/awardRecipientStreamFacts';
import { AppraisalCommands } from './assessments/appraisalCommands';
import { AssessmentStreamFacts } from './assessments/assessmentStreamFacts';
import { GroupScoreCommands } from './assessments/groupScoreCommands';
import { DuesCommands } from './dues/duesCommands';
import { DuesMemberStreamFacts } from './dues/duesMemberStreamFacts';
import { CommandHandler } from './commands/commandHandler';
import { CommandPaths } from './commands/commandPath';
import { IdempotencyKeys } from './commands/idempotency';
import { LeadershipCommands } from './leadership/leadershipCommands';
import { OfficerCandidateStreamFacts } from './leadership/officerCandidateStreamFacts';
import { MemberCommands } from './members/memberCommands';
import { MemberStreamFacts } from './members/memberStreamFacts';
import { TransferReadFacts } from './members/transferReadFacts';
import { MutationRunner } from './commands/mutationRunner';
import { PairingCommands } from './pairings/pairingCommands';
import { PairingReadFacts } from './pairings/pairingReadFacts';
import { PartyStreamFacts } from './pairings/partyStreamFacts';
import { MeetingCommands } from './meetings/meetingCommands';
import { MeetingReadFacts } from './meetings/meetingReadFacts';
import { ReadModelCatchUp } from './commands/readModelCatchUp';
import { RetractionCommands } from './corrections/retractionCommands';
import { RetractionReadFacts } from './corrections/retractionReadFacts';
import { retractionStreams } from './corrections/retractionStreams';
import { UnitCommands } from './units/unitCommands';
import { UnitReadFacts } from './units/unitReadFacts';
import { UnitStreamFacts } from './units/unitStreamFacts';
import { KnownAtViews } from './projector/knownAtViews';
import { Projector, type ProjectorOptions } from './projector/projector';
import { createQuerySet, type QuerySet } from './queries/querySet';
import { SubscriptionHub } from './subscriptions/subscriptionHub';
import { TransferExpiry } from './members/transferExpiry';
import { AttendanceFlagWatcher } from './meetings/attendanceFlagWatcher';

/** The wired application; its query services (`QuerySet`) answer from the live read models. */
export interface OrgtrackApp extends QuerySet {
  clock: Clock;
  eventStore: EventStore;
  /** The live read models; the history views build copies of them for `knownAt`. */
  readStore: ReadStore;
  projector: Projector;
  hub: SubscriptionHub;
  units: UnitCommands;
  members: MemberCommands;
  pairings: PairingCommands;
  awards: AwardCommands;
  leadership: LeadershipCommands;
  groupScores: GroupScoreCommands;
  dues: DuesCommands;
  appraisals: AppraisalCommands;
  meetings: MeetingCommands;
  retractions: RetractionCommands;
  /** The read models as recorded at an earlier moment (`knownAt`), replayed on demand. */
  knownAt: KnownAtViews;
  transferExpiry: TransferExpiry;
  attendanceFlags: AttendanceFlagCommands;
  /** Records attendance flag changes; started by `serve` (or a test), not here. */
  attendanceFlagWatcher: AttendanceFlagWatcher;
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  /** Use these stores instead of the configured ones (tests, benchmarks). */
  eventStore?: EventStore;
  readStore?: ReadStore;
  projector?: Omit<ProjectorOptions, 'onError'>;
  onProjectionError?: (error: unknown) => void;
}

export async function openEventStore(config: Config): Promise<EventStore> {
  if (config.eventStoreUrl) return EventStoreDbEventStore.connect(config.eventStoreUrl);
  fs.mkdirSync(config.dataDir, { recursive: true });
  return SqliteEventStore.open({ path: path.join(config.dataDir, 'events.sqlite'), synchronous: config.sqliteSynchronous });
}

export async function openReadStore(config: Config): Promise<ReadStore> {
  return config.mongoUrl ? MongoReadStore.connect(config.mongoUrl) : new EmbeddedReadStore();
}

/** The composition root: builds every part once and starts the projector. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<OrgtrackApp> {
  const clock = options.clock ?? systemClock(config.timeZone);
  const eventStore = options.eventStore ?? (await openEventStore(config));
  const readStore = options.readStore ?? (await openReadStore(config));
  const projector = new Projector(eventStore, readStore, allProjections, { ...options.projector, onError: options.onProjectionError });
  await projector.start();
  const hub = new SubscriptionHub(readStore.collection<EventIndexDocument>(EVENT_INDEX), projector);

  const paths = new CommandPaths(new CommandHandler(eventStore, clock));
  const runner = new MutationRunner(new IdempotencyKeys(eventStore, clock), projector, clock);
  const unitStreamFacts = new UnitStreamFacts(eventStore);
  const readModels = new ReadModelCatchUp(projector);
  const queries = createQuerySet(readStore, config.duesPolicy);
  const knownAt = new KnownAtViews(eventStore, allProjections, queries, {
    capacity: config.knownAtCacheSize,
    createStore: () => new EmbeddedReadStore(),
    queriesOver: (store) => createQuerySet(store, config.duesPolicy),
  });
  const memberStreamFacts = new MemberStreamFacts(eventStore);
  const assessmentStreamFacts = new AssessmentStreamFacts(memberStreamFacts, unitStreamFacts);
  const members = new MemberCommands(
    runner,
    paths.of(memberAggregate),
    unitStreamFacts,
    new TransferReadFacts(readStore),
    readModels,
    config.transferExpiryDays,
  );
  const transferExpiry = new TransferExpiry(readStore, projector, members, clock);
  const attendanceFlags = new AttendanceFlagCommands(runner, paths.of(attendanceFlagAggregate), new AttendanceFlagReadFacts(readStore, readModels));
  const attendanceFlagWatcher = new AttendanceFlagWatcher({ readStore, projector, flags: queries.attendanceFlagQueries, commands: attendanceFlags, clock });

  return {
    ...queries,
    clock,
    eventStore,
    projector,
    hub,
    units: new UnitCommands(runner, paths.of(unitAggregate), unitStreamFacts, new UnitReadFacts(readStore), readModels),
    members,
    pairings: new PairingCommands(
      runner,
      paths.of(pairingAggregate),
      new PartyStreamFacts(memberStreamFacts, unitStreamFacts),
      new PairingReadFacts(readStore),
      readModels,
    ),
    awards: new AwardCommands(runner, paths.of(awardAggregate), unitStreamFacts, new AwardRecipientStreamFacts(memberStreamFacts, unitStreamFacts)),
    leadership: new LeadershipCommands(
      runner,
      paths.of(leadershipAggregate),
      unitStreamFacts,
      new OfficerCandidateStreamFacts(memberStreamFacts, unitStreamFacts),
    ),
    groupScores: new GroupScoreCommands(runner, paths.of(groupScoreAggregate), assessmentStreamFacts),
    dues: new DuesCommands(runner, paths.of(duesAggregate), new DuesMemberStreamFacts(memberStreamFacts), config.duesPolicy),
    appraisals: new AppraisalCommands(runner, paths.of(appraisalAggregate), assessmentStreamFacts),
    meetings: new MeetingCommands(runner, paths.of(meetingAggregate), unitStreamFacts, new MeetingReadFacts(readStore, readModels)),
    knownAt,
    retractions: new RetractionCommands(runner, paths.of(retractionStreams), new RetractionReadFacts(readStore, readModels)),
    transferExpiry,
    attendanceFlags,
    attendanceFlagWatcher,
    async close() {
      transferExpiry.stop();
      await attendanceFlagWatcher.stop();
      hub.close();
      await projector.stop();
      await knownAt.close();
      await eventStore.close();
      await readStore.close();
    },
  };
}
