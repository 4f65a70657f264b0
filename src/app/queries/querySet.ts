import type { ReadStore } from '../../readstore/readStore';
import type { DuesPolicy } from '../../domain/dues/duesPolicy';
import { AppraisalQueries } from './appraisalQueries';
import { AttendanceFlagQueries } from './attendanceFlagQueries';
import { AwardQueries } from './awardQueries';
import { DuesArrearsQueries } from './duesArrearsQueries';
import { DuesQueries } from './duesQueries';
import { EventQueries } from './eventQueries';
import { GroupScoreQueries } from './groupScoreQueries';
import { LeadershipQueries } from './leadershipQueries';
import { MeetingComplianceQueries } from './meetingComplianceQueries';
import { MeetingQueries } from './meetingQueries';
import { MemberQueries } from './memberQueries';
import { ObligationQueries } from './obligationQueries';
import { PairingQueries } from './pairingQueries';
import { UnitQueries } from './unitQueries';

/**
 * Every query service over one set of read models: the live ones, or an ephemeral copy built
 * from the log as it was recorded at some moment (`knownAt`). The same code answers both.
 */
export interface QuerySet {
  readStore: ReadStore;
  unitQueries: UnitQueries;
  memberQueries: MemberQueries;
  eventQueries: EventQueries;
  pairingQueries: PairingQueries;
  awardQueries: AwardQueries;
  leadershipQueries: LeadershipQueries;
  groupScoreQueries: GroupScoreQueries;
  duesQueries: DuesQueries;
  appraisalQueries: AppraisalQueries;
  meetingQueries: MeetingQueries;
  attendanceFlagQueries: AttendanceFlagQueries;
  meetingComplianceQueries: MeetingComplianceQueries;
  obligationQueries: ObligationQueries;
}

export function createQuerySet(readStore: ReadStore, duesPolicy: DuesPolicy): QuerySet {
  const unitQueries = new UnitQueries(readStore);
  const memberQueries = new MemberQueries(readStore, unitQueries);
  const leadershipQueries = new LeadershipQueries(readStore);
  const duesQueries = new DuesQueries(readStore, unitQueries, duesPolicy);
  const meetingComplianceQueries = new MeetingComplianceQueries(readStore, unitQueries);
  return {
    readStore,
    unitQueries,
    memberQueries,
    eventQueries: new EventQueries(readStore),
    pairingQueries: new PairingQueries(readStore),
    awardQueries: new AwardQueries(readStore),
    leadershipQueries,
    groupScoreQueries: new GroupScoreQueries(readStore, unitQueries),
    duesQueries,
    appraisalQueries: new AppraisalQueries(readStore),
    meetingQueries: new MeetingQueries(readStore),
    attendanceFlagQueries: new AttendanceFlagQueries(readStore, unitQueries),
    meetingComplianceQueries,
    obligationQueries: new ObligationQueries(
      readStore,
      unitQueries,
      memberQueries,
      leadershipQueries,
      meetingComplianceQueries,
      new DuesArrearsQueries(readStore, duesQueries),
    ),
  };
}
