import { accessReadModels } from './access';
import { assessmentsReadModels } from './assessments';
import { awardsReadModels } from './awards';
import { duesReadModels } from './dues';
import { leadershipReadModels } from './leadership';
import { meetingsReadModels } from './meetings';
import { membersReadModels } from './members';
import { pairingsReadModels } from './pairings';
import { unitsReadModels } from './units';

/**
 * Every feature's read models, in the order a batch applies them (dues read the members' read
 * models of the same batch); the event index, which reads the others, comes after all of them.
 * A new feature is its folder and one entry here.
 */
export const readModelFeatures = [
  unitsReadModels,
  membersReadModels,
  pairingsReadModels,
  awardsReadModels,
  assessmentsReadModels,
  duesReadModels,
  meetingsReadModels,
  leadershipReadModels,
  accessReadModels,
] as const;
