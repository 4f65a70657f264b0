import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { MeetingKind } from '../../domain/meetings/meetingKind';
import type { Frequency } from '../../domain/meetings/meetingRequirements';
import type { MeetingCompliance as ComplianceReport } from '../../app/meetings/meetingComplianceQueries';
import type { ReadView } from '../shared/readView';
import { DateScalar } from '../shared/dateScalar';
import { MeetingFrequencyEnum, MeetingKindEnum } from './meeting.enums';

@ObjectType({ description: 'One required meeting of a branch or group: the periods it was due in, held or missing.' })
export class MeetingRequirement {
  asOf!: string;
  view!: ReadView;

  @Field(() => ID, { description: 'The branch, or the group for GROUP_MEETING.' })
  unitId!: string;

  @Field(() => MeetingKindEnum)
  kind!: MeetingKind;

  @Field(() => MeetingFrequencyEnum)
  frequency!: Frequency;

  @Field(() => [String], { description: 'Periods due (overlapping the range, the unit existing, not starting after today), in order.' })
  periods!: string[];

  @Field(() => [String], { description: 'Periods in which a meeting of the kind was held by the unit.' })
  held!: string[];

  @Field(() => [String])
  missing!: string[];
}

@ObjectType({ description: "A branch's required meetings over the range." })
export class BranchMeetingCompliance {
  asOf!: string;
  view!: ReadView;

  @Field(() => ID)
  branchId!: string;

  @Field(() => Int, { description: 'Missing periods over all requirements of the branch and its groups.' })
  missingCount!: number;

  @Field(() => [MeetingRequirement])
  requirements!: MeetingRequirement[];
}

@ObjectType({ description: 'Which required meetings (DOMAIN.md "Meetings") each branch held and which are missing.' })
export class MeetingCompliance {
  view!: ReadView;

  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => DateScalar, { description: 'The day the subtree is taken on: the last day of `to`, or today if earlier.' })
  asOf!: string;

  @Field(() => [BranchMeetingCompliance], { description: 'Branches of the subtree on asOf (or the branch asked for).' })
  branches!: BranchMeetingCompliance[];
}

export function toMeetingCompliance(report: ComplianceReport, view: ReadView): MeetingCompliance {
  const { from, to, asOf } = report;
  return {
    view,
    from,
    to,
    asOf,
    branches: report.branches.map(({ branchId, requirements }) => ({
      asOf,
      view,
      branchId,
      missingCount: requirements.reduce((sum, requirement) => sum + requirement.missing.length, 0),
      requirements: requirements.map((requirement) => ({ asOf, view, ...requirement })),
    })),
  };
}
