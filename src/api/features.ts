import type { ClassType, NonEmptyArray } from 'type-graphql';
import type { ApiFeature } from './shared/apiFeature';
import { RuleBook } from './shared/access/accessRules';
import type { MutationScopeRules } from './shared/access/mutationScope';
import type { QueryScopeRules } from './shared/access/queryScope';
import { sharedAccess } from './shared/shared.access';
import { assessmentsApi } from './assessments';
import { awardsApi } from './awards';
import { correctionsApi } from './corrections';
import { duesApi } from './dues';
import { eventLogApi } from './eventLog';
import { leadershipApi } from './leadership';
import { meetingsApi } from './meetings';
import { membersApi } from './members';
import { obligationsApi } from './obligations';
import { pairingsApi } from './pairings';
import { unitsApi } from './units';

/**
 * Every feature of the API, one per folder of src/api: adding a feature is its folder and one
 * entry here (test/unit/api/apiFeatures.unit.test.ts fails for a resolver no entry brings).
 */
export const apiFeatures: NonEmptyArray<ApiFeature> = [
  unitsApi,
  membersApi,
  eventLogApi,
  assessmentsApi,
  leadershipApi,
  awardsApi,
  pairingsApi,
  duesApi,
  obligationsApi,
  correctionsApi,
  meetingsApi,
];

/** Every feature's access rules, and the shared types' (page info), in one book. */
export function accessRuleBook(): RuleBook {
  return new RuleBook([sharedAccess, ...apiFeatures.map((feature) => feature.access)]);
}

/** Every feature's mutation targets in one table (mutation names are unique in the schema). */
export function mutationScopeRules(): MutationScopeRules {
  return Object.assign({}, ...apiFeatures.map((feature) => feature.mutationScope ?? {})) as MutationScopeRules;
}

/** Every feature's root query subjects and organization-wide lists, in one set of rules. */
export function queryScopeRules(): QueryScopeRules {
  return {
    subjects: Object.assign({}, ...apiFeatures.map((feature) => feature.queryScope?.subjects ?? {})) as QueryScopeRules['subjects'],
    wholeOrganization: apiFeatures.flatMap((feature) => feature.queryScope?.wholeOrganization ?? []),
  };
}

/** The resolver classes of every feature, which the schema is built from. */
export function apiResolvers(): NonEmptyArray<ClassType> {
  const [first, ...rest] = apiFeatures;
  return [...first.resolvers, ...rest.flatMap((feature) => feature.resolvers)];
}
