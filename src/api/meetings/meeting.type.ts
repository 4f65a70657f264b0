import { Field, ID, ObjectType } from 'type-graphql';
import type { MeetingKind } from '../../domain/meetings/meetingKind';
import type { MeetingDocument } from '../../../projections';
import type { ReadView } from '../shared/readView';
import { DateScalar } from '../shared/dateScalar';
import { MeetingKindEnum } from './meeting.enums';

@ObjectType({ description: 'A meeting (三会一课, 主题党日, ...) as recorded, with its attendance.' })
export class Meeting {
  /** The date the related units and members are shown for (passed down from the root). */
  asOf!: string;
  view!: ReadView;

  @Field(() => ID)
  id!: string;

  @Field(() => MeetingKindEnum)
  kind!: MeetingKind;

  @Field(() => DateScalar, { description: 'The day it was held (its effective date).' })
  heldOn!: string;

  @Field(() => String, { nullable: true })
  topic!: string | null;

  @Field(() => ID, { description: 'The unit that held it.' })
  unitId!: string;

  @Field(() => [ID], { description: 'Members present.' })
  attendeeIds!: string[];

  @Field(() => [ID], { description: 'Members absent with an excuse.' })
  excusedIds!: string[];

  @Field(() => [ID], { description: 'Members absent without an excuse.' })
  absentIds!: string[];
}

export function toMeeting(document: MeetingDocument, asOf: string, view: ReadView): Meeting {
  return {
    asOf,
    view,
    id: document._id,
    kind: document.kind,
    heldOn: document.heldOn,
    topic: document.topic,
    unitId: document.unitId,
    attendeeIds: document.attendees,
    excusedIds: document.excused,
    absentIds: document.absent,
  };
}
