import { assessmentsProjections } from './assessments';
import { awardsProjections } from './awards';
import { duesProjections } from './dues';
import { eventLogProjections } from './eventLog';
import { leadershipProjections } from './leadership';
import { meetingsProjections } from './meetings';
import { membersProjections } from './members';
import { pairingsProjections } from './pairings';
import type { Projection } from './shared/projection';
import { unitsProjections } from './units';

export * from './assessments';
export * from './awards';
export * from './dues';
export * from './eventLog';
export * from './leadership';
export * from './meetings';
export * from './members';
export * from './pairings';
export * from './units';
export type { Projection } from './shared/projection';
export { activeOn, isActiveOn, lastStartedOn, type Interval } from './shared/temporal';

/**
 * Every read model, in the order a batch is applied, feature by feature: dues read the members'
 * read models of the same batch, and the event index reads unit versions, memberships and
 * transfers, so it comes last.
 */
export const allProjections: readonly Projection[] = [
  ...unitsProjections,
  ...membersProjections,
  ...pairingsProjections,
  ...awardsProjections,
  ...assessmentsProjections,
  ...duesProjections,
  ...meetingsProjections,
  ...leadershipProjections,
  ...eventLogProjections,
];
