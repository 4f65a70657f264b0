import type { ClassType, NonEmptyArray } from 'type-graphql';
import type { AccessRules } from './access/accessRules';
import type { MutationScopeRules } from './access/mutationScope';
import type { QueryScopeRules } from './access/queryScope';

/** What one feature folder contributes to the API: its `index.ts` exports one, src/api/features.ts lists them. */
export interface ApiFeature {
  /** Its resolver classes: root fields, and the fields it adds to its own and other features' types. */
  readonly resolvers: NonEmptyArray<ClassType>;
  /** Who may read each field it adds, its root fields included (`<feature>.access.ts`). */
  readonly access: AccessRules;
  /** What each of its mutations acts on, for callers scoped to a subtree; none: ADMIN only. */
  readonly mutationScope?: MutationScopeRules;
  /** What its root queries' answers are about, for callers scoped to a subtree. */
  readonly queryScope?: QueryScopeRules;
}
