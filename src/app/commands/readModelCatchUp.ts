import type { Projector } from '../projector/projector';

/**
 * Rules that span many aggregates are decided on the read models (`…ReadFacts`); this waits
 * until they include every event recorded so far, so such a decision sees the latest writes.
 */
export class ReadModelCatchUp {
  constructor(private readonly projector: Projector) {}

  /** Waits until the read models include everything in the log. */
  async upToDate(): Promise<void> {
    await this.projector.catchUp(30_000);
  }
}
