import type { ClassType, NonEmptyArray } from 'type-graphql';

/** What one feature folder contributes to the API: its `index.ts` exports one, src/api/features.ts lists them. */
export interface ApiFeature {
  /** Its resolver classes: root fields, and the fields it adds to its own and other features' types. */
  readonly resolvers: NonEmptyArray<ClassType>;
}
