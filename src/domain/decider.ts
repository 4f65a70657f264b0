/**
 * An event as an aggregate's `evolve` sees it: with the date it took effect and, when it was
 * loaded from the store, its recorded id (hand-made events in tests need none).
 */
export type Dated<E> = E & { effectiveDate: string; eventId?: string };

/**
 * An aggregate as pure functions (DESIGN.md "Write side"): fold past events with `evolve`,
 * then `decide` what a command produces. `decide` throws a `DomainError` to refuse.
 */
export interface Decider<Command, Event, State> {
  initialState: () => State;
  evolve: (state: State, event: Dated<Event>) => State;
  decide: (command: Command, state: State) => Event[];
  /** Fold retracted events and the retractions too; every other decider sees only live events. */
  seesRetractedEvents?: true;
}
