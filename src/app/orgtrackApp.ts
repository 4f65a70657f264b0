import fs from 'node:fs';
import path from 'node:path';
import type { EventStore } from '../eventstore/eventStore';
import { EventStoreDbEventStore } from '../eventstore/eventstoredb/eventStoreDbEventStore';
import { SqliteEventStore } from '../eventstore/sqlite/sqliteEventStore';
import { EmbeddedReadStore } from '../readstore/embedded/embeddedReadStore';
import { MongoReadStore } from '../readstore/mongodb/mongoReadStore';
import type { ReadStore } from '../readstore/readStore';
import { EVENT_INDEX, allProjections, type EventIndexDocument } from '../../projections';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import { AwardCommands } from './commands/awardCommands';
import { AwardRecipients } from './commands/awardRecipients';
import { AppraisalCommands } from './commands/appraisalCommands';
import { AssessmentFacts } from './commands/assessmentFacts';
import { GroupScoreCommands } from './commands/groupScoreCommands';
import { DuesCommands } from './commands/duesCommands';
import { DuesFacts } from './commands/duesFacts';
import { CommandHandler } from './commands/commandHandler';
import { IdempotencyKeys } from './commands/idempotency';
import { LeadershipCommands } from './commands/leadershipCommands';
import { OfficerCandidates } from './commands/officerCandidates';
import { MemberCommands } from './commands/memberCommands';
import { MutationRunner } from './commands/mutationRunner';
import { PairingCommands } from './commands/pairingCommands';
import { PairingReadFacts } from './commands/pairingReadFacts';
import { PartyFacts } from './commands/partyFacts';
import { MeetingCommands } from './commands/meetingCommands';
import { MeetingReadFacts } from './commands/meetingReadFacts';
import { ReadModelFacts } from './commands/readModelFacts';
import { RetractionCommands } from './commands/retractionCommands';
import { RetractionFacts } from './commands/retractionFacts';
import { UnitCommands } from './commands/unitCommands';
import { UnitFacts } from './commands/unitFacts';
import { Projector, type ProjectorOptions } from './projector/projector';
import { AwardQueries } from './queries/awardQueries';
import { AppraisalQueries } from './queries/appraisalQueries';
import { GroupScoreQueries } from './queries/groupScoreQueries';
import { DuesQueries } from './queries/duesQueries';
import { AttendanceFlagQueries } from './queries/attendanceFlagQueries';
import { MeetingComplianceQueries } from './queries/meetingComplianceQueries';
import { ObligationQueries } from './queries/obligationQueries';
import { DuesArrearsQueries } from './queries/duesArrearsQueries';
import { EventQueries } from './queries/eventQueries';
import { LeadershipQueries } from './queries/leadershipQueries';
import { MemberQueries } from './queries/memberQueries';
import { PairingQueries } from './queries/pairingQueries';
import { UnitQueries } from './queries/unitQueries';
import { SubscriptionHub } from './subscriptions/subscriptionHub';
import { TransferExpiry } from './transferExpiry';

/** The wired application: stores, projector, commands and queries. Built only in `createApp`. */
export interface OrgtrackApp {
  clock: Clock;
  eventStore: EventStore;
  readStore: ReadStore;
  projector: Projector;
  hub: SubscriptionHub;
  units: UnitCommands;
  members: MemberCommands;
  unitQueries: UnitQueries;
  memberQueries: MemberQueries;
  eventQueries: EventQueries;
  pairings: PairingCommands;
  pairingQueries: PairingQueries;
  awards: AwardCommands;
  awardQueries: AwardQueries;
  leadership: LeadershipCommands;
  leadershipQueries: LeadershipQueries;
  groupScores: GroupScoreCommands;
  groupScoreQueries: GroupScoreQueries;
  dues: DuesCommands;
  duesQueries: DuesQueries;
  appraisals: AppraisalCommands;
  appraisalQueries: AppraisalQueries;
  meetings: MeetingCommands;
  attendanceFlagQueries: AttendanceFlagQueries;
  meetingComplianceQueries: MeetingComplianceQueries;
  obligationQueries: ObligationQueries;
  retractions: RetractionCommands;
  transferExpiry: TransferExpiry;
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

  const handler = new CommandHandler(eventStore, clock);
  const runner = new MutationRunner(handler, new IdempotencyKeys(eventStore, clock), projector, clock);
  const unitFacts = new UnitFacts(eventStore);
  const readModelFacts = new ReadModelFacts(readStore, projector);
  const unitQueries = new UnitQueries(readStore);
  const assessmentFacts = new AssessmentFacts(eventStore, unitFacts);
  const members = new MemberCommands(runner, unitFacts, readModelFacts, config.transferExpiryDays);
  const transferExpiry = new TransferExpiry(readStore, projector, members, clock);

  return {
    clock,
    eventStore,
    readStore,
    projector,
    hub,
    units: new UnitCommands(runner, unitFacts, readModelFacts),
    members,
    unitQueries,
    memberQueries: new MemberQueries(readStore, unitQueries),
    eventQueries: new EventQueries(readStore),
    pairings: new PairingCommands(runner, new PartyFacts(eventStore, unitFacts), new PairingReadFacts(readStore), readModelFacts),
    pairingQueries: new PairingQueries(readStore),
    awards: new AwardCommands(runner, unitFacts, new AwardRecipients(eventStore, unitFacts)),
    awardQueries: new AwardQueries(readStore),
    leadership: new LeadershipCommands(runner, unitFacts, new OfficerCandidates(eventStore, unitFacts)),
    leadershipQueries: new LeadershipQueries(readStore),
    groupScores: new GroupScoreCommands(runner, assessmentFacts),
    groupScoreQueries: new GroupScoreQueries(readStore, unitQueries),
    dues: new DuesCommands(runner, new DuesFacts(eventStore), config.duesPolicy),
    duesQueries: new DuesQueries(readStore, unitQueries, config.duesPolicy),
    appraisals: new AppraisalCommands(runner, assessmentFacts),
    appraisalQueries: new AppraisalQueries(readStore),
    meetings: new MeetingCommands(runner, unitFacts, new MeetingReadFacts(readStore, readModelFacts)),
    attendanceFlagQueries: new AttendanceFlagQueries(readStore, unitQueries),
    meetingComplianceQueries: new MeetingComplianceQueries(readStore, unitQueries),
    obligationQueries: new ObligationQueries(readStore, unitQueries, new MemberQueries(readStore, unitQueries), new LeadershipQueries(readStore), new MeetingComplianceQueries(readStore, unitQueries), new DuesArrearsQueries(readStore, new DuesQueries(readStore, unitQueries, config.duesPolicy))),
    retractions: new RetractionCommands(runner, new RetractionFacts(readStore, readModelFacts)),
    transferExpiry,
    async close() {
      transferExpiry.stop();
      hub.close();
      await projector.stop();
      await eventStore.close();
      await readStore.close();
    },
  };
}
