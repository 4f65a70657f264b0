import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { MeetingKind } from '../../domain/meetings/meetingKind';
import type { Frequency } from '../../domain/meetings/meetingRequirements';
import type { Obligation as FoundObligation, ObligationKind } from '../../app/obligations/obligation';
import type { ReadView } from '../shared/readView';
import { DateScalar } from '../shared/dateScalar';
import { MeetingFrequencyEnum, MeetingKindEnum } from '../meetings/meeting.enums';
import { Money, toMoney } from '../dues/money.type';
import { ObligationKindEnum } from './obligation.enums';
import { OfficerTerm, toOfficerTerm } from '../leadership/officerTerm.type';

@ObjectType({
  description:
    "Something that falls due in a unit's subtree, as it stood on the `asOf` date of the query: the date it is due, the rule that makes it due, the unit (and member) concerned, and details by kind (the other kinds' detail fields are null).",
})
export class Obligation {
  asOf!: string;
  view!: ReadView;
  unitId!: string;
  memberId!: string | null;

  @Field(() => ID, { description: 'The same obligation has the same id on every asOf it is listed on (a term keeps its id when it lapses).' })
  id!: string;

  @Field(() => ObligationKindEnum, { description: 'What falls due; see ObligationKind.' })
  kind!: ObligationKind;

  @Field(() => DateScalar, {
    description:
      'The day it falls due: the end of the term; the end of the probation year; the last day of the month, quarter or year the meeting is due in; the day the dues arrears went beyond 3 months.',
  })
  dueOn!: string;

  @Field({ description: 'True when dueOn is before asOf: the obligation is overdue (a lapsed term, a probation past its year, dues arrears).' })
  overdue!: boolean;

  @Field({
    description: 'The rule that makes it due, in plain language, e.g. "A branch committee is elected for 3 years; a new election is due when the term ends."',
  })
  rule!: string;

  @Field(() => OfficerTerm, {
    nullable: true,
    description:
      "TERM_ENDING and TERM_LAPSED: the term of the unit's most senior officer in office (secretary first); every officer of the same election shares its end.",
  })
  term!: OfficerTerm | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'PROBATION_ENDING: the day probation began: the day the member advanced to PROBATIONARY, or for a member registered as PROBATIONARY, their political birthday (joinedOn).',
  })
  probationStartedOn!: string | null;

  @Field(() => MeetingKindEnum, { nullable: true, description: 'MEETING_DUE: the kind of meeting due.' })
  meetingKind!: MeetingKind | null;

  @Field(() => MeetingFrequencyEnum, { nullable: true, description: 'MEETING_DUE: how often it is due.' })
  meetingFrequency!: Frequency | null;

  @Field(() => String, { nullable: true, description: 'MEETING_DUE: the period it is due in and not yet held: `2026-06`, `2026-Q2` or `2026`.' })
  period!: string | null;

  @Field(() => Int, { nullable: true, description: 'DUES_ARREARS: months over before asOf (at most 120 back) not paid in full.' })
  monthsInArrears!: number | null;

  @Field(() => [String], { nullable: true, description: 'DUES_ARREARS: those months (YYYY-MM), oldest first.' })
  unpaidPeriods!: string[] | null;

  @Field(() => Money, { nullable: true, description: 'DUES_ARREARS: what is still owed for those months, as recorded by asOf.' })
  outstanding!: Money | null;
}

export function toObligation(found: FoundObligation, asOf: string, view: ReadView): Obligation {
  const obligation: Obligation = {
    asOf,
    view,
    unitId: found.unitId,
    memberId: found.memberId,
    id: found.id,
    kind: found.kind,
    dueOn: found.dueOn,
    overdue: found.dueOn < asOf,
    rule: found.rule,
    term: null,
    probationStartedOn: null,
    meetingKind: null,
    meetingFrequency: null,
    period: null,
    monthsInArrears: null,
    unpaidPeriods: null,
    outstanding: null,
  };
  switch (found.kind) {
    case 'TERM_ENDING':
    case 'TERM_LAPSED':
      return { ...obligation, term: toOfficerTerm(found.term, asOf, view) };
    case 'PROBATION_ENDING':
      return { ...obligation, probationStartedOn: found.probationStartedOn };
    case 'MEETING_DUE':
      return { ...obligation, meetingKind: found.meetingKind, meetingFrequency: found.frequency, period: found.period };
    case 'DUES_ARREARS':
      return { ...obligation, monthsInArrears: found.unpaidPeriods.length, unpaidPeriods: found.unpaidPeriods, outstanding: toMoney(found.outstandingMinor) };
    default: {
      const unknown: never = found;
      throw new Error(`Unexpected obligation: ${JSON.stringify(unknown)}`);
    }
  }
}
