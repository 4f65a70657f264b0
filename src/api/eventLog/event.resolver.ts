import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import { pageSize } from '../../app/queries/page';
import { requireRecordedPosition } from '../../app/eventLog/readYourWrites';
import type { EventIndexDocument } from '../../../projections';
import type { ApiContext } from '../shared/context';
import { toConnection, type Connection } from '../shared/connection';
import { Event, EventConnection, EventFilter, toEvent } from './event.type';
import { PageArgs } from '../shared/pageArgs';
import { RecordsArgs } from '../shared/viewArgs';
import { eventLoaders } from './eventLoaders';
import { replayCallerKey } from './replayCallerKey';

interface OrgEventsArgs {
  filter?: EventFilter | null;
  after?: string | null;
}

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, { description: 'The event log in order, filtered; cursors are positions, usable as `after` of `orgEvents`.' })
  async events(
    @Arg('filter', () => EventFilter, { nullable: true }) filter: EventFilter | undefined,
    @Args(() => RecordsArgs) viewArgs: RecordsArgs,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() context: ApiContext,
  ): Promise<Connection<Event>> {
    const { view } = await context.view(viewArgs);
    const page = await view.eventQueries.page(filter ?? undefined, { first: pageSize(first), after });
    return toConnection(page, (event) => toEvent(event, view));
  }

  @FieldResolver(() => Event, { nullable: true, description: 'The `EventRetracted` that withdrew this event; null while it stands. The log keeps both.' })
  async retractedBy(@Root() event: Event): Promise<Event | null> {
    if (event.retractedById === null) return null;
    const retraction = await eventLoaders(event.view).byId.load(event.retractedById);
    return retraction ? toEvent(retraction, event.view) : null;
  }

  @FieldResolver(() => Event, { nullable: true, description: 'For an `EventRetracted`: the event it withdrew; null for every other event.' })
  async retracts(@Root() event: Event): Promise<Event | null> {
    if (event.type !== 'EventRetracted' || typeof event.data.eventId !== 'string') return null;
    const target = await eventLoaders(event.view).byId.load(event.data.eventId);
    return target ? toEvent(target, event.view) : null;
  }

  @Subscription(() => Event, {
    description:
      'Organizational events as they are recorded. With `after` (a position), first every matching event after it, then live ones: in log order, no gap, no repeat.',
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, OrgEventsArgs, ApiContext>) => {
      const after = args.after ? await requireRecordedPosition(context.app, args.after, 'after') : undefined;
      const within = context.caller?.unitId ?? undefined;
      return context.app.hub.subscribe({ filter: { ...args.filter, within }, after, callerKey: replayCallerKey(context.caller) });
    },
  })
  orgEvents(
    @Root() event: EventIndexDocument,
    @Arg('filter', () => EventFilter, { nullable: true }) _filter: EventFilter | undefined,
    @Arg('after', () => String, { nullable: true, description: 'Resume after this position (from `Event.position`).' }) _after: string | undefined,
    @Ctx() context: ApiContext,
  ): Event {
    // A live stream: its events link to the log as it stands now.
    return toEvent(event, context.live);
  }
}
