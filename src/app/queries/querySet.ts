import type { ReadStore } from '../../readstore/readStore';
import type { DuesPolicy } from '../../domain/dues/duesPolicy';
import { AppraisalQueries } from '../assessments/appraisalQueries';
import { AttendanceFlagQueries } from '../meetings/attendanceFlagQueries';
import { AwardQueries } from '../awards/awardQueries';
import { DuesArrearsQueries } from '../dues/duesArrearsQueries';
import { DuesQueries } from '../dues/duesQueries';
import { EventQueries } from '../eventLog/eventQueries';
import { GroupScoreQueries } from '../assessments/groupScoreQueries';
import { LeadershipQueries } from '../leadership/leadershipQueries';
import { MeetingComplianceQueries } from '../meetings/meetingComplianceQueries';
import { MeetingQueries } from '../meetings/meetingQueries';
import { MemberQueries } from '../members/memberQueries';
import { ObligationQueries } from '../obligations/obligationQueries';
import { PairingQueries } from '../pairings/pairingQueries';
import { UnitQueries } from '../units/unitQueries';

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
