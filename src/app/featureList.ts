import type { AppFeature, CommandParts, QueryParts } from './appFeature';

/**
 * Features in dependency order, with the query and command services they add up to. `with`
 * only accepts a feature whose needs the features before it provide, so a missing or misplaced
 * entry fails to compile; the types of everything built are derived from the entries.
 */
export class FeatureList<Queries, Commands> {
  private constructor(
    /** Every feature's query services over one set of read models. */
    readonly queries: (parts: QueryParts) => Queries,
    /** Every feature's command services, given the live query services. */
    readonly commands: (parts: CommandParts, queries: Queries) => Commands,
  ) {}

  static empty(): FeatureList<Record<never, never>, Record<never, never>> {
    return new FeatureList(
      () => ({}),
      () => ({}),
    );
  }

  with<AddedQueries, AddedCommands>(feature: AppFeature<Queries, AddedQueries, AddedCommands>): FeatureList<Queries & AddedQueries, Commands & AddedCommands> {
    return new FeatureList(
      (parts) => {
        const before = this.queries(parts);
        return { ...before, ...feature.queries(parts, before) };
      },
      (parts, queries) => ({ ...this.commands(parts, queries), ...feature.commands(parts, queries) }),
    );
  }
}

export type QueriesOf<List> = List extends FeatureList<infer Queries, infer _Commands> ? Queries : never;
export type CommandsOf<List> = List extends FeatureList<infer _Queries, infer Commands> ? Commands : never;
