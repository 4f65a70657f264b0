import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { EventIndexDocument } from '../../../projections';
import type { ReadView } from '../shared/readView';
import { DateScalar } from '../shared/dateScalar';
import { DateTimeScalar } from '../shared/dateTimeScalar';
import { ConnectionType } from '../shared/connection';
import { EventActor } from './eventActor.type';

@ObjectType({ description: 'One recorded organizational event, as integrators receive it.' })
export class Event {
  /** The records it was read from: `retractedBy` and `retracts` answer from the same. */
  view!: ReadView;

  @Field(() => ID)
  id!: string;

  @Field({ description: 'What happened, in the past tense: `MemberRegistered`, `TransferAccepted`, …' })
  type!: string;

  @Field({ description: 'The stream of the aggregate it belongs to, e.g. `member-<id>`; its prefix is the category.' })
  stream!: string;

  @Field({ description: 'Place in the log: opaque, increasing. Pass it as `after` to resume, or as `minPosition` to read your write.' })
  position!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When the fact took effect in the organization.' })
  effectiveDate!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  recordedAt!: string;

  @Field(() => GraphQLJSON, { description: 'The event payload; schemas in schema/events/.' })
  data!: Record<string, unknown>;

  @Field(() => EventActor, { nullable: true, description: 'Who recorded it (ADMIN and ANALYST tokens only); null when the log does not say.' })
  actor!: EventActor | null;

  /** Id of the retraction that withdrew this event (resolved by `retractedBy`). */
  retractedById!: string | null;
}

export function toEvent(document: EventIndexDocument, view: ReadView): Event {
  return {
    view,
    id: document.eventId,
    type: document.type,
    stream: document.stream,
    position: document._id,
    effectiveDate: document.effectiveDate,
    recordedAt: document.recordedAt,
    data: document.data,
    actor: document.actor === undefined ? null : { name: document.actor, subject: document.actorSubject ?? null },
    retractedById: document.retractedBy ?? null,
  };
}

@InputType({ description: 'Which events to list or stream; every given criterion must hold.' })
export class EventFilter {
  @Field(() => [String], { nullable: true, description: 'Event types, e.g. ["TransferAccepted"].' })
  types?: string[];

  @Field(() => ID, { nullable: true, description: 'Events about this unit or anything in its subtree (as it stood on the event date).' })
  unitId?: string;

  @Field(() => ID, { nullable: true, description: 'Events about this member.' })
  memberId?: string;

  @Field(() => [String], { nullable: true, description: 'Stream categories: `unit`, `member`.' })
  categories?: string[];
}

export const EventConnection = ConnectionType(Event, 'Event');
