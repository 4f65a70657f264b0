import { eventLogProjections } from './eventLog';
import { readModelFeatures } from './features';
import type { Projection } from './shared/projection';

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

/** Every read model, in the order a batch is applied: the features' in their order, then the event index. */
export const allProjections: readonly Projection[] = [...readModelFeatures.flatMap((feature) => feature.projections), ...eventLogProjections];
