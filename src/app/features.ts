import { accessFeature } from './access';
import { assessmentsFeature } from './assessments';
import { awardsFeature } from './awards';
import { correctionsFeature } from './corrections';
import { duesFeature } from './dues';
import { eventLogFeature } from './eventLog';
import { FeatureList, type CommandsOf, type QueriesOf } from './featureList';
import { leadershipFeature } from './leadership';
import { meetingsFeature } from './meetings';
import { membersFeature } from './members';
import { obligationsFeature } from './obligations';
import { pairingsFeature } from './pairings';
import { unitsFeature } from './units';

/**
 * Every feature of the app layer, each from its folder's `index.ts`, listed after the features
 * whose query services it needs. The query set, the app's command services and their types are
 * derived from this list: a new feature is its folder and one entry here.
 */
export const appFeatures = FeatureList.empty()
  .with(unitsFeature)
  .with(membersFeature)
  .with(eventLogFeature)
  .with(pairingsFeature)
  .with(awardsFeature)
  .with(leadershipFeature)
  .with(assessmentsFeature)
  .with(duesFeature)
  .with(meetingsFeature)
  .with(obligationsFeature)
  .with(correctionsFeature)
  .with(accessFeature);

/** Every feature's query services. */
export type FeatureQueries = QueriesOf<typeof appFeatures>;
/** Every feature's command services (and the background work that records events). */
export type FeatureCommands = CommandsOf<typeof appFeatures>;
