import { today } from '../app/clock';
import type { OrgtrackApp } from '../app/orgtrackApp';
import { requirePosition } from '../app/queries/eventQueries';
import { createRequestLoaders, type RequestLoaders } from './loaders/requestLoaders';

/** Who is calling. Everyone is anonymous for now; access rules will hang off this one place. */
export type Caller = { kind: 'anonymous' };

export interface ApiContext {
  caller: Caller;
  /** The default `asOf`: today's date when the request arrived. */
  today: string;
  app: OrgtrackApp;
  /** Every read of the request goes through these (batched, cached per request). */
  loaders: RequestLoaders;
  /** Waits until the read models include `position` (read-your-writes). */
  readAfter(position: string | null | undefined, field?: string): Promise<void>;
}

export async function createContext(app: OrgtrackApp, minPositionHeader: string | undefined): Promise<ApiContext> {
  const readAfter = async (position: string | null | undefined, field = 'minPosition'): Promise<void> => {
    if (position) await app.projector.waitFor(requirePosition(position, field));
  };
  await readAfter(minPositionHeader, 'x-min-position');
  return {
    caller: { kind: 'anonymous' },
    today: today(app.clock),
    app,
    loaders: createRequestLoaders(app.unitQueries, app.memberQueries, app.readStore),
    readAfter,
  };
}

export function actorOf(context: ApiContext): string {
  return context.caller.kind;
}
