import { appFeature } from '../appFeature';
import { DuesArrearsQueries } from '../dues/duesArrearsQueries';
import type { DuesQueries } from '../dues/duesQueries';
import type { LeadershipQueries } from '../leadership/leadershipQueries';
import type { MeetingComplianceQueries } from '../meetings/meetingComplianceQueries';
import type { MemberQueries } from '../members/memberQueries';
import type { UnitQueries } from '../units/unitQueries';
import { ObligationQueries } from './obligationQueries';

/** What obligations are answered from: units, members, officer terms, meeting compliance and dues. */
interface ObligationSources {
  unitQueries: UnitQueries;
  memberQueries: MemberQueries;
  leadershipQueries: LeadershipQueries;
  meetingComplianceQueries: MeetingComplianceQueries;
  duesQueries: DuesQueries;
}

/** Obligations: what a unit owes (elections due, meetings, dues in arrears), derived from other features. */
export const obligationsFeature = appFeature({
  queries: ({ readStore }, sources: ObligationSources) => ({
    obligationQueries: new ObligationQueries(
      readStore,
      sources.unitQueries,
      sources.memberQueries,
      sources.leadershipQueries,
      sources.meetingComplianceQueries,
      new DuesArrearsQueries(readStore, sources.duesQueries),
    ),
  }),
  commands: () => ({}),
});
