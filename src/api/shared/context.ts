import type { Principal } from '../../app/access/principal';
import { today } from '../../app/clock';
import type { OrgtrackApp } from '../../app/orgtrackApp';
import { waitForReadModels } from '../../app/eventLog/readYourWrites';
import { readView, type ReadView } from './readView';
import { scopedQuerySet } from '../../app/access/scopedQueries';
import type { QuerySet } from '../../app/queries/querySet';
import { InvalidInput } from '../../domain/shared/errors';
import { contextError } from './errors';
import type { ViewArgs } from './viewArgs';

/** Each moment not cached may replay the whole log: a request may not ask for many at once. */
export const MAX_MOMENTS_PER_REQUEST = 4;

/** Who is calling: the principal its token proved, or null when it sent none (refused by every root field). */
export type Caller = Principal | null;

export interface ApiContext {
  caller: Caller;
  /** The default `asOf`: today's date when the request arrived. */
  today: string;
  app: OrgtrackApp;
  /** The live read models of this request (the loaders over them batch and cache per request); mutations and subscriptions read these. */
  live: ReadView;
  /** The view a root field answers from: live without `knownAt`, else as recorded at that moment. */
  viewAt(knownAt: Date | string | null | undefined): Promise<ReadView>;
  /** Waits until the read models include `position` (read-your-writes). */
  readAfter(position: string | null | undefined, field?: string): Promise<void>;
  /**
   * What a root field answers from: waits for `minPosition`, then gives the view at `knownAt`
   * and the date `asOf`, default today (a query with RecordsArgs alone has no asOf).
   */
  view(args: ViewArgs): Promise<DatedView>;
}

export interface DatedView {
  view: ReadView;
  date: string;
}

/** The context of one request (HTTP or graphql-ws); whatever refuses it is mapped by errors.ts. */
export async function createContext(app: OrgtrackApp, caller: Caller, minPositionHeader: string | undefined): Promise<ApiContext> {
  try {
    return await contextFor(app, caller, minPositionHeader);
  } catch (error) {
    throw contextError(error);
  }
}

async function contextFor(app: OrgtrackApp, caller: Caller, minPositionHeader: string | undefined): Promise<ApiContext> {
  const readAfter = async (position: string | null | undefined, field = 'minPosition'): Promise<void> => {
    if (position) await waitForReadModels(app, position, field);
  };
  await readAfter(minPositionHeader, 'x-min-position');
  const scopeRoot = caller?.unitId ?? null;
  const scoped = (queries: QuerySet): QuerySet => (scopeRoot === null ? queries : scopedQuerySet(queries, scopeRoot));
  const live = readView(scoped(app), null, scopeRoot);
  const views = new Map<string, Promise<ReadView>>();
  const context: ApiContext = {
    caller,
    today: today(app.clock),
    app,
    live,
    viewAt(knownAt) {
      if (knownAt === null || knownAt === undefined) return Promise.resolve(live);
      const moment = typeof knownAt === 'string' ? knownAt : knownAt.toISOString();
      let view = views.get(moment);
      if (view === undefined) {
        if (views.size >= MAX_MOMENTS_PER_REQUEST) {
          throw new InvalidInput(
            'KNOWN_AT.TOO_MANY',
            `knownAt: one request may ask about at most ${MAX_MOMENTS_PER_REQUEST} different recorded moments (each may replay the log); send the others separately`,
            'knownAt',
          );
        }
        view = app.knownAt.at(moment).then((queries) => (queries.readStore === app.readStore ? live : readView(scoped(queries), moment, scopeRoot)));
        views.set(moment, view);
      }
      return view;
    },
    readAfter,
    async view(args) {
      await readAfter(args.minPosition);
      return { view: await context.viewAt(args.knownAt), date: args.asOf ?? context.today };
    },
  };
  return context;
}

/**
 * What a mutation takes from its caller: the actor its events record (the token's name and
 * subject), whose idempotency keys it uses, and the subtree its refusals may speak of.
 */
export function callerOptionsOf(context: ApiContext): { actor: string; actorSubject?: string; idempotencyOwner?: string; scopeRoot?: string } {
  const { caller } = context;
  if (caller === null) return { actor: 'anonymous' };
  return {
    actor: caller.name,
    actorSubject: caller.subject,
    idempotencyOwner: `${caller.source}:${caller.subject}`,
    ...(caller.unitId === null ? {} : { scopeRoot: caller.unitId }),
  };
}
